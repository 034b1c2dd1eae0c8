import { get } from '../api';
import { useLoad } from '../hooks';
import { t, when } from '../i18n';
import { Facts, Show, Table } from '../ui';

/** Every business the token may read. */
export function BusinessesPage() {
  const loaded = useLoad(() => get('/api/admin/companies', {}, { limit: 500 }), []);
  return (
    <section aria-labelledby="businesses-title">
      <h1 id="businesses-title">{t.businesses}</h1>
      <Show loaded={loaded}>
        {(rows) => (
          <Table caption={t.businesses} head={[t.name, t.timezone, t.calcom]}>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={`#/businesses/${c.id}`}>{c.name}</a>
                </td>
                <td>{c.timezone}</td>
                <td>{c.calcomBaseUrl}</td>
              </tr>
            ))}
          </Table>
        )}
      </Show>
    </section>
  );
}

/** A business: its catalog and numbers, its Cal.com account (never the key), webhooks and reminders. */
export function BusinessPage({ id }: { id: string }) {
  const loaded = useLoad(
    () =>
      Promise.all([
        get('/api/admin/companies/{id}', { id }),
        get('/api/admin/companies/{companyId}/services', { companyId: id }),
        get('/api/admin/companies/{companyId}/phone-numbers', { companyId: id }),
        get('/api/admin/overview', {}, { companyId: id, days: 14 }),
      ]),
    [id],
  );
  return (
    <Show loaded={loaded}>
      {([company, services, numbers, overview]) => {
        const breaker = overview.breakers.find((b) => b.companyId === company.id)?.state ?? 'closed';
        const reminders = company.reminders;
        return (
          <article aria-labelledby="business-title">
            <p>
              <a href="#/businesses">← {t.back}</a>
            </p>
            <h1 id="business-title">{company.name}</h1>
            <Facts
              items={[
                [t.timezone, company.timezone],
                [
                  t.calcom,
                  `${company.calcomBaseUrl} · ${t.keyPresent}: ${company.hasCalcomApiKey ? t.yes : t.no} · ${breaker}`,
                ],
                [t.webhooks, company.calcomWebhookLastAt ? when(company.calcomWebhookLastAt) : t.never],
                [
                  t.reminders,
                  reminders
                    ? `${reminders.leadMinutes.join(', ')} min · ${reminders.window.from}–${reminders.window.to}`
                    : t.off,
                ],
              ]}
            />
            <Table caption={t.catalog} head={[t.service, t.duration]}>
              {services.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{s.durationMinutes} min</td>
                </tr>
              ))}
            </Table>
            <Table caption={t.numbers} head={[t.phone]}>
              {numbers.map((n) => (
                <tr key={n.id}>
                  <td>{n.e164}</td>
                </tr>
              ))}
            </Table>
          </article>
        );
      }}
    </Show>
  );
}
