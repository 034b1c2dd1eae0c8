import { DomainError } from '../../common/domain-error';
import type { RemindersDto } from './companies.dto';
import type { ReminderSettings } from './company.entity';

/**
 * A company's reminder settings as stored: lead times once each, longest first; 3 attempts unless given; the
 * company's first number unless one is given. `undefined` leaves them as they are, `null` turns reminders off.
 */
export function reminderSettings(dto: RemindersDto | null | undefined): ReminderSettings | null | undefined {
  if (dto === undefined || dto === null) return dto;
  if (dto.window.from >= dto.window.to)
    throw new DomainError('INVALID_INPUT', 'reminders.window.from must be before reminders.window.to');
  return {
    leadMinutes: [...new Set(dto.leadMinutes)].sort((a, b) => b - a),
    window: { from: dto.window.from, to: dto.window.to },
    agentId: dto.agentId,
    fromNumber: dto.fromNumber ?? null,
    maxAttempts: dto.maxAttempts ?? 3,
  };
}
