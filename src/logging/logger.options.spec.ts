import pino, { type LoggerOptions } from 'pino';
import type { AppConfig } from '../config/configuration';
import { loggerOptions, redactLogged } from './logger.options';

describe('redactLogged', () => {
  it('censors sensitive keys at the top and two levels down, through arrays, and copies only what changes', () => {
    const logged = {
      event: 'call_ended',
      phone: '+4915112345678',
      call: { from_number: '+4915112345678', call_id: 'c1', deeper: { email: 'a@b.de', way: { name: 'too deep' } } },
      parties: [{ name: 'Anna' }, 'x'],
      kept: { id: 1 },
    };
    const redacted = redactLogged(logged) as typeof logged;
    expect(redacted).toEqual({
      event: 'call_ended',
      phone: '[redacted]',
      call: { from_number: '[redacted]', call_id: 'c1', deeper: { email: '[redacted]', way: { name: 'too deep' } } },
      parties: [{ name: '[redacted]' }, 'x'],
      kept: { id: 1 },
    });
    expect(logged.phone).toBe('+4915112345678');
    expect(redacted.kept).toBe(logged.kept);
    expect(redactLogged({ id: 1 })).toEqual({ id: 1 });
  });

  it('leaves class instances (requests, errors) to their serializers', () => {
    const error = Object.assign(new Error('x'), { phone: '+4915112345678' });
    const logged = { err: error };
    expect(redactLogged(logged)).toBe(logged);
  });
});

describe('loggerOptions', () => {
  it('redacts what the app logs through pino with these options', () => {
    const lines: string[] = [];
    const options = loggerOptions({ logLevel: 'info' } as AppConfig).pinoHttp as LoggerOptions;
    const {
      customLogLevel: _level,
      genReqId: _id,
      ...pinoOptions
    } = options as LoggerOptions & Record<string, unknown>;
    const logger = pino(pinoOptions, { write: (line: string) => lines.push(line) });
    logger.info({ phone: '+4915112345678', call: { to_number: '+493012345678', call_id: 'c1' } }, 'Retell event');
    expect(JSON.parse(lines[0])).toMatchObject({
      phone: '[redacted]',
      call: { to_number: '[redacted]', call_id: 'c1' },
      msg: 'Retell event',
    });
  });
});
