/** What a call holds of what was said: removed by transcript retention and by a caller's erasure. */
const CONTENT = ['transcript', 'transcript_object', 'analysis'];

/** Transcripts of calls that ended (or, never ended, began) before $1. */
export const PURGE_TRANSCRIPTS = `
  UPDATE calls SET ${CONTENT.map((column) => `${column} = NULL`).join(', ')}, updated_at = now()
  WHERE (${CONTENT.map((column) => `${column} IS NOT NULL`).join(' OR ')}) AND COALESCE(ended_at, created_at) < $1`;

/**
 * A caller erased from calls: what was said, the recording, the link to the customer and their number. $1 the number,
 * $2 their customer ids, $3 one company (or null for all). The rows stay, so costs still add up.
 */
export const ERASE_CALLER = `
  UPDATE calls SET ${CONTENT.map((column) => `${column} = NULL`).join(', ')}, recording_url = NULL,
    customer_id = NULL,
    from_number = CASE WHEN from_number = $1 THEN NULL ELSE from_number END,
    to_number = CASE WHEN to_number = $1 THEN NULL ELSE to_number END, updated_at = now()
  WHERE (from_number = $1 OR to_number = $1 OR customer_id = ANY($2::uuid[]))
    AND ($3::uuid IS NULL OR company_id = $3::uuid)`;

/** What function calls kept of what was said (arguments, the answer), by the age of their call (or their own). */
export const PURGE_FUNCTION_CALLS = `
  UPDATE function_calls f SET args = NULL, answer = NULL
  WHERE (f.args IS NOT NULL OR f.answer IS NOT NULL)
    AND COALESCE((SELECT COALESCE(c.ended_at, c.created_at) FROM calls c WHERE c.id = f.call_id), f.created_at) < $1`;

/**
 * A caller erased from the function calls: those of their calls (run before ERASE_CALLER, which forgets the numbers)
 * and those without a call whose arguments name their number. Same parameters as ERASE_CALLER.
 */
export const ERASE_CALLER_FUNCTION_CALLS = `
  UPDATE function_calls f SET args = NULL, answer = NULL
  WHERE ($3::uuid IS NULL OR f.company_id = $3::uuid) AND (
    f.call_id IN (SELECT id FROM calls WHERE from_number = $1 OR to_number = $1 OR customer_id = ANY($2::uuid[]))
    OR (f.call_id IS NULL AND position($1 in f.args::text) > 0))`;
