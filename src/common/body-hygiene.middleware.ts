import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any body the gateway accepts; deeper bodies would only exercise recursive validators. */
const MAX_BODY_DEPTH = 32;

/** Keys that reach object prototypes when merged or transformed; no vendor payload or admin request uses them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Removes prototype keys from a parsed JSON body and reports whether it nests deeper than `max` or holds a NUL. Iterative, so a
 * hostile body cannot overflow the stack here. The raw bytes (which Retell signs) are left untouched.
 */
export function cleanBody(value: unknown, max: number): 'ok' | 'too-deep' | 'nul' {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    // Postgres text cannot hold U+0000; such a string would only ever fail deeper down.
    if (typeof current === 'string' && current.includes('\u0000')) return 'nul';
    if (typeof current !== 'object' || current === null) continue;
    if (depth > max) return 'too-deep';
    for (const key of Object.keys(current)) {
      if (key.includes('\u0000')) return 'nul';
      if (PROTOTYPE_KEYS.has(key)) delete (current as Record<string, unknown>)[key];
      else pending.push([(current as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return 'ok';
}

const PROBLEMS = {
  'too-deep': `Body is nested deeper than ${MAX_BODY_DEPTH} levels`,
  nul: 'Body contains a NUL character',
};

export function bodyHygieneMiddleware(req: Request, _res: Response, next: NextFunction): void {
  const verdict = cleanBody(req.body, MAX_BODY_DEPTH);
  next(verdict === 'ok' ? undefined : new BadRequestException(PROBLEMS[verdict]));
}
