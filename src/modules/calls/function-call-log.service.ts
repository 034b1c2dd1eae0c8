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

const COLUMNS = [
  'company_id',
  'call_id',
  'tool',
  'face',
  'args',
  'outcome',
  'success',
  'answer',
  'duration_ms',
  'created_at',
];
/** Written together: one INSERT per burst, never on the way of the answer the caller is waiting for. */
const BATCH_MS = 100;
const BATCH_MAX = 200;

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

  private async write(batch: Array<FunctionCallEntry & { at: Date }>): Promise<void> {
    const rows = batch.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`);
    const values = batch.flatMap((e) => [
      e.companyId,
      e.callId,
      e.tool,
      e.face,
      e.args === null ? null : JSON.stringify(e.args),
      e.outcome,
      e.success,
      e.answer,
      Math.round(e.durationMs),
      e.at,
    ]);
    try {
      await this.dataSource.query(
        `INSERT INTO function_calls (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
        values,
      );
    } catch (error) {
      this.logger.warn({ error: (error as Error).message, dropped: batch.length }, 'Function calls not recorded');
    }
  }
}
