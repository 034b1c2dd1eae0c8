import { ValidationPipe } from '@nestjs/common';

/**
 * Our own API is strict: unknown fields are rejected (`forbidNonWhitelisted`) and each failing field is named.
 * Retell payloads use their own tolerant pipe (vendor fields are stripped, never rejected).
 */
export const adminValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
  });
