import type { CallFields } from '../../common/call-fields';
import type { CallInfo } from './tool-context';

/**
 * The call a tool request names by Retell's variable names, whatever carried them: the caller (`user_number`) and
 * the business (`agent_number`) become the call's from and to numbers by its direction. `bodyCallId` (from a body
 * the face trusts) wins. What the fields name is only ever looked up within the company the credential acts for.
 */
export function callInfoOf(fields: CallFields, bodyCallId?: string): CallInfo {
  const direction = fields.direction === 'outbound' ? 'outbound' : fields.direction ? 'inbound' : undefined;
  const outbound = direction === 'outbound';
  const [user, agent] = [fields.user_number, fields.agent_number];
  return {
    call_id: bodyCallId ?? fields.call_id,
    agent_id: fields.agent_id,
    direction,
    from_number: fields.from_number ?? (outbound ? agent : user),
    to_number: fields.to_number ?? (outbound ? user : agent),
  };
}
