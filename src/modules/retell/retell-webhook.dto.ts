import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { VendorPayload } from '../../common/vendor-payload';

const MAX_TRANSCRIPT = 1_000_000;

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
  @IsOptional() @IsString() @MaxLength(32) from_number?: string;
  @IsOptional() @IsString() @MaxLength(32) to_number?: string;
  @IsOptional() @IsInt() start_timestamp?: number;
  @IsOptional() @IsInt() end_timestamp?: number;
  @IsOptional() @IsInt() duration_ms?: number;
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

  @IsObject()
  @ValidateNested()
  @Type(() => RetellCallDto)
  call: RetellCallDto;
}

@VendorPayload()
export class RetellInboundCallDto {
  @IsOptional() @IsString() @MaxLength(128) agent_id?: string;
  @IsOptional() @IsString() @MaxLength(32) from_number?: string;
  @IsOptional() @IsString() @MaxLength(32) to_number?: string;
}

@VendorPayload()
export class RetellInboundWebhookDto {
  @IsOptional() @IsString() event?: string;

  @IsObject()
  @ValidateNested()
  @Type(() => RetellInboundCallDto)
  call_inbound: RetellInboundCallDto;
}
