import type { IncomingMessage } from 'node:http';
import * as texts from './calcom-fake.texts';

/** What the next matching requests get instead of a normal answer. */
export interface Fault {
  /**
   * `swallow`: does the work, then never answers; `commit`: does the work, then answers 500 (Cal.com can commit a
   * booking and fail afterwards); `status`: answers `status` (with `message` as a raw core body, if given).
   */
  kind: 'status' | 'hang' | 'reset' | 'swallow' | 'commit';
  status?: number;
  message?: string;
  times: number;
  method?: string;
  path?: RegExp;
}

export type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

export const serverError = (path: string) =>
  texts.envelope(path, 'InternalServerErrorException', 'Internal server error');

/** Answers a fault that stands in for the whole answer; false for those that let the work happen first. */
export function answerFault(fault: Fault, path: string, send: Send, req: IncomingMessage): boolean {
  if (fault.kind === 'hang') return true;
  if (fault.kind === 'reset') return (void req.socket.destroy(), true);
  if (fault.status === 429) {
    // Cal.com's throttler (@nestjs/throttler): seconds until the window resets, and no Retry-After.
    send(429, texts.envelope(path, 'ThrottlerException', 'ThrottlerException: Too Many Requests'), {
      'X-RateLimit-Limit-Default': '120',
      'X-RateLimit-Remaining-Default': '0',
      'X-RateLimit-Reset-Default': '60',
    });
    return true;
  }
  if (fault.kind !== 'status') return false;
  const status = fault.status ?? 500;
  send(status, fault.message ? { statusCode: status, message: fault.message } : serverError(path));
  return true;
}
