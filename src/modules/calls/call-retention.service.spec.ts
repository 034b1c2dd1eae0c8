import type { DataSource } from 'typeorm';
import type { PrivacyConfig } from '../../config/configuration';
import { CallRetentionService } from './call-retention.service';

/** A database whose UPDATE answers only when the test says so, and that refuses queries once closed. */
function fakeDatabase() {
  const pending: Array<() => void> = [];
  const db = {
    closed: false,
    queries: 0,
    query: jest.fn(() => {
      db.queries += 1;
      if (db.closed) return Promise.reject(new Error('Driver not Connected'));
      return new Promise((resolve) => pending.push(() => resolve([[], 2])));
    }),
    answer: () => pending.splice(0).forEach((resolve) => resolve()),
  };
  return db;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('CallRetentionService shutdown', () => {
  const config = { transcriptRetentionDays: 30 } as PrivacyConfig;

  it('starts no run when the process stops before the first one began', async () => {
    const db = fakeDatabase();
    const service = new CallRetentionService(db as unknown as DataSource, config);
    service.onApplicationBootstrap();
    await service.beforeApplicationShutdown();
    db.closed = true;
    await nextTurn();
    expect(db.queries).toBe(0);
  });

  it('waits for a run in progress before the database closes', async () => {
    const db = fakeDatabase();
    const service = new CallRetentionService(db as unknown as DataSource, config);
    const logger = (service as unknown as { logger: { warn: () => void; log: () => void } }).logger;
    const warn = jest.spyOn(logger, 'warn').mockImplementation();
    jest.spyOn(logger, 'log').mockImplementation();
    service.onApplicationBootstrap();
    await nextTurn();
    // One run: the transcripts and the function calls' arguments and answers, both in flight.
    expect(db.queries).toBe(2);
    let stopped = false;
    const stopping = service.beforeApplicationShutdown().then(() => (stopped = true));
    await nextTurn();
    expect(stopped).toBe(false);
    db.answer();
    await stopping;
    db.closed = true;
    expect(warn).not.toHaveBeenCalled();
  });

  it('runs nothing when retention is off', async () => {
    const db = fakeDatabase();
    const service = new CallRetentionService(
      db as unknown as DataSource,
      { transcriptRetentionDays: 0 } as PrivacyConfig,
    );
    service.onApplicationBootstrap();
    await nextTurn();
    await service.beforeApplicationShutdown();
    expect(db.queries).toBe(0);
  });
});
