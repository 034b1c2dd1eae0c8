/**
 * The tenant an empty embedded database starts with, so a fresh checkout answers real requests at once: a salon in
 * Berlin that speaks German and a barber shop in New York that speaks English (each with its own Cal.com event types).
 */
/** Both demo businesses keep the same hours (the fake's event types have them too). */
const HOURS = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '20:00']],
  fri: [['09:00', '18:00']],
  sat: [['10:00', '14:00']],
};

export const DEMO_TENANT = {
  companies: [
    {
      slug: 'demo-salon',
      name: 'Demo Salon',
      timezone: 'Europe/Berlin',
      locale: 'de',
      calcomApiKey: 'cal_demo_key',
      retellAgentIds: ['agent_demo'],
      branches: [
        {
          name: 'Mitte',
          address: 'Torstraße 1, 10119 Berlin',
          openingHours: HOURS,
        },
      ],
      phoneNumbers: [{ e164: '+493000000000', branch: 'Mitte', label: 'Demo line' }],
      services: [
        {
          name: 'Haarschnitt',
          synonyms: ['Schnitt', 'haircut'],
          calcomEventTypeId: 1001,
          durationMinutes: 30,
          branch: 'Mitte',
        },
        {
          name: 'Färben',
          synonyms: ['Farbe', 'colouring', 'coloring'],
          calcomEventTypeId: 1002,
          durationMinutes: 90,
          branch: 'Mitte',
        },
      ],
    },
    {
      slug: 'demo-barbers',
      name: 'Demo Barbers',
      timezone: 'America/New_York',
      locale: 'en',
      calcomApiKey: 'cal_demo_key',
      retellAgentIds: ['agent_demo_en'],
      branches: [
        {
          name: 'Midtown',
          address: '1 Fifth Avenue, New York, NY 10003',
          openingHours: HOURS,
        },
      ],
      phoneNumbers: [{ e164: '+12125550100', branch: 'Midtown', label: 'Demo line' }],
      services: [
        { name: 'Haircut', synonyms: ['cut', 'trim'], calcomEventTypeId: 2001, durationMinutes: 30, branch: 'Midtown' },
        {
          name: 'Coloring',
          synonyms: ['colouring', 'color', 'dye'],
          calcomEventTypeId: 2002,
          durationMinutes: 90,
          branch: 'Midtown',
        },
      ],
    },
  ],
};
