import type { ToolResult } from '../tool-results';
import {
  renderAppointments,
  renderBooked,
  renderCancelled,
  renderConfirm,
  renderDeclined,
  renderWhich,
} from './render-calendar';
import { renderBranches, renderServices } from './render-catalog';
import { renderAlternatives, renderFree, renderFreeTimes, renderUnavailable } from './render-offers';
import { fail, FunctionAnswer, joinList, missingFields, NEXT, say, Voice } from './speech';
import { speakClarification, speakDateTime } from './spoken-times';

type Result<K extends ToolResult['kind']> = Extract<ToolResult, { kind: K }>;
type Renderers = { [K in ToolResult['kind']]: (result: Result<K>, voice: Voice) => FunctionAnswer };

const RENDERERS: Renderers = {
  services: renderServices,
  branches: renderBranches,
  customerSaved: ({ customerId, name }, { locale }) => ({
    success: true,
    message: say(
      locale,
      `Danke, ${name}. Ich habe Ihre Daten notiert. Wie kann ich Ihnen helfen?`,
      `Thank you, ${name}. I've noted your details. How can I help you?`,
    ),
    data: { customer_id: customerId },
  }),
  free: renderFree,
  freeTimes: renderFreeTimes,
  alternatives: renderAlternatives,
  unavailable: renderUnavailable,
  confirmBooking: renderConfirm,
  declined: renderDeclined,
  booked: renderBooked,
  cancelled: renderCancelled,
  appointments: renderAppointments,
  whichAppointment: renderWhich,
  noAppointment: (_result, { locale }) => ({
    success: false,
    message: say(
      locale,
      `Ich finde keinen passenden Termin für Sie. ${NEXT.newAppointment.de}`,
      `I can't find a matching appointment for you. ${NEXT.newAppointment.en}`,
    ),
    data: { appointments: [] },
  }),
  attendanceConfirmed: ({ appointment }, { locale, timezone }) => ({
    success: true,
    message: say(
      locale,
      `Danke, dann bis ${speakDateTime(appointment.start, timezone, locale)}! ${NEXT.anythingElse.de}`,
      `Thank you, see you ${speakDateTime(appointment.start, timezone, locale)}! ${NEXT.anythingElse.en}`,
    ),
    data: { appointment_id: appointment.id, confirmed: true, start: appointment.start.toISOString() },
  }),
  optedOut: (_result, { locale }) => ({
    success: true,
    message: say(
      locale,
      `In Ordnung, wir rufen Sie nicht mehr an. ${NEXT.anythingElse.de}`,
      `All right, we won't call you again. ${NEXT.anythingElse.en}`,
    ),
    data: { do_not_call: true },
  }),
  unknownService: ({ offered }, { locale }) => {
    const list = joinList(locale, offered, 'or');
    return {
      success: false,
      message: say(
        locale,
        `Welche Leistung meinen Sie? Wir bieten ${list} an.`,
        `Which service do you mean? We offer ${list}.`,
      ),
      data: { services: offered },
    };
  },
  needTime: ({ again, day }, { locale }) => ({
    success: false,
    message: day
      ? say(
          locale,
          'An welchem Tag und zu welcher Uhrzeit hätten Sie gern den Termin?',
          'Which day and what time would you like?',
        )
      : again
        ? say(
            locale,
            'Mir fehlt noch die Uhrzeit. Um wie viel Uhr möchten Sie kommen?',
            'I still need the time. What time suits you?',
          )
        : say(locale, 'Zu welcher Uhrzeit hätten Sie gern den Termin?', 'What time would you like?'),
    data: { missing: day ? ['date', 'time'] : ['time'] },
  }),
  needEmail: (_result, { locale }) => ({ ...fail(locale, 'EMAIL_REQUIRED'), data: { missing: ['email'] } }),
  unreadEmail: (_result, { locale }) => ({
    success: false,
    message: say(
      locale,
      'Die E-Mail-Adresse habe ich nicht richtig verstanden. Können Sie sie bitte buchstabieren?',
      "I didn't quite get that e-mail address. Could you spell it for me?",
    ),
    data: { missing: ['email'], invalid: ['email'] },
  }),
  clarify: (when, { locale, timezone }) => ({
    success: false,
    message: speakClarification(when, timezone, locale),
    data: {
      missing: [when.reason === 'meridiem' ? 'time' : 'date'],
      clarify: when.reason,
      options: when.options.map((option) => option.toISOString()),
    },
  }),
  unreadDate: (_result, { locale }) => ({
    success: false,
    message: say(
      locale,
      'Das Datum habe ich leider nicht verstanden. Welcher Tag und welche Uhrzeit?',
      "Sorry, I didn't catch the date. Which day and time?",
    ),
    data: { missing: ['date'] },
  }),
  unreadPhone: (_result, { locale }) => ({
    success: false,
    message: say(
      locale,
      'Die Telefonnummer habe ich nicht verstanden. Können Sie sie mit Vorwahl wiederholen?',
      "I didn't catch that phone number. Could you repeat it with the area code?",
    ),
  }),
  missingArguments: ({ fields }, { locale }) => missingFields(locale, fields),
  failed: ({ code }, { locale }) => fail(locale, code),
};

/** A tool's result as the agent says it: `{ success, message, data }` in the company's language and timezone. */
export function render(result: ToolResult, voice: Voice): FunctionAnswer {
  // Said once per result: the function-call record and the face both ask for the same sentence.
  const known = said.get(result);
  if (known && known.locale === voice.locale && known.timezone === voice.timezone) return known.answer;
  const answer = (RENDERERS[result.kind] as (result: ToolResult, voice: Voice) => FunctionAnswer)(result, voice);
  said.set(result, { locale: voice.locale, timezone: voice.timezone, answer });
  return answer;
}

const said = new WeakMap<ToolResult, Voice & { answer: FunctionAnswer }>();

export type { Voice } from './speech';
