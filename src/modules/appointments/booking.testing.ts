import { DataSource } from 'typeorm';
import type { CalcomConfig } from '../../config/configuration';
import { baseDataSourceOptions, createDataSource } from '../../database/data-source.factory';
import { entities } from '../../entities';
import { asReal } from '../../common/fakes.testing';
import type { CalcomClient } from '../calcom/calcom.client';
import type { CalcomEventTypesService } from '../calcom/calcom-event-types.service';
import type { CalcomSlotsService } from '../calcom/calcom-slots.service';
import type { CalcomBooking, NewBooking } from '../calcom/calcom.types';
import { Appointment } from './appointment.entity';
import { AppointmentClaimsService } from './appointment-claims.service';
import { AppointmentHistoryService } from './appointment-history.service';
import type { BookingScope } from './appointments.types';
import { BookingRunnerService } from './booking-runner.service';
import { BookingService } from './booking.service';
import type { AvailabilityService } from './availability.service';
import type { SlotLockService } from './slot-lock.service';

type Step<T> = (() => Promise<T>) | undefined;

/**
 * Cal.com as the booking code sees it, in memory: bookings by uid, and a queue of one-off behaviours per method (an
 * error, a hang until released, a booking made but answered with an error) for the paths a real Cal.com rarely takes.
 */
class FakeCalcomClient {
  readonly bookings = new Map<string, CalcomBooking>();
  readonly calls: string[] = [];
  private readonly next: Record<string, Array<Step<unknown>>> = {};
  private counter = 0;

  reset(): void {
    this.bookings.clear();
    this.calls.length = 0;
    for (const key of Object.keys(this.next)) delete this.next[key];
  }

  /** The next call of `method` runs `step` instead (its result, or its error, is the answer). */
  once(method: string, step: () => Promise<unknown>): void {
    (this.next[method] ??= []).push(step);
  }

  async createBooking(_account: unknown, booking: NewBooking): Promise<CalcomBooking> {
    return this.run('createBooking', async () => {
      const made = this.make(booking.start, 30, booking.eventTypeId, { bookingKey: booking.bookingKey });
      return made;
    });
  }

  async getBooking(_account: unknown, uid: string): Promise<CalcomBooking> {
    return this.run('getBooking', async () => this.bookings.get(uid)!);
  }

  async findBookings(): Promise<CalcomBooking[]> {
    return this.run('findBookings', async () => [...this.bookings.values()]);
  }

  async rescheduleBooking(_account: unknown, uid: string, start: Date): Promise<CalcomBooking> {
    return this.run('rescheduleBooking', async () => {
      const old = this.bookings.get(uid)!;
      const moved = this.make(start, 30, old.eventTypeId ?? 0, old.metadata);
      this.bookings.set(uid, { ...old, status: 'cancelled', rescheduledToUid: moved.uid });
      return moved;
    });
  }

  async cancelBooking(_account: unknown, uid: string): Promise<void> {
    return this.run('cancelBooking', async () => {
      const booking = this.bookings.get(uid);
      if (booking) this.bookings.set(uid, { ...booking, status: 'cancelled' });
    });
  }

  /** Makes a booking as Cal.com would (used by steps that book and then fail). */
  make(start: Date, minutes: number, eventTypeId: number, metadata: Record<string, string>): CalcomBooking {
    const uid = `uid_${++this.counter}`;
    const end = new Date(start.getTime() + minutes * 60_000);
    const booking = { uid, status: 'accepted' as const, start, end, eventTypeId, metadata, rescheduledToUid: null };
    this.bookings.set(uid, booking);
    return booking;
  }

  private async run<T>(method: string, normal: () => Promise<T>): Promise<T> {
    this.calls.push(method);
    const step = this.next[method]?.shift() as Step<T>;
    return step ? step() : normal();
  }
}

export const CONFIG = { timeoutMs: 200 } as CalcomConfig;

export interface BookingRig {
  dataSource: DataSource;
  client: FakeCalcomClient;
  claims: AppointmentClaimsService;
  booking: BookingService;
  locks: string[];
  invalidated: number;
  scope: (multiHost?: boolean) => BookingScope;
  rows: () => Promise<Appointment[]>;
  /** Resolves once `count` appointment rows exist (a request has claimed its slot). */
  claimed: (count: number) => Promise<Appointment[]>;
  reset: () => Promise<void>;
  close: () => Promise<void>;
}

/** The booking code over an in-memory embedded database and the fake client above; one company, one service. */
export async function bookingRig(): Promise<BookingRig> {
  const options = baseDataSourceOptions({ url: undefined, dataDir: 'memory://', migrationsRun: true }, entities);
  const dataSource = await createDataSource(options).initialize();
  const [{ id: companyId }] = await dataSource.query(
    `INSERT INTO companies (slug, name) VALUES ('rig', 'Rig') RETURNING id`,
  );
  const [{ id: serviceId }] = await dataSource.query(
    `INSERT INTO services (company_id, name, calcom_event_type_id, duration_minutes) VALUES ($1, 'Cut', 1001, 30) RETURNING id`,
    [companyId],
  );
  const client = new FakeCalcomClient();
  const history = new AppointmentHistoryService(dataSource);
  const claims = new AppointmentClaimsService(dataSource, dataSource.getRepository(Appointment), CONFIG, history);
  const rig = { locks: [] as string[], invalidated: 0 };
  const slots = asReal<CalcomSlotsService>({ invalidate: async () => void (rig.invalidated += 1) });
  const locks = asReal<SlotLockService>({
    withLock: async <T>(key: string, _ms: number, run: () => Promise<T>) => (rig.locks.push(key), run()),
  });
  const calcom = asReal<CalcomClient>(client);
  const runner = new BookingRunnerService(claims, calcom, slots, locks, CONFIG);
  const availability = asReal<AvailabilityService>({ assertBookable: () => undefined });
  const eventTypes = asReal<CalcomEventTypesService>({
    emailRequired: async (_account: unknown, id: number) => id === 4004,
  });
  const booking = new BookingService(claims, runner, calcom, slots, availability, eventTypes);
  const scope = (multiHost = false): BookingScope => ({
    company: { id: companyId, timezone: 'Europe/Berlin', locale: 'de' },
    account: { id: 'acct_rig', companyId, baseUrl: 'https://api.cal.com', apiKey: 'cal_rig' },
    service: { id: serviceId, name: 'Cut', calcomEventTypeId: 1001, durationMinutes: 30, multiHost },
    openingHours: null,
  });
  const rows = () => dataSource.getRepository(Appointment).find({ order: { createdAt: 'ASC' } });
  const claimed = async (count: number): Promise<Appointment[]> => {
    for (;;) {
      const found = await rows();
      if (found.length >= count) return found;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const reset = async () => {
    await dataSource.query('DELETE FROM appointments');
    client.reset();
    Object.assign(rig, { locks: [], invalidated: 0 });
  };
  return Object.assign(rig, {
    dataSource,
    client,
    claims,
    booking,
    scope,
    rows,
    claimed,
    reset,
    close: () => dataSource.destroy(),
  });
}
