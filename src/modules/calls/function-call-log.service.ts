import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FunctionCallEntry {
  companyId: string;
  callId: string | null;
  tool: string;
  face: string;
  args: object | null;
  outcome: string;
  success: boolean;
  answer: string;
  durationMs: number;
}

const INSERT = `
  INSERT INTO function_calls (company_id, call_id, tool, face, args, outcome, success, answer, duration_ms, created_at)
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::boolean[],
    $8::text[], $9::integer[], $10::timestamptz[])`;
/** Written together: one INSERT per burst, never on the way of the answer the caller is waiting for. */
const BATCH_MS = 250;
const BATCH_MAX = 500;

/**
 * Keeps a record of every function call answered, for the operator console: buffered and written in batches after
 * the answer went out. A failed write is logged and dropped; the answer never waits for it.
 */
@Injectable()
export class FunctionCallLog implements OnApplicationShutdown {
  private readonly logger = new Logger(FunctionCallLog.name);
  private pending: Array<FunctionCallEntry & { at: Date }> = [];
  private timer?: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  record(entry: FunctionCallEntry): void {
    this.pending.push({ ...entry, at: new Date() });
    if (this.pending.length >= BATCH_MAX) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), BATCH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is pending (and waits for writes under way). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending.splice(0);
    if (batch.length > 0) this.writing = this.writing.then(() => this.write(batch));
    return this.writing;
  }

  onApplicationShutdown(): Promise<void> {
    return this.flush();
  }

  /** One statement of ten array parameters (parsing 2,000 scalar parameters cost the embedded database more). */
  private async write(batch: Array<FunctionCallEntry & { at: Date }>): Promise<void> {
    const column = <T>(read: (entry: FunctionCallEntry & { at: Date }) => T) => batch.map(read);
    const values = [
      column((e) => e.companyId),
      column((e) => e.callId),
      column((e) => e.tool),
      column((e) => e.face),
      column((e) => (e.args === null ? null : JSON.stringify(e.args))),
      column((e) => e.outcome),
      column((e) => e.success),
      column((e) => e.answer),
      column((e) => Math.round(e.durationMs)),
      column((e) => e.at.toISOString()),
    ];
    try {
      await this.dataSource.query(INSERT, values);
    } catch (error) {
      this.logger.warn({ error: (error as Error).message, dropped: batch.length }, 'Function calls not recorded');
    }
  }
}
