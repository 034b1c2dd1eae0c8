import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CalcomSlotsService } from '../calcom/calcom-slots.service';
import { CompanyAccountsService } from '../tenants/company-accounts.service';
import { Appointment } from './appointment.entity';
import { BookingState, NewsCompany, NewsOutcome, NoShowNews } from './calcom-news';
import { CalcomNewsService } from './calcom-news.service';

/** One verified delivery of Cal.com's webhook, as the Cal.com face read it. */
export type Delivery = { hash: string; trigger: string } & (
  { kind: 'booking'; state: BookingState } | { kind: 'noShow'; news: NoShowNews }
);

/**
 * Applies a Cal.com webhook delivery once: the delivery (the SHA-256 of its bytes) and what it changes are stored in one
 * transaction, so a retry or the same delivery on a second instance finds it and changes nothing more. News of one
 * booking is applied one delivery at a time (a lock per booking uid), whatever order the deliveries arrive in.
 */
@Injectable()
export class CalcomDeliveriesService {
  private readonly logger = new Logger(CalcomDeliveriesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly news: CalcomNewsService,
    private readonly accounts: CompanyAccountsService,
    private readonly slots: CalcomSlotsService,
  ) {}

  async receive(company: NewsCompany, delivery: Delivery): Promise<NewsOutcome> {
    const outcome = await this.dataSource.transaction(async (manager): Promise<NewsOutcome> => {
      const [fresh]: unknown[] = await manager.query(
        `INSERT INTO calcom_deliveries (hash, company_id, trigger) VALUES ($1, $2, $3)
         ON CONFLICT (hash) DO NOTHING RETURNING hash`,
        [delivery.hash, company.id, delivery.trigger.slice(0, 48)],
      );
      if (!fresh) return 'duplicate';
      await lockBookings(manager, company.id, uidsOf(delivery));
      if (delivery.kind === 'noShow') return this.news.noShow(manager, company.id, delivery.news);
      return this.news.apply(manager, company, delivery.state, 'calcom_webhook');
    });
    if (outcome === 'stored' && delivery.kind === 'booking') await this.dropStaleSlots(company, delivery.state);
    return outcome;
  }

  /** The days the booking (and the one it replaced) fall on: their cached slots are stale now. */
  private async dropStaleSlots(company: NewsCompany, state: BookingState): Promise<void> {
    try {
      const account = await this.accounts.calcomAccount(company.id);
      if (!account || state.eventTypeId === null) return;
      const previous = state.previousUid
        ? await this.dataSource.getRepository(Appointment).findOneBy({
            companyId: company.id,
            calcomBookingUid: state.previousUid,
          })
        : null;
      const instants = [state.start, state.end, ...(previous ? [previous.startAt, previous.endAt] : [])];
      await this.slots.invalidate(account, state.eventTypeId, company.timezone, instants);
    } catch (error) {
      // The cache expires on its own; a booking is refused by Cal.com if the slot is taken meanwhile.
      this.logger.warn({ company: company.id, error: (error as Error).message }, 'Could not drop stale slots');
    }
  }
}

const uidsOf = (delivery: Delivery): string[] =>
  delivery.kind === 'noShow'
    ? [delivery.news.uid]
    : [delivery.state.uid, ...(delivery.state.previousUid ? [delivery.state.previousUid] : [])];

/** Transaction locks on the bookings a delivery names, taken in one order so two deliveries never deadlock. */
async function lockBookings(manager: EntityManager, companyId: string, uids: string[]): Promise<void> {
  for (const uid of [...new Set(uids)].sort())
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`calcom:${companyId}:${uid}`]);
}
