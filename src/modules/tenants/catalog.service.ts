import { Injectable } from '@nestjs/common';
import type { Branch } from './branch.entity';
import { Derived, Memo } from '../../common/remember';
import { CatalogCacheService, CatalogSnapshot } from './catalog-cache.service';
import type { Service } from './service.entity';

const normalised = new Memo<string, string>(5_000);

/** Case- and accent-insensitive form of what a caller (or the LLM) said; the same names come again and again. */
const normalise = (value: string) =>
  normalised.get(value, () =>
    value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase()
      .trim(),
  );

/**
 * Names in the order a person reads them ("Färben" before "Festtermin"), the same whatever collation the database
 * was created with: embedded PGlite sorts bytes, a Postgres cluster usually its locale.
 */
const NAME_ORDER = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
const byName = <T extends { name: string }>(rows: T[]): T[] => rows.sort((a, b) => NAME_ORDER.compare(a.name, b.name));

type Offering = { services: Array<Service & { branchName: string | null }>; branches: Branch[] };

/** What a company offers and where: read-only views for the agent. */
@Injectable()
export class CatalogService {
  /** Offerings per company and branch asked for, worked out once per catalog snapshot. The answers are shared. */
  private readonly offerings = new Derived<string, CatalogSnapshot, Offering>(10_000);

  constructor(private readonly cache: CatalogCacheService) {}

  async listBranches(companyId: string): Promise<Branch[]> {
    return (await this.offering(companyId)).branches;
  }

  /** Active services, with their branch, optionally only those a named branch offers (company-wide ones included). */
  async listServices(companyId: string, branchName?: string): Promise<Array<Service & { branchName: string | null }>> {
    return (await this.offering(companyId, branchName)).services;
  }

  /** The services as `listServices` gives them, and every branch of the company, read once for both. */
  async offering(companyId: string, branchName?: string): Promise<Offering> {
    const snapshot = await this.cache.read(companyId);
    const key = `${companyId}\n${branchName ?? ''}`;
    return this.offerings.get(key, snapshot, () => offer(snapshot, branchName));
  }
}

/** Every branch in name order, and the active services (of the named branch, company-wide ones included). */
function offer(snapshot: CatalogSnapshot, branchName?: string): Offering {
  const branches = byName([...snapshot.branches]);
  const names = new Map(branches.map((branch) => [branch.id, branch.name]));
  const wanted = branchName ? findByName(branches, branchName) : undefined;
  if (branchName && !wanted) return { services: [], branches };
  const offered = byName([...snapshot.services])
    .filter((service) => !wanted || service.branchId === null || service.branchId === wanted.id)
    .map((service) => ({ ...service, branchName: service.branchId ? (names.get(service.branchId) ?? null) : null }));
  return { services: offered, branches };
}

/** Exact name first, then a name containing the phrase (or contained in it). */
export function findByName<T extends { name: string; synonyms?: string[] }>(items: T[], phrase: string): T | undefined {
  const wanted = normalise(phrase);
  const names = (item: T) => [item.name, ...(item.synonyms ?? [])].map(normalise);
  return (
    items.find((item) => names(item).includes(wanted)) ??
    items.find((item) => names(item).some((name) => name.includes(wanted) || wanted.includes(name)))
  );
}
