import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';

const VENDOR_PAYLOAD = Symbol('vendorPayload');

/** Marks a DTO that describes a vendor's payload: unknown fields are stripped, never rejected. */
export const VendorPayload = (): ClassDecorator => (target) => {
  Reflect.defineMetadata(VENDOR_PAYLOAD, true, target);
};

const isVendorPayload = (metatype: unknown) =>
  typeof metatype === 'function' && Reflect.getMetadata(VENDOR_PAYLOAD, metatype) === true;

/** The global pipe: strict for our own API, and it leaves vendor payloads to `VendorPayloadPipe`. */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    return isVendorPayload(metadata.metatype) ? value : super.transform(value, metadata);
  }
}

export function flattenValidationErrors(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((error) => {
    const here = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => (path ? `${path}.${message}` : message));
    return [...own, ...flattenValidationErrors(error.children ?? [], here)];
  });
}

/** Validates a vendor payload tolerantly; returns the instance (unknown fields gone) or the list of problems. */
export async function parseVendorPayload<T extends object>(
  type: new () => T,
  value: unknown,
): Promise<{ ok: true; value: T } | { ok: false; errors: string[]; fields: string[] }> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: ['body must be a JSON object'], fields: [] };
  }
  const instance = plainToInstance(type, value, { enableImplicitConversion: false });
  // forbidUnknownValues off: a payload class may declare no fields at all (functions without arguments).
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: false });
  if (errors.length === 0) return { ok: true, value: instance };
  return { ok: false, errors: flattenValidationErrors(errors), fields: errors.map((error) => error.property) };
}

@Injectable()
export class VendorPayloadPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype as (new () => object) | undefined;
    if (!type || !isVendorPayload(type)) return value;
    const result = await parseVendorPayload(type, value);
    if (!result.ok) throw new BadRequestException(result.errors);
    return result.value;
  }
}
