import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn, UuidPrimaryColumn } from '../../database/columns';

/** When and how the agent phones customers before their appointments (company time for the window). */
export interface ReminderSettings {
  /** Minutes before the appointment, one reminder each (e.g. [1440]: a day before). */
  leadMinutes: number[];
  /** Never call outside it: "HH:mm" to "HH:mm" in the company's timezone. */
  window: { from: string; to: string };
  /** The Retell agent that places the call. */
  agentId: string;
  /** The number it calls from (a number of the workspace); null: the company's first number. */
  fromNumber: string | null;
  /** Calls per reminder at most (no answer and voicemail are tried again inside the window). */
  maxAttempts: number;
}

export type Locale = 'de' | 'en';
/** How callers write numeric dates: "2/3" is 2 March (`dmy`) or February 3 (`mdy`). */
export type DateOrder = 'dmy' | 'mdy';

@Entity('companies')
@Check('chk_companies_date_order', `"date_order" IN ('dmy', 'mdy')`)
@Check('chk_companies_hold_minutes', `"hold_minutes" BETWEEN 0 AND 15`)
export class Company {
  @UuidPrimaryColumn()
  id: string;

  @Index('uq_companies_slug', { unique: true })
  @Column('varchar', { length: 64 })
  slug: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('varchar', { length: 64, default: 'Europe/Berlin' })
  timezone: string;

  @Column('varchar', { length: 2, default: 'de' })
  locale: Locale;

  /** Null: month first in US timezones, day first elsewhere. */
  @Column('varchar', { length: 3, nullable: true })
  dateOrder: DateOrder | null;

  /**
   * How long a read-back holds the slot while the caller decides, in minutes (Cal.com's default is 5); 0: no holds.
   */
  @Column('smallint', { default: 5 })
  holdMinutes: number;

  /** Reminder calls before appointments; null: none. */
  @Column('jsonb', { nullable: true })
  reminders: ReminderSettings | null;

  /** Sealed (`SecretBox`); never selected unless asked for, never serialised, never logged. */
  @Column('text', { nullable: true, select: false })
  calcomApiKey: string | null;

  /** The company's own Cal.com (api.cal.eu, a self-hosted one); null: the deployment's `CALCOM_BASE_URL`. */
  @Column('varchar', { length: 500, nullable: true })
  calcomBaseUrl: string | null;

  /** The company's Retell workspace keys, sealed as one list; null: the deployment's `RETELL_API_KEYS` serve it. */
  @Column('text', { nullable: true, select: false })
  retellApiKeys: string | null;

  /** The secret of the company's Cal.com webhook subscription, sealed; null: no webhooks. */
  @Column('text', { nullable: true, select: false })
  calcomWebhookSecret: string | null;

  /** When a verified Cal.com webhook delivery last arrived: while recent, webhooks keep appointments true. */
  @Column('timestamptz', { nullable: true })
  calcomWebhookLastAt: Date | null;

  @Index('ix_companies_retell_agent_ids', { synchronize: false })
  @Column('text', { array: true, default: () => "'{}'" })
  retellAgentIds: string[];

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
