import type { AppointmentView, ToolResult } from '../tool-results';
import { FunctionAnswer, joinList, NEXT, say, Voice } from './speech';
import { fitting } from './spoken-offers';
import { speakDateTime } from './spoken-times';

type Result<K extends ToolResult['kind']> = Extract<ToolResult, { kind: K }>;

export function renderConfirm(result: Result<'confirmBooking'>, { locale, timezone }: Voice): FunctionAnswer {
  const when = speakDateTime(result.start, timezone, locale);
  const summary = `${result.service} ${say(locale, 'am', 'on')} ${when} ${say(locale, 'für', 'for')} ${result.name}`;
  return {
    success: true,
    message: say(
      locale,
      `Ich fasse zusammen: ${summary}. Soll ich das so buchen?`,
      `To confirm: ${summary}. Shall I book it?`,
    ),
    data: {
      available: true,
      start: result.start.toISOString(),
      service: result.service,
      confirmed: false,
      held_until: result.heldUntil?.toISOString() ?? null,
    },
  };
}

export function renderDeclined({ released }: Result<'declined'>, { locale }: Voice): FunctionAnswer {
  return {
    success: true,
    message: say(
      locale,
      'In Ordnung, das habe ich nicht gebucht. Möchten Sie eine andere Zeit?',
      "All right, I haven't booked that. Would you like another time?",
    ),
    data: { booked: false, released },
  };
}

/** Booked, requested, moved (from the old time to the new one) or left as it was, and the next step. */
export function renderBooked(result: Result<'booked'>, voice: Voice): FunctionAnswer {
  const { locale, timezone } = voice;
  const { appointment, previous, unchanged } = result;
  const at = (start: Date) => speakDateTime(start, timezone, locale);
  const what = `${appointment.service} ${say(locale, 'am', 'on')} ${at(appointment.start)}`;
  const yours = say(locale, `Ihr ${appointment.service}`, `Your ${appointment.service}`);
  const said = unchanged
    ? say(
        locale,
        `${yours} ist schon am ${at(appointment.start)} und bleibt, wie er ist.`,
        `${yours} is already on ${at(appointment.start)} and stays as it is.`,
      )
    : previous
      ? say(
          locale,
          `${yours} ist verschoben: von ${at(previous)} auf ${at(appointment.start)}.`,
          `${yours} is moved from ${at(previous)} to ${at(appointment.start)}.`,
        )
      : appointment.status === 'requested'
        ? say(
            locale,
            `Ich habe den Termin angefragt: ${what}. Sie bekommen eine Bestätigung.`,
            `I've requested the appointment: ${what}. You'll get a confirmation.`,
          )
        : say(locale, `Ihr Termin ist gebucht: ${what}.`, `Your appointment is booked: ${what}.`);
  const { id, status, start, service } = appointment;
  const data = { appointment_id: id, status, start: start.toISOString(), service };
  const moves = previous ? { previous_start: previous.toISOString(), changed: !unchanged } : {};
  return { success: true, message: `${said} ${NEXT.anythingElse[locale]}`, data: { ...data, ...moves } };
}

export function renderCancelled(result: Result<'cancelled'>, voice: Voice): FunctionAnswer {
  const { locale } = voice;
  const what = spokenAppointment(result.appointment, voice);
  const said = result.alreadyCancelled
    ? say(locale, `${what} war bereits storniert.`, `${what} was already cancelled.`)
    : say(locale, `${what} ist storniert.`, `${what} is cancelled.`);
  const data = {
    appointment_id: result.appointment.id,
    status: 'cancelled',
    start: result.appointment.start.toISOString(),
  };
  return { success: true, message: `${said} ${NEXT.newAppointment[locale]}`, data };
}

/** "Ihr Haarschnitt am Dienstag, 8. Dezember um 15 Uhr" / "Your Haircut on …". */
function spokenAppointment(row: AppointmentView, { locale, timezone }: Voice): string {
  const service = row.service ?? say(locale, 'Termin', 'appointment');
  return say(locale, `Ihr ${service} am`, `Your ${service} on`) + ` ${speakDateTime(row.start, timezone, locale)}`;
}

const listed = (row: AppointmentView, { locale, timezone }: Voice) =>
  `${row.service ?? ''} ${say(locale, 'am', 'on')} ${speakDateTime(row.start, timezone, locale)}`.trim();

const appointmentData = (row: AppointmentView) => ({
  appointment_id: row.id,
  service: row.service,
  start: row.start.toISOString(),
  ...(row.status ? { status: row.status } : {}),
});

/** The appointments said one by one while they fit in one hearing, then how many more. */
function speakList(rows: AppointmentView[], voice: Voice, lead: (count: number) => string, ask: string): string {
  const requested = say(voice.locale, ' (noch nicht bestätigt)', ' (not yet confirmed)');
  const spoken = rows.map((row) => `${listed(row, voice)}${row.status === 'requested' ? requested : ''}`);
  const candidates = [rows.length, 2, 1].map((shown) => {
    const rest = rows.length - shown;
    const more = rest > 0 ? [say(voice.locale, `${rest} weitere`, `${rest} more`)] : [];
    return `${lead(rows.length)} ${joinList(voice.locale, [...spoken.slice(0, shown), ...more])}. ${ask}`;
  });
  return fitting(candidates);
}

export function renderAppointments({ appointments }: Result<'appointments'>, voice: Voice): FunctionAnswer {
  const { locale } = voice;
  if (appointments.length === 0)
    return {
      success: true,
      message: say(
        locale,
        `Ich finde keine anstehenden Termine für Sie. ${NEXT.newAppointment.de}`,
        `I can't find any upcoming appointments for you. ${NEXT.newAppointment.en}`,
      ),
      data: { appointments: [] },
    };
  const lead = (count: number) =>
    count === 1
      ? say(locale, 'Sie haben einen Termin:', 'You have one appointment:')
      : say(locale, `Sie haben ${count} Termine:`, `You have ${count} appointments:`);
  const ask = say(locale, 'Möchten Sie daran etwas ändern?', 'Would you like to change anything?');
  return {
    success: true,
    message: speakList(appointments, voice, lead, ask),
    data: { appointments: appointments.map(appointmentData) },
  };
}

export function renderWhich({ appointments }: Result<'whichAppointment'>, voice: Voice): FunctionAnswer {
  const lead = () => say(voice.locale, 'Sie haben mehrere Termine:', 'You have several appointments:');
  const ask = say(voice.locale, 'Welchen meinen Sie?', 'Which one do you mean?');
  return {
    success: false,
    message: speakList(appointments, voice, lead, ask),
    data: { appointments: appointments.map(appointmentData) },
  };
}
