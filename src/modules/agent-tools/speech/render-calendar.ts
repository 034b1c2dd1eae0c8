import type { Locale } from '../../tenants/company.entity';
import type { AppointmentView, FreeDay, ToolResult } from '../tool-results';
import { FunctionAnswer, joinList, speakDateTime, speakDay, speakSlots } from './speech';

/** The company's language and timezone: all a sentence needs besides the result. */
export interface Voice {
  locale: Locale;
  timezone: string;
}

type Result<K extends ToolResult['kind']> = Extract<ToolResult, { kind: K }>;

export const say = (locale: Locale, de: string, en: string) => (locale === 'de' ? de : en);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const iso = (instants: Date[]) => instants.map((instant) => instant.toISOString());
const SLOTS_SPOKEN_PER_DAY = 4;

export function renderFree({ start }: Result<'free'>, { locale, timezone }: Voice): FunctionAnswer {
  const spoken = cap(speakDateTime(start, timezone, locale));
  return {
    success: true,
    message: say(locale, `${spoken} ist frei.`, `${spoken} is available.`),
    data: { available: true, start: start.toISOString() },
  };
}

const daysData = (days: FreeDay[]) => days.map((day) => ({ date: day.day, slots: iso(day.slots) }));

export function renderFreeTimes({ days }: Result<'freeTimes'>, { locale, timezone }: Voice): FunctionAnswer {
  const spoken = days
    .filter((day) => day.slots.length > 0)
    .map((day) => {
      const slots = speakSlots(day.slots.slice(0, SLOTS_SPOKEN_PER_DAY), timezone, locale);
      return `${speakDay(day.day, timezone, locale)} ${slots}`;
    });
  return {
    success: true,
    message: say(locale, `Frei wäre ${joinList('de', spoken, 'or')}.`, `I have ${joinList('en', spoken, 'or')}.`),
    data: { available: true, days: daysData(days) },
  };
}

/** "That time is taken" (when there was one) and up to three others, or that nothing is free. */
export function renderSlotTaken(result: Result<'slotTaken'>, { locale, timezone }: Voice): FunctionAnswer {
  const { wanted, alternatives, days } = result;
  const spokenWanted = wanted ? cap(speakDateTime(wanted, timezone, locale)) : '';
  const taken = wanted
    ? say(locale, `${spokenWanted} ist leider schon vergeben.`, `${spokenWanted} is already taken.`)
    : '';
  const data = { available: false, ...(days ? { days: daysData(days) } : {}), alternatives: iso(alternatives) };
  const options = speakSlots(alternatives, timezone, locale, 'or');
  const offer =
    alternatives.length === 0
      ? say(locale, 'In den nächsten Tagen ist leider nichts frei.', 'Nothing is free in the next days, unfortunately.')
      : say(locale, `Ich könnte Ihnen ${options} anbieten.`, `I could offer ${options}.`);
  return { success: false, message: `${taken} ${offer}`.trim(), data };
}

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

export function renderBooked({ appointment, moved }: Result<'booked'>, { locale, timezone }: Voice): FunctionAnswer {
  const what = `${appointment.service} ${say(locale, 'am', 'on')} ${speakDateTime(appointment.start, timezone, locale)}`;
  const pending = appointment.status === 'requested';
  const message = pending
    ? say(
        locale,
        `Ich habe den Termin angefragt: ${what}. Sie bekommen eine Bestätigung, sobald er bestätigt ist.`,
        `I've requested the appointment: ${what}. You'll get a confirmation once it is confirmed.`,
      )
    : moved
      ? say(locale, `Ihr Termin ist verschoben auf ${what}.`, `Your appointment is moved to ${what}.`)
      : say(locale, `Ihr Termin ist gebucht: ${what}.`, `Your appointment is booked: ${what}.`);
  const { id, status, start, service } = appointment;
  return { success: true, message, data: { appointment_id: id, status, start: start.toISOString(), service } };
}

export function renderCancelled(result: Result<'cancelled'>, { locale, timezone }: Voice): FunctionAnswer {
  const when = speakDateTime(result.appointment.start, timezone, locale);
  const message = result.alreadyCancelled
    ? say(locale, `Der Termin am ${when} war bereits storniert.`, `The appointment on ${when} was already cancelled.`)
    : say(locale, `Ihr Termin am ${when} ist storniert.`, `Your appointment on ${when} is cancelled.`);
  const data = {
    appointment_id: result.appointment.id,
    status: 'cancelled',
    start: result.appointment.start.toISOString(),
  };
  return { success: true, message, data };
}

const spokenAppointment = (row: AppointmentView, { locale, timezone }: Voice) =>
  `${row.service ?? ''} ${say(locale, 'am', 'on')} ${speakDateTime(row.start, timezone, locale)}`.trim();

const appointmentData = (row: AppointmentView) => ({
  appointment_id: row.id,
  service: row.service,
  start: row.start.toISOString(),
  ...(row.status ? { status: row.status } : {}),
});

export function renderAppointments({ appointments }: Result<'appointments'>, voice: Voice): FunctionAnswer {
  const { locale } = voice;
  if (appointments.length === 0)
    return {
      success: true,
      message: say(
        locale,
        'Ich finde keine anstehenden Termine für Sie.',
        "I can't find any upcoming appointments for you.",
      ),
      data: { appointments: [] },
    };
  const requested = say(locale, ' (angefragt, noch nicht bestätigt)', ' (requested, not yet confirmed)');
  const spoken = appointments.map(
    (row) => `${spokenAppointment(row, voice)}${row.status === 'requested' ? requested : ''}`,
  );
  const count = appointments.length;
  const lead =
    count === 1
      ? say(locale, 'Sie haben einen Termin:', 'You have one appointment:')
      : say(locale, `Sie haben ${count} Termine:`, `You have ${count} appointments:`);
  return {
    success: true,
    message: `${lead} ${joinList(locale, spoken)}.`,
    data: { appointments: appointments.map(appointmentData) },
  };
}

export function renderWhich({ appointments }: Result<'whichAppointment'>, voice: Voice): FunctionAnswer {
  const spoken = appointments.map((row) => spokenAppointment(row, voice));
  return {
    success: false,
    message: say(
      voice.locale,
      `Sie haben mehrere Termine: ${joinList('de', spoken)}. Welchen meinen Sie?`,
      `You have several appointments: ${joinList('en', spoken)}. Which one do you mean?`,
    ),
    data: { appointments: appointments.map(appointmentData) },
  };
}
