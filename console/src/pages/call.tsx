import { get } from '../api';
import type { CallDetailResponse, FunctionCallResponse } from '../api.gen';
import { useLoad } from '../hooks';
import { t, seconds, when } from '../i18n';
import { Facts, Show, Table } from '../ui';

type Turn = { role: string; content: string; offsetMs: number | null };

/** Retell's turns (word timings give each its offset), each function call placed among them by its own offset. */
function turnsOf(call: CallDetailResponse): Turn[] {
  const fromObject = (call.transcriptObject ?? []).map((turn) => {
    const item = turn as { role?: string; content?: string; words?: Array<{ start?: number }> };
    const start = item.words?.[0]?.start;
    return {
      role: item.role ?? '',
      content: item.content ?? '',
      offsetMs: typeof start === 'number' ? start * 1000 : null,
    };
  });
  if (fromObject.length > 0) return fromObject;
  return (call.transcript ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [role, ...rest] = line.split(': ');
      return { role: role.toLowerCase(), content: rest.join(': '), offsetMs: null };
    });
}

function FunctionTurn({ fn }: { fn: FunctionCallResponse }) {
  return (
    <li class={`fn ${fn.outcome.startsWith('failed') ? 'failed' : 'ok'}`}>
      <strong>
        {t.functionCall}: {fn.tool}
      </strong>{' '}
      <span class="muted">
        ({fn.outcome}, {fn.durationMs} ms)
      </span>
      <pre>{JSON.stringify(fn.args)}</pre>
      <p>
        <span class="muted">{t.answer}:</span> {fn.answer ?? '–'}
      </p>
    </li>
  );
}

type Item = { kind: 'turn'; turn: Turn } | { kind: 'fn'; fn: FunctionCallResponse };

/**
 * Turns and function calls in the order they happened: by their offsets when Retell gave word timings; else each
 * function call just before the agent's turn that said its answer (the agent says what the function answered).
 */
function interleave(turns: Turn[], calls: FunctionCallResponse[]): Item[] {
  if (turns.every((turn) => turn.offsetMs !== null) && calls.every((fn) => fn.offsetMs !== null)) {
    const timed = [
      ...turns.map((turn) => ({ at: turn.offsetMs!, item: { kind: 'turn', turn } as Item })),
      ...calls.map((fn) => ({ at: fn.offsetMs!, item: { kind: 'fn', fn } as Item })),
    ];
    return timed.sort((a, b) => a.at - b.at).map((entry) => entry.item);
  }
  const items: Item[] = [];
  const left = [...calls];
  for (const turn of turns) {
    const said = left.findIndex(
      (fn) => turn.role === 'agent' && fn.answer !== null && turn.content.includes(fn.answer),
    );
    if (said >= 0) items.push(...left.splice(0, said + 1).map((fn) => ({ kind: 'fn', fn }) as Item));
    items.push({ kind: 'turn', turn });
  }
  return [...items, ...left.map((fn) => ({ kind: 'fn', fn }) as Item)];
}

/** The conversation turn by turn with every function call inline, then what the call did and cost. */
export function CallPage({ id }: { id: string }) {
  const loaded = useLoad(() => get('/api/admin/calls/{id}', { id }), [id]);
  return (
    <Show loaded={loaded}>
      {(call) => {
        const turns = turnsOf(call);
        const items = interleave(turns, call.functionCalls);
        return (
          <article aria-labelledby="call-title">
            <p>
              <a href="#/calls">← {t.back}</a>
            </p>
            <h1 id="call-title">
              {t.call} {when(call.startedAt ?? call.createdAt)}
            </h1>
            <Facts
              items={[
                [t.business, call.company?.name ?? '–'],
                [
                  t.caller,
                  call.customer ? (
                    <a href={`#/customers/${call.customer.id}`}>{call.customer.name ?? call.customer.phone}</a>
                  ) : (
                    (call.fromNumber ?? '–')
                  ),
                ],
                [t.direction, call.direction ?? '–'],
                [t.status, call.status ?? '–'],
                [t.duration, seconds(call.durationMs)],
                [t.cost, call.costCents === null ? '–' : `${call.costCents} ct`],
              ]}
            />
            <h2>{t.conversation}</h2>
            <ol class="turns">
              {items.map((item, i) =>
                item.kind === 'fn' ? (
                  <FunctionTurn key={`f${i}`} fn={item.fn} />
                ) : (
                  <li key={`t${i}`} class={`turn ${item.turn.role}`}>
                    <strong>{item.turn.role}:</strong> {item.turn.content}
                  </li>
                ),
              )}
            </ol>
            <h2>{t.appointments}</h2>
            <Table caption={t.appointments} head={[t.start, t.status, t.source]}>
              {call.appointments.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.startAt)}</td>
                  <td>{a.status}</td>
                  <td>{a.changes.map((c) => `${c.kind} (${c.source})`).join(', ')}</td>
                </tr>
              ))}
            </Table>
            <h2>{t.analysis}</h2>
            <pre>{JSON.stringify(call.analysis, null, 2)}</pre>
            <h2>{t.events}</h2>
            <ul>
              {call.events.map((e, i) => (
                <li key={i}>
                  {e.event} · {when(e.receivedAt)}
                </li>
              ))}
            </ul>
          </article>
        );
      }}
    </Show>
  );
}
