import { ApiProperty } from '@nestjs/swagger';
import type { Branch, OpeningHours } from '../../tenants/branch.entity';
import type { ReminderSettings } from '../../tenants/company.entity';
import { RemindersDto } from '../../tenants/companies.dto';
import type { CompanyView } from '../../tenants/companies.service';
import type { PhoneNumber } from '../../tenants/phone-number.entity';
import type { Service } from '../../tenants/service.entity';

const NULLABLE_STRING = { type: String, nullable: true } as const;
const NULLABLE_UUID = { type: String, format: 'uuid', nullable: true } as const;

/** A company as the admin API shows it: of the Cal.com key only whether one is set. */
export class CompanyResponse implements CompanyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'salon-mitte' }) slug: string;
  @ApiProperty({ example: 'Salon Mitte' }) name: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ enum: ['de', 'en'] }) locale: string;
  @ApiProperty({ enum: ['dmy', 'mdy'], nullable: true, type: String }) dateOrder: string | null;
  @ApiProperty({ example: 5, description: 'Minutes a read-back holds the slot; 0: no holds' }) holdMinutes: number;
  @ApiProperty({ type: RemindersDto, nullable: true, description: 'Reminder calls; null: off' })
  reminders: ReminderSettings | null;
  @ApiProperty({ type: [String] }) retellAgentIds: string[];
  @ApiProperty({ example: 'https://api.cal.com', description: "The company's Cal.com API, or the deployment's" })
  calcomBaseUrl: string;
  @ApiProperty({ description: 'Whether a Cal.com API key is stored (the key itself is never shown)' })
  hasCalcomApiKey: boolean;
  @ApiProperty({ description: 'Whether the company has Retell keys of its own (they are never shown)' })
  hasRetellApiKeys: boolean;
  @ApiProperty({ description: 'Whether a Cal.com webhook secret is stored (it is never shown)' })
  hasCalcomWebhookSecret: boolean;
  @ApiProperty({ type: Date, nullable: true, description: 'When a verified Cal.com webhook delivery last arrived' })
  calcomWebhookLastAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(view: CompanyView): CompanyResponse {
    const { id, slug, name, timezone, locale, dateOrder, holdMinutes, reminders, retellAgentIds } = view;
    const { calcomBaseUrl, hasCalcomApiKey, hasRetellApiKeys, hasCalcomWebhookSecret, calcomWebhookLastAt } = view;
    const secrets = { calcomBaseUrl, hasCalcomApiKey, hasRetellApiKeys, hasCalcomWebhookSecret, calcomWebhookLastAt };
    const settings = { dateOrder, holdMinutes, reminders, retellAgentIds };
    return { id, slug, name, timezone, locale, ...settings, ...secrets, ...stamps(view) };
  }
}

export class BranchResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ example: 'Mitte' }) name: string;
  @ApiProperty(NULLABLE_STRING) address: string | null;
  @ApiProperty({
    description: 'Weekday (mon…sun) → list of [open, close], "HH:mm" in the company timezone',
    example: { mon: [['09:00', '18:00']] },
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
  })
  openingHours: OpeningHours;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(branch: Branch): BranchResponse {
    const { id, companyId, name, address, openingHours } = branch;
    return { id, companyId, name, address, openingHours, ...stamps(branch) };
  }
}

export class ServiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty(NULLABLE_UUID) branchId: string | null;
  @ApiProperty({ example: 'Haarschnitt' }) name: string;
  @ApiProperty({ type: [String], example: ['Schnitt'] }) synonyms: string[];
  @ApiProperty({ example: 1001 }) calcomEventTypeId: number;
  @ApiProperty({ example: 30 }) durationMinutes: number;
  @ApiProperty({ description: 'A Cal.com team event type with several hosts' }) multiHost: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static of(service: Service): ServiceResponse {
    const { id, companyId, branchId, name, synonyms, calcomEventTypeId, durationMinutes, multiHost, active } = service;
    const fields = { id, companyId, branchId, name, synonyms, calcomEventTypeId, durationMinutes, multiHost, active };
    return { ...fields, ...stamps(service) };
  }
}

export class PhoneNumberResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty(NULLABLE_UUID) branchId: string | null;
  @ApiProperty({ example: '+493012345678' }) e164: string;
  @ApiProperty(NULLABLE_STRING) label: string | null;
  @ApiProperty() createdAt: Date;

  static of(number: PhoneNumber): PhoneNumberResponse {
    const { id, companyId, branchId, e164, label, createdAt } = number;
    return { id, companyId, branchId, e164, label, createdAt };
  }
}

function stamps(row: { createdAt: Date; updatedAt: Date }) {
  return { createdAt: row.createdAt, updatedAt: row.updatedAt };
}
