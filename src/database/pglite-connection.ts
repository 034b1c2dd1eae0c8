import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { PGlite } from '@electric-sql/pglite';
import { parse, serialize } from 'pg-protocol';

/**
 * What node-postgres's client needs of a connection, over an in-process PGlite. PGlite's own node-postgres adapter
 * enters the database once per protocol message (five for a query with parameters: parse, bind, describe, execute,
 * sync) and parses each answer apart; this one sends the messages of one query together, in one call of PGlite's
 * wire protocol, and reads the answers with pg-protocol's own parser, as `pg` does over a socket.
 */
class PGliteConnection extends EventEmitter {
  _connecting = false;
  readonly stream = { destroy: () => this.end() };
  parsedStatements: Record<string, unknown> = {};
  submittedNamedStatements: Record<string, unknown> = {};
  private pending: Buffer[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly answers = new PassThrough();

  constructor(private readonly db: PGlite) {
    super();
    void parse(this.answers, (message) => {
      this.emit('message', message);
      this.emit(message.name === 'error' ? 'errorMessage' : message.name, message);
    });
  }

  connect(): void {
    this._connecting = true;
    this.db.waitReady.then(
      () => process.nextTick(() => this.emit('readyForQuery')),
      (error: Error) => this.emit('error', error),
    );
  }

  requestSsl(): void {}
  startup(): void {}
  cancel(): void {}
  password(): void {}
  ref(): void {}
  unref(): void {}

  query(text: string): void {
    this.send(serialize.query(text));
  }
  parse(config: Parameters<typeof serialize.parse>[0]): void {
    this.send(serialize.parse(config));
  }
  bind(config: Parameters<typeof serialize.bind>[0]): void {
    this.send(serialize.bind(config));
  }
  execute(config: Parameters<typeof serialize.execute>[0]): void {
    this.send(serialize.execute(config));
  }
  describe(message: Parameters<typeof serialize.describe>[0]): void {
    this.send(serialize.describe(message));
  }
  close(message: Parameters<typeof serialize.close>[0]): void {
    this.send(serialize.close(message));
  }
  flush(): void {
    this.send(serialize.flush());
  }
  sync(): void {
    this.send(serialize.sync());
  }
  sendCopyFromChunk(chunk: Buffer): void {
    this.send(serialize.copyData(chunk));
  }
  endCopyFrom(): void {
    this.send(serialize.copyDone());
  }
  sendCopyFail(message: string): void {
    this.send(serialize.copyFail(message));
  }

  end(): void {
    this.chain = this.chain.then(() => void this.emit('end'));
    for (const event of this.eventNames()) if (event !== 'newListener') this.removeAllListeners(event);
  }

  /** Gathers what is sent in one turn of the event loop into one call into PGlite. */
  private send(bytes: Buffer): void {
    this.pending.push(bytes);
    if (this.pending.length > 1) return;
    queueMicrotask(() => {
      const batch = Buffer.concat(this.pending);
      this.pending = [];
      this.chain = this.chain
        .then(() => this.db.execProtocolRaw(batch))
        .then(
          (answer) => void this.answers.write(answer),
          (error: Error) => void this.emit('error', error),
        );
    });
  }
}

/** The settings of `pg`'s pool for the one session of an in-process PGlite (credentials are not checked there). */
export const pgliteSession = (db: PGlite) => ({
  user: 'postgres',
  password: 'embedded',
  database: 'postgres',
  host: 'localhost',
  port: 5432,
  connection: new PGliteConnection(db),
});
