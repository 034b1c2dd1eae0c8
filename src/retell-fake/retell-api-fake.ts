import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Retell workspace: its API key, its phone numbers and its agents. */
export interface FakeWorkspace {
  apiKey: string;
  numbers: string[];
  agents: string[];
}

export interface RecordedCall {
  auth: string | undefined;
  body: Record<string, unknown>;
  status: number;
}

/** A refusal to give instead of the next answers: a status and Retell's `{ status: "error", message }` body. */
interface Refusal {
  status: number;
  message: string;
  times: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Retell's API as far as reminders use it: `POST /v2/create-phone-call`, validated as `../shared/contracts/retell.md`
 * states it (Bearer key of a workspace, E.164 numbers, `from_number` and `override_agent_id` of that workspace,
 * dynamic variables strings only) and answered 201 with a call object; refusals can be scripted (401, 402, 422, 429,
 * 500, …) and a connection dropped. Used by the tests and `demo:call --reminder`; the server never imports it.
 */
export class RetellApiFake {
  readonly calls: RecordedCall[] = [];
  private readonly refusals: Array<Refusal | 'drop'> = [];
  private server?: Server;

  constructor(private readonly workspaces: FakeWorkspace[]) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` requests are refused so. */
  refuse(status: number, message: string, times = 1): void {
    this.refusals.push({ status, message, times });
  }

  /** The next request's connection is dropped before any answer (a retry after this may place a second call). */
  dropConnection(): void {
    this.refusals.push('drop');
  }

  /** The calls Retell placed (answered 201). */
  get placed(): RecordedCall[] {
    return this.calls.filter((call) => call.status === 201);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || req.url !== '/v2/create-phone-call') return this.send(res, 404, 'Not found');
    const scripted = this.refusals[0];
    if (scripted === 'drop') {
      this.refusals.shift();
      return void req.socket.destroy();
    }
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return this.answer(req, res, body, 400, 'Invalid JSON');
    }
    if (scripted) {
      if (--scripted.times <= 0) this.refusals.shift();
      return this.answer(req, res, body, scripted.status, scripted.message);
    }
    const [status, message] = this.validate(req.headers.authorization, body);
    if (status !== 201) return this.answer(req, res, body, status, message);
    this.calls.push({ auth: req.headers.authorization, body, status: 201 });
    const call = {
      call_type: 'phone_call',
      call_id: `call_${randomBytes(12).toString('hex')}`,
      agent_id: body.override_agent_id,
      call_status: 'registered',
      direction: 'outbound',
      from_number: body.from_number,
      to_number: body.to_number,
      metadata: body.metadata ?? {},
      retell_llm_dynamic_variables: body.retell_llm_dynamic_variables ?? {},
    };
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(call));
  }

  private validate(auth: string | undefined, body: Record<string, unknown>): [number, string] {
    const workspace = this.workspaces.find((space) => auth === `Bearer ${space.apiKey}`);
    if (!workspace) return [401, 'Unauthorized'];
    if (typeof body.from_number !== 'string' || !E164.test(body.from_number)) return [400, 'from_number must be E.164'];
    if (typeof body.to_number !== 'string' || !E164.test(body.to_number)) return [400, 'to_number must be E.164'];
    const variables = body.retell_llm_dynamic_variables;
    if (
      variables !== undefined &&
      (typeof variables !== 'object' ||
        variables === null ||
        Object.values(variables).some((v) => typeof v !== 'string'))
    )
      return [400, 'retell_llm_dynamic_variables values must be strings'];
    if (!workspace.numbers.includes(body.from_number))
      return [422, `Item ${body.from_number} not found from phone-number`];
    if (body.override_agent_id !== undefined && !workspace.agents.includes(String(body.override_agent_id)))
      return [422, `Item ${String(body.override_agent_id)} not found from agent`];
    return [201, ''];
  }

  private answer(
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
    status: number,
    message: string,
  ) {
    this.calls.push({ auth: req.headers.authorization, body, status });
    this.send(res, status, message);
  }

  private send(res: ServerResponse, status: number, message: string): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'error', message }));
  }
}
