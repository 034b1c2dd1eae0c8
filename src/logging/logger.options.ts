import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { maskPii, SENSITIVE_KEYS } from '../common/pii';
import { AppConfig } from '../config/configuration';

/** Probes and scrapes: logged at debug while they succeed (every few seconds from every orchestrator). */
const QUIET_ROUTES = new Set(['/health/live', '/health/ready', '/metrics', '/']);

const accessPath = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`);

/** pino's redact paths for every sensitive key, at the top level and two levels down. */
export const redactPaths = SENSITIVE_KEYS.flatMap((key) => {
  const access = accessPath(key);
  const top = access.startsWith('.') ? access.slice(1) : access;
  return [top, `*${access}`, `*.*${access}`];
});

export function loggerOptions(app: AppConfig): Params {
  return {
    pinoHttp: {
      level: app.logLevel,
      redact: { paths: redactPaths, censor: '[redacted]' },
      genReqId: (req: IncomingMessage) => (req as { id?: string }).id ?? randomUUID(),
      // Headers and bodies are never logged: they carry signatures, tokens and callers' details.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: maskPii(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (err: Error) => ({ type: err.name, message: maskPii(err.message) }),
      },
      customLogLevel: (req, res, err) => {
        if (err || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return QUIET_ROUTES.has(req.url ?? '') ? 'debug' : 'info';
      },
    },
  };
}
