import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { CalcomBreakersService } from '../calcom/calcom-breakers.service';
import { Company } from '../tenants/company.entity';

export interface OverviewDay {
  date: string;
  calls: number;
  bookedCalls: number;
  /** bookedCalls / calls; null on a day without calls. */
  conversion: number | null;
  moved: number;
  cancelled: number;
  failures: Record<string, number>;
  /** p95 of the function calls' durations that day; null without any. */
  functionP95Ms: number | null;
}

export interface Overview {
  from: string;
  to: string;
  timezone: string;
  days: OverviewDay[];
  breakers: Array<{ companyId: string; state: string }>;
}

/** $1 first instant, $2 timezone, $3 company or null. One pass per source, grouped by the local day. */
const CALLS = `
  SELECT to_char(c.created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, count(*)::int AS calls,
    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM appointments a WHERE a.call_id = c.id))::int AS booked
  FROM calls c WHERE c.created_at >= $1 AND ($3::uuid IS NULL OR c.company_id = $3::uuid) GROUP BY 1`;
const CHANGES = `
  SELECT to_char(ch.occurred_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
    count(*) FILTER (WHERE ch.kind IN ('rescheduled', 'moved'))::int AS moved,
    count(*) FILTER (WHERE ch.kind = 'cancelled')::int AS cancelled
  FROM appointment_changes ch JOIN appointments a ON a.id = ch.appointment_id
  WHERE ch.occurred_at >= $1 AND ($3::uuid IS NULL OR a.company_id = $3::uuid) GROUP BY 1`;
const FUNCTIONS = `
  SELECT to_char(f.created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
    percentile_cont(0.95) WITHIN GROUP (ORDER BY f.duration_ms) AS p95
  FROM function_calls f WHERE f.created_at >= $1 AND ($3::uuid IS NULL OR f.company_id = $3::uuid) GROUP BY 1`;
const FAILURES = `
  SELECT to_char(f.created_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day, substr(f.outcome, 8) AS reason, count(*)::int AS n
  FROM function_calls f
  WHERE f.created_at >= $1 AND ($3::uuid IS NULL OR f.company_id = $3::uuid) AND f.outcome LIKE 'failed:%'
  GROUP BY 1, 2`;

/** How the businesses are doing, day by day: the figures behind the console's overview charts. */
@Injectable()
export class OverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly breakers: CalcomBreakersService,
  ) {}

  async overview(days: number, companyId?: string, now = new Date()): Promise<Overview> {
    const timezone = companyId ? await this.timezoneOf(companyId) : 'UTC';
    const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
    const first = today.minus({ days: days - 1 });
    const params = [first.toJSDate(), timezone, companyId ?? null];
    const [calls, changes, functions, failures] = await Promise.all([
      this.dataSource.query<Array<{ day: string; calls: number; booked: number }>>(CALLS, params),
      this.dataSource.query<Array<{ day: string; moved: number; cancelled: number }>>(CHANGES, params),
      this.dataSource.query<Array<{ day: string; p95: number | null }>>(FUNCTIONS, params),
      this.dataSource.query<Array<{ day: string; reason: string; n: number }>>(FAILURES, params),
    ]);
    const list = assemble(first, days, { calls, changes, functions, failures });
    const breakers = this.breakers.states().filter((b) => !companyId || b.companyId === companyId);
    return { from: first.toISODate()!, to: today.toISODate()!, timezone, days: list, breakers };
  }

  private async timezoneOf(companyId: string): Promise<string> {
    const company = await this.dataSource
      .getRepository(Company)
      .findOne({ where: { id: companyId }, select: { timezone: true } });
    return company?.timezone ?? 'UTC';
  }
}

interface Rows {
  calls: Array<{ day: string; calls: number; booked: number }>;
  changes: Array<{ day: string; moved: number; cancelled: number }>;
  functions: Array<{ day: string; p95: number | null }>;
  failures: Array<{ day: string; reason: string; n: number }>;
}

/** Every day of the period, with zeros where nothing happened. */
function assemble(first: DateTime, days: number, rows: Rows): OverviewDay[] {
  const byDay = <T extends { day: string }>(list: T[]) => new Map(list.map((row) => [row.day, row]));
  const [calls, changes, functions] = [byDay(rows.calls), byDay(rows.changes), byDay(rows.functions)];
  return Array.from({ length: days }, (_, i) => {
    const date = first.plus({ days: i }).toISODate()!;
    const day = calls.get(date);
    const reasons = rows.failures.filter((row) => row.day === date).map((row) => [row.reason, Number(row.n)]);
    const p95 = functions.get(date)?.p95;
    return {
      date,
      calls: Number(day?.calls ?? 0),
      bookedCalls: Number(day?.booked ?? 0),
      conversion: day?.calls ? Number(day.booked) / Number(day.calls) : null,
      moved: Number(changes.get(date)?.moved ?? 0),
      cancelled: Number(changes.get(date)?.cancelled ?? 0),
      failures: Object.fromEntries(reasons) as Record<string, number>,
      functionP95Ms: p95 === null || p95 === undefined ? null : Math.round(Number(p95)),
    };
  });
}
