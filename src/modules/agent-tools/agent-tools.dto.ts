import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { VendorPayload } from '../../common/vendor-payload';

/**
 * The arguments the agent's LLM may send, per function. Vendor payloads: unknown arguments (company_id, costs,
 * transcript, …) are stripped before anything reads them. The same classes produce the Retell tool definitions.
 */
const text = (max: number) => [IsString(), Length(1, max)];
const Text =
  (max: number): PropertyDecorator =>
  (target, key) =>
    text(max).forEach((decorate) => decorate(target, key));
/**
 * Retell fills {{…}} in property descriptions from the call's dynamic variables (docs.retellai.com/build/dynamic-variables).
 * Dates and times: ISO when the model is sure (it knows today from the inbound webhook's `current_date`), the
 * caller's own words otherwise; the gateway reads both in the company's timezone and asks back when unsure.
 */
const DAY = (what: string) =>
  `${what}: YYYY-MM-DD if you are sure of the date (today is {{current_date}}, a {{current_weekday}}), ` +
  'otherwise exactly the words the caller used ("übernächsten Freitag", "the 15th", "morgen")';
const TIME = (what: string) =>
  `${what}: HH:mm on the 24-hour clock if you are sure, otherwise exactly the words the caller used ` +
  '("halb vier", "quarter past three", "nachmittags")';
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

@VendorPayload()
export class ListServicesArgs {
  @ApiPropertyOptional({ description: 'Branch name, if the caller asked about one branch' })
  @IsOptional()
  @Text(200)
  branch?: string;
}

@VendorPayload()
export class NoArgs {}

@VendorPayload()
export class CheckAvailabilityArgs {
  @ApiProperty({ description: 'The service the caller wants, in their words' })
  @Text(200)
  service: string;

  @ApiPropertyOptional({ description: DAY('The day') })
  @IsOptional()
  @Text(100)
  date?: string;

  @ApiPropertyOptional({ description: TIME('The time') })
  @IsOptional()
  @Text(100)
  time?: string;

  @ApiPropertyOptional({ description: 'Branch name' })
  @IsOptional()
  @Text(200)
  branch?: string;
}

@VendorPayload()
export class GetAlternativesArgs {
  @ApiProperty({ description: 'The service the caller wants' })
  @Text(200)
  service: string;

  @ApiProperty({ description: DAY('The day the caller wanted') })
  @Text(100)
  date: string;

  @ApiProperty({ description: TIME('The time the caller wanted') })
  @Text(100)
  time: string;
}

@VendorPayload()
export class CollectCustomerInfoArgs {
  @ApiProperty({ description: "The caller's name" })
  @Text(200)
  name: string;

  @ApiPropertyOptional({ description: 'Phone number, only if different from the number calling' })
  @IsOptional()
  @Text(32)
  phone?: string;

  @ApiPropertyOptional({ description: 'E-mail address, if the caller gave one' })
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

@VendorPayload()
export class CollectAppointmentDataArgs extends CollectCustomerInfoArgs {
  @ApiProperty({ description: 'The service' })
  @Text(200)
  service: string;

  @ApiProperty({ description: DAY('The day') })
  @Text(100)
  date: string;

  @ApiProperty({ description: TIME('The time') })
  @Text(100)
  time: string;

  @ApiProperty({
    description:
      'false: check, hold the time while the caller decides, and repeat back; true: the caller confirmed, book it',
  })
  @Transform(toBoolean)
  @IsBoolean()
  confirm: boolean;

  @ApiPropertyOptional({
    description: 'true when the caller said no to the time repeated back: the held time is let go',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  declined?: boolean;
}

@VendorPayload()
export class BookAppointmentArgs extends CollectCustomerInfoArgs {
  @ApiProperty({ description: 'The service' })
  @Text(200)
  service: string;

  @ApiPropertyOptional({ description: DAY('The day (or give start)') })
  @IsOptional()
  @Text(100)
  date?: string;

  @ApiPropertyOptional({ description: TIME('The time (or give start)') })
  @IsOptional()
  @Text(100)
  time?: string;

  @ApiPropertyOptional({ description: 'Start as an ISO 8601 instant, instead of date and time' })
  @IsOptional()
  @Text(40)
  start?: string;

  @ApiPropertyOptional({ description: 'Anything the business should know' })
  @IsOptional()
  @Text(1000)
  notes?: string;
}

@VendorPayload()
export class CancelAppointmentArgs {
  @ApiPropertyOptional({ description: 'Id of the appointment, if known' })
  @IsOptional()
  @IsUUID()
  appointment_id?: string;

  @ApiPropertyOptional({ description: DAY('Day of the appointment to cancel') })
  @IsOptional()
  @Text(100)
  date?: string;

  @ApiPropertyOptional({ description: 'Why the caller cancels' })
  @IsOptional()
  @Text(500)
  reason?: string;
}

@VendorPayload()
export class RescheduleAppointmentArgs {
  @ApiPropertyOptional({ description: 'Id of the appointment, if known' })
  @IsOptional()
  @IsUUID()
  appointment_id?: string;

  @ApiPropertyOptional({ description: DAY('Current day of the appointment') })
  @IsOptional()
  @Text(100)
  date?: string;

  @ApiProperty({ description: DAY('The new day') })
  @Text(100)
  new_date: string;

  @ApiProperty({ description: TIME('The new time') })
  @Text(100)
  new_time: string;
}

@VendorPayload()
export class ConfirmAppointmentArgs {
  @ApiPropertyOptional({
    description: 'Id of the appointment the customer confirms ({{appointment_id}} on a reminder call), if known',
  })
  @IsOptional()
  @IsUUID()
  appointment_id?: string;
}
