import type { Branch } from './branch.entity';
import type { CatalogCacheService, CatalogSnapshot } from './catalog-cache.service';
import { CatalogService } from './catalog.service';
import type { Service } from './service.entity';

const branch = (id: string, name: string) => ({ id, name }) as Branch;
const service = (name: string, branchId: string | null) => ({ id: name, name, branchId }) as Service;

function setup(first: CatalogSnapshot) {
  const cache: { snapshot: CatalogSnapshot; read: jest.Mock } = { snapshot: first, read: jest.fn() };
  cache.read.mockImplementation(async () => cache.snapshot);
  return { cache, catalog: new CatalogService(cache as unknown as CatalogCacheService) };
}

describe('CatalogService.offering', () => {
  const snapshot: CatalogSnapshot = {
    branches: [branch('b2', 'Nord'), branch('b1', 'Mitte')],
    services: [service('Waschen', null), service('Färben', 'b1'), service('Bart', 'b2')],
  };

  it('lists services by name with their branch, and only a named branch’s (company-wide ones too)', async () => {
    const { catalog } = setup(snapshot);
    const all = await catalog.offering('c1');
    expect(all.services.map((s) => [s.name, s.branchName])).toEqual([
      ['Bart', 'Nord'],
      ['Färben', 'Mitte'],
      ['Waschen', null],
    ]);
    expect(all.branches.map((b) => b.name)).toEqual(['Mitte', 'Nord']);
    expect((await catalog.offering('c1', 'mitte')).services.map((s) => s.name)).toEqual(['Färben', 'Waschen']);
    expect((await catalog.offering('c1', 'Süd')).services).toEqual([]);
  });

  it('works an offering out once per snapshot, and again when the catalog changed', async () => {
    const { cache, catalog } = setup(snapshot);
    const first = await catalog.offering('c1');
    expect(await catalog.offering('c1')).toBe(first);
    cache.snapshot = { ...snapshot, services: [service('Styling', null)] };
    const changed = await catalog.offering('c1');
    expect(changed.services.map((s) => s.name)).toEqual(['Styling']);
    expect(snapshot.services.map((s) => s.name)).toEqual(['Waschen', 'Färben', 'Bart']);
  });
});
