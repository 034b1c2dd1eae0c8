import { useState } from 'preact/hooks';
import { get } from '../api';
import { DayChart } from '../chart';
import { useLoad } from '../hooks';
import { t } from '../i18n';
import { Show, Table } from '../ui';
import { CompanyPicker } from './company-picker';

const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)} %`);

/** Per day over 14 or 30 days, for all businesses or one: charts, with the figures beside them. */
export function OverviewPage() {
  const [days, setDays] = useState(14);
  const [companyId, setCompanyId] = useState('');
  const loaded = useLoad(() => get('/api/admin/overview', {}, { days, companyId }), [days, companyId]);
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t.overview}</h1>
      <div class="filters">
        <CompanyPicker value={companyId} onChange={setCompanyId} />
        <label>
          {t.days}
          <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
            <option value={14}>14</option>
            <option value={30}>30</option>
          </select>
        </label>
      </div>
      <Show loaded={loaded}>
        {(overview) => {
          const dates = overview.days.map((day) => day.date);
          return (
            <>
              <div class="charts">
                <DayChart
                  title={t.chartCalls}
                  days={dates}
                  series={[
                    { label: t.callsCount, values: overview.days.map((d) => d.calls), color: '#1f5fa8' },
                    { label: t.booked, values: overview.days.map((d) => d.bookedCalls), color: '#2e7d32' },
                  ]}
                />
                <DayChart
                  title={t.chartChanges}
                  days={dates}
                  series={[
                    { label: t.moved, values: overview.days.map((d) => d.moved), color: '#8a5a00' },
                    { label: t.cancelled, values: overview.days.map((d) => d.cancelled), color: '#b3261e' },
                  ]}
                />
                <DayChart
                  title={t.chartLatency}
                  days={dates}
                  series={[{ label: t.p95, values: overview.days.map((d) => d.functionP95Ms), color: '#5b3fa3' }]}
                />
              </div>
              <p>
                <strong>{t.breakers}:</strong>{' '}
                {overview.breakers.length === 0
                  ? t.none
                  : overview.breakers.map((b) => `${b.companyId.slice(0, 8)} ${b.state}`).join(', ')}
              </p>
              <Table
                caption={`${t.overview} ${overview.from} – ${overview.to} (${overview.timezone})`}
                head={[t.date, t.callsCount, t.booked, t.conversion, t.moved, t.cancelled, t.failures, t.p95]}
              >
                {overview.days.map((day) => (
                  <tr key={day.date}>
                    <td>{day.date}</td>
                    <td>{day.calls}</td>
                    <td>{day.bookedCalls}</td>
                    <td>{pct(day.conversion)}</td>
                    <td>{day.moved}</td>
                    <td>{day.cancelled}</td>
                    <td>
                      {Object.entries(day.failures)
                        .map(([reason, n]) => `${reason} ${n}`)
                        .join(', ') || '–'}
                    </td>
                    <td>{day.functionP95Ms === null ? '–' : `${day.functionP95Ms} ms`}</td>
                  </tr>
                ))}
              </Table>
            </>
          );
        }}
      </Show>
    </section>
  );
}
