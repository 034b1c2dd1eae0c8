import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PG_INTEGER_MAX } from '../../common/validation';
import { VendorPayload } from '../../common/vendor-payload';

const MAX_TRANSCRIPT = 5_000_000;
/** E.164, a number without `+`, a SIP URI (`sip:+49…@pbx.example.de`) or `anonymous`: all arrive here. */
const MAX_NUMBER = 255;
/** The largest instant a JavaScript Date holds (ms since 1970); a timestamp past it names no time. */
const LAST_INSTANT = 8_640_000_000_000_000;

/** The fields of Retell's call object we keep; everything else Retell sends is stripped. */
@VendorPayload()
export class RetellCallDto {
  @IsString()
  @Length(1, 128)
  call_id: string;

  @IsOptional() @IsString() @MaxLength(128) agent_id?: string;
  @IsOptional() @IsString() @MaxLength(16) call_type?: string;
  @IsOptional() @IsString() @MaxLength(32) call_status?: string;
  @IsOptional() @IsIn(['inbound', 'outbound']) direction?: 'inbound' | 'outbound';
  @IsOptional() @IsString() @MaxLength(MAX_NUMBER) from_number?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NUMBER) to_number?: string;
  @IsOptional() @IsInt() @Min(0) @Max(LAST_INSTANT) start_timestamp?: number;
  @IsOptional() @IsInt() @Min(0) @Max(LAST_INSTANT) end_timestamp?: number;
  @IsOptional() @IsInt() @Min(0) @Max(PG_INTEGER_MAX) duration_ms?: number;
  @IsOptional() @IsString() @MaxLength(MAX_TRANSCRIPT) transcript?: string;
  @IsOptional() @IsString() @MaxLength(64) disconnection_reason?: string;
  @IsOptional() @IsString() @MaxLength(2000) recording_url?: string;
  @IsOptional() @IsObject() call_analysis?: Record<string, unknown>;
  @IsOptional() @IsObject() call_cost?: Record<string, unknown>;
}

@VendorPayload()
export class RetellWebhookDto {
  @IsString()
  @Length(1, 64)
  event: string;

  /** Absent on chat events (`{ event, chat }`), which are acknowledged and not stored. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RetellCallDto)
  call?: RetellCallDto;
}

@VendorPayload()
export class RetellInboundCallDto {
  @IsOptional() @IsString() @MaxLength(128) agent_id?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NUMBER) from_number?: string;
  @IsOptional() @IsString() @MaxLength(MAX_NUMBER) to_number?: string;
}

@VendorPayload()
export class RetellInboundWebhookDto {
  @IsOptional() @IsString() event?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RetellInboundCallDto)
  call_inbound?: RetellInboundCallDto;

  /** Inbound SMS and chat: the same fields, answered under `chat_inbound`. */
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RetellInboundCallDto)
  chat_inbound?: RetellInboundCallDto;
}
