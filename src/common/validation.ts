import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { IANAZone } from 'luxon';
import { toE164 } from './phone';

/** The largest value of a Postgres `integer` column: ids and durations past it cannot be stored. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Normalises a phone number to E.164 and rejects anything that is not a valid international number. */
export function IsE164(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    Transform(({ value }) => (typeof value === 'string' ? (toE164(value) ?? value) : value))(target, propertyKey);
    registerDecorator({
      name: 'isE164',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: {
        message: '$property must be a valid phone number in international format, e.g. +493012345678',
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value === 'string' && toE164(value) === value },
    });
  };
}

export function IsIanaTimezone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isIanaTimezone',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: '$property must be an IANA timezone such as Europe/Berlin', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && IANAZone.isValidZone(value) },
    });
}

const WEEKDAY_KEYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `{ mon: [["09:00", "18:00"]], … }`: weekdays only, each a list of open/close pairs with open before close. */
export function IsOpeningHours(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'isOpeningHours',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: {
        message: '$property must map weekdays (mon…sun) to lists of ["HH:mm", "HH:mm"] intervals',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.entries(value).every(
            ([day, intervals]) =>
              WEEKDAY_KEYS.has(day) &&
              Array.isArray(intervals) &&
              intervals.every(
                (interval) =>
                  Array.isArray(interval) &&
                  interval.length === 2 &&
                  interval.every((time) => typeof time === 'string' && HH_MM.test(time)) &&
                  interval[0] < interval[1],
              ),
          ),
      },
    });
}

/** A Cal.com API base: http(s), no credentials, query or fragment; trailing slashes dropped. */
export function IsCalcomBaseUrl(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) => {
    Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value))(
      target,
      propertyKey,
    );
    registerDecorator({
      name: 'isCalcomBaseUrl',
      target: target.constructor,
      propertyName: propertyKey as string,
      options: { message: '$property must be an http(s) URL such as https://api.cal.eu', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isApiBase(value) },
    });
  };
}

function isApiBase(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}
