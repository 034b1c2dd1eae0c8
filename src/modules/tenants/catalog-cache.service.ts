import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CacheService } from '../../cache/cache.service';
import { Branch } from './branch.entity';
import { Service } from './service.entity';

/** A company's branches and active services, as every tool call reads them. No secrets: the Cal.com key is not in it. */
export interface CatalogSnapshot {
  services: Service[];
  branches: Branch[];
}

/** Long enough to spare the database on every call; admin writes drop it at once, so it never serves stale data. */
const TTL_MS = 10 * 60 * 1000;
const key = (companyId: string) => `catalog:${companyId}`;

/**
 * The catalog in the shared cache (Redis when configured, so every instance sees a write's invalidation at once; in
 * process otherwise). Every write path of branches, services and companies calls `invalidate`.
 */
@Injectable()
export class CatalogCacheService {
  constructor(
    private readonly cache: CacheService,
    @InjectRepository(Service) private readonly services: Repository<Service>,
    @InjectRepository(Branch) private readonly branches: Repository<Branch>,
  ) {}

  read(companyId: string): Promise<CatalogSnapshot> {
    return this.cache.wrap(key(companyId), TTL_MS, async () => {
      const [services, branches] = await Promise.all([
        this.services.find({ where: { companyId, active: true } }),
        this.branches.find({ where: { companyId } }),
      ]);
      return { services, branches };
    });
  }

  invalidate(...companyIds: string[]): Promise<void> {
    return this.cache.del(...companyIds.map(key));
  }
}
