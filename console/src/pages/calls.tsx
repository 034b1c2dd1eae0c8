import { useEffect, useState } from 'preact/hooks';
import { get } from '../api';
import type { CallSummaryResponse } from '../api.gen';
import { t, seconds, when } from '../i18n';
import { Empty, Table } from '../ui';
import { CompanyPicker } from './company-picker';

const PAGE = 25;
type Filters = Record<'companyId' | 'from' | 'to' | 'direction' | 'outcome' | 'number', string>;
const NONE: Filters = { companyId: '', from: '', to: '', direction: '', outcome: '', number: '' };

/** Newest first, filtered; the next page is asked for by the last row's key, never by an offset. */
export function CallsPage() {
  const [filters, setFilters] = useState<Filters>(NONE);
  const [draft, setDraft] = useState<Filters>(NONE);
  const [rows, setRows] = useState<CallSummaryResponse[]>([]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const load = async (after?: CallSummaryResponse) => {
    setError('');
    try {
      const keys = after ? { beforeCreatedAt: after.createdAt, beforeId: after.id } : {};
      const page = await get('/api/admin/calls', {}, { ...filters, ...keys, limit: PAGE });
      setRows((earlier) => (after ? [...earlier, ...page] : page));
      setDone(page.length < PAGE);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => void load(), [JSON.stringify(filters)]);
  const field = (key: keyof Filters) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="calls-title">
      <h1 id="calls-title">{t.calls}</h1>
      <form class="filters" onSubmit={(e) => (e.preventDefault(), setFilters(draft))}>
        <CompanyPicker value={draft.companyId} onChange={(companyId) => setDraft({ ...draft, companyId })} />
        <label>
          {t.from}
          <input type="date" value={draft.from} onInput={field('from')} />
        </label>
        <label>
          {t.to}
          <input type="date" value={draft.to} onInput={field('to')} />
        </label>
        <label>
          {t.direction}
          <select value={draft.direction} onChange={field('direction')}>
            <option value="">{t.any}</option>
            <option value="inbound">{t.inbound}</option>
            <option value="outbound">{t.outbound}</option>
          </select>
        </label>
        <label>
          {t.outcome}
          <select value={draft.outcome} onChange={field('outcome')}>
            <option value="">{t.any}</option>
            <option value="booked">{t.outcomeBooked}</option>
            <option value="no_booking">{t.outcomeNoBooking}</option>
            <option value="failed">{t.outcomeFailed}</option>
          </select>
        </label>
        <label>
          {t.number}
          <input inputMode="tel" value={draft.number} onInput={field('number')} pattern="\+?\d{3,15}" />
        </label>
        <button type="submit">{t.search}</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <Table caption={t.calls} head={[t.started, t.business, t.caller, t.direction, t.status, t.duration]}>
        {rows.map((call) => (
          <tr key={call.id}>
            <td>
              <a href={`#/calls/${call.id}`}>{when(call.startedAt ?? call.createdAt)}</a>
            </td>
            <td>{call.company?.name ?? '–'}</td>
            <td>{call.direction === 'outbound' ? call.toNumber : call.fromNumber}</td>
            <td>{call.direction ?? '–'}</td>
            <td>{call.status ?? '–'}</td>
            <td>{seconds(call.durationMs)}</td>
          </tr>
        ))}
      </Table>
      <Empty when={rows.length === 0 && !error} />
      {!done && rows.length > 0 && <button onClick={() => void load(rows.at(-1))}>{t.more}</button>}
    </section>
  );
}
