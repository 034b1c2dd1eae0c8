import { useState } from 'preact/hooks';
import { get } from '../api';
import { useLoad } from '../hooks';
import { t, when } from '../i18n';
import { Empty, Show, Table } from '../ui';
import { CompanyPicker } from './company-picker';

/** Upcoming and past appointments, each with where it came from. */
export function AppointmentsPage() {
  const [companyId, setCompanyId] = useState('');
  const loaded = useLoad(() => get('/api/admin/appointments', {}, { companyId, limit: 200 }), [companyId]);
  return (
    <section aria-labelledby="appointments-title">
      <h1 id="appointments-title">{t.appointments}</h1>
      <div class="filters">
        <CompanyPicker value={companyId} onChange={setCompanyId} />
      </div>
      <Show loaded={loaded}>
        {(rows) => (
          <>
            <Table caption={t.appointments} head={[t.start, t.status, t.source, t.call]}>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td>{when(a.startAt)}</td>
                  <td>{a.status}</td>
                  <td>{a.source}</td>
                  <td>{a.callId ? <a href={`#/calls/${a.callId}`}>{t.call}</a> : '–'}</td>
                </tr>
              ))}
            </Table>
            <Empty when={rows.length === 0} />
          </>
        )}
      </Show>
    </section>
  );
}

/** Customers, newest first. */
export function CustomersPage() {
  const [companyId, setCompanyId] = useState('');
  const loaded = useLoad(() => get('/api/admin/customers', {}, { companyId, limit: 200 }), [companyId]);
  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">{t.customers}</h1>
      <div class="filters">
        <CompanyPicker value={companyId} onChange={setCompanyId} />
      </div>
      <Show loaded={loaded}>
        {(rows) => (
          <>
            <Table caption={t.customers} head={[t.name, t.phone, t.email]}>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`#/customers/${c.id}`}>{c.name ?? '–'}</a>
                  </td>
                  <td>{c.phoneE164 ?? '–'}</td>
                  <td>{c.email ?? '–'}</td>
                </tr>
              ))}
            </Table>
            <Empty when={rows.length === 0} />
          </>
        )}
      </Show>
    </section>
  );
}

/** A customer's calls and appointments. */
export function CustomerPage({ id }: { id: string }) {
  const loaded = useLoad(() => get('/api/admin/customers/{id}', { id }), [id]);
  return (
    <Show loaded={loaded}>
      {(customer) => (
        <article aria-labelledby="customer-title">
          <p>
            <a href="#/customers">← {t.back}</a>
          </p>
          <h1 id="customer-title">{customer.name ?? customer.phoneE164}</h1>
          <Table caption={t.calls} head={[t.started, t.status]}>
            {customer.calls.map((call) => (
              <tr key={call.id}>
                <td>
                  <a href={`#/calls/${call.id}`}>{when(call.startedAt ?? call.createdAt)}</a>
                </td>
                <td>{call.status ?? '–'}</td>
              </tr>
            ))}
          </Table>
          <Table caption={t.appointments} head={[t.start, t.status]}>
            {customer.appointments.map((a) => (
              <tr key={a.id}>
                <td>{when(a.startAt)}</td>
                <td>{a.status}</td>
              </tr>
            ))}
          </Table>
        </article>
      )}
    </Show>
  );
}
