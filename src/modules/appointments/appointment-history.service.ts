import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppointmentChange, ChangeKind, ChangeSource } from './appointment-change.entity';
import { Appointment } from './appointment.entity';

/** What a row's settled state says happened, for a change the gateway made itself. */
export function kindOf(
  row: Pick<Appointment, 'status' | 'rescheduledFromId' | 'cancellationReason'>,
): ChangeKind | null {
  if (row.status === 'accepted') return row.rescheduledFromId ? 'rescheduled' : 'booked';
  if (row.status === 'pending') return 'requested';
  if (row.status === 'cancelled') return row.cancellationReason === 'rescheduled' ? 'moved' : 'cancelled';
  if (row.status === 'rejected') return 'rejected';
  return null;
}

/**
 * The history of appointments: every change with where it came from (a call, Cal.com's webhook, a reconciliation)
 * and when, and the moment the gateway last learnt an appointment's state.
 */
@Injectable()
export class AppointmentHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a change of `row` (as it is now), in the caller's transaction when one is given. */
  async record(
    row: Pick<Appointment, 'id' | 'originId' | 'calcomBookingUid' | 'startAt'>,
    kind: ChangeKind,
    source: ChangeSource,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(AppointmentChange, {
      appointmentId: row.id,
      originId: row.originId,
      kind,
      source,
      calcomBookingUid: row.calcomBookingUid,
      startAt: row.startAt,
    });
    await manager.update(Appointment, { id: row.id }, { lastNewsAt: new Date() });
  }

  /** An appointment's changes, oldest first, across every row of its chain. */
  of(originId: string): Promise<AppointmentChange[]> {
    return this.dataSource.getRepository(AppointmentChange).find({ where: { originId }, order: { occurredAt: 'ASC' } });
  }
}
