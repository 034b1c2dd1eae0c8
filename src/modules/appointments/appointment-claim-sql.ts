import type { ClaimValues } from './appointment-claims.service';

/** A hold of another caller over the claimed time ($1 company, $2 event type, $3 start, $4 end, $5 holder). */
const HELD = (company: string, eventType: string, start: string, end: string, holder: string) => `
SELECT 1 FROM slot_holds h WHERE h.company_id = ${company} AND h.calcom_event_type_id = ${eventType}
  AND h.start_at < ${end} AND h.end_at > ${start} AND h.expires_at > now() AND h.holder IS DISTINCT FROM ${holder}`;

export const HELD_BY_OTHER = HELD('$1::uuid', '$2::integer', '$3::timestamptz', '$4::timestamptz', '$5::varchar');

export const heldParameters = (values: ClaimValues) => [
  values.companyId,
  values.eventTypeId,
  values.start,
  values.end,
  values.holder,
];

/**
 * A new row of a reschedule belongs to the appointment of the row it moves ($14); any other starts its own. Nothing is
 * inserted while another caller holds the time ($15 is the claimant).
 */
export const INSERT_CLAIM = `
WITH fresh AS (SELECT gen_random_uuid() AS id)
INSERT INTO appointments (id, origin_id, company_id, customer_id, service_id, call_id, calcom_event_type_id, start_at,
  end_at, status, single_host, idempotency_key, attendee_name, attendee_email, attendee_phone, notes,
  rescheduled_from_id, last_news_at)
SELECT fresh.id, COALESCE((SELECT origin_id FROM appointments WHERE id = $14::uuid), fresh.id), $1::uuid, $2::uuid,
  $3::uuid, $4::uuid, $5::integer, $6::timestamptz, $7::timestamptz, 'booking', $8::boolean, $9::varchar,
  $10::varchar, $11::varchar, $12::varchar, $13::text, $14::uuid, now()
FROM fresh
WHERE NOT EXISTS (${HELD('$1::uuid', '$5::integer', '$6::timestamptz', '$7::timestamptz', '$15::varchar')})
ON CONFLICT (idempotency_key) DO NOTHING
RETURNING id`;

export const claimParameters = (values: ClaimValues) => [
  values.companyId,
  values.customerId,
  values.serviceId,
  values.callId,
  values.eventTypeId,
  values.start,
  values.end,
  values.singleHost,
  values.idempotencyKey,
  values.attendeeName,
  values.attendeeEmail,
  values.attendeePhone,
  values.notes,
  values.rescheduledFromId,
  values.holder,
];
