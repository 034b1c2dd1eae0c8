import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiTypes } from '../../tools/openapi-types';
import { openApiDoc } from '../support/openapi';
import { createTestApp, TestApp } from '../support/test-app';

const FILE = join(__dirname, '..', '..', 'console', 'src', 'api.gen.ts');

/** The console is typed against the admin API's OpenAPI document: the committed types are the document's. */
describe('Console: types generated from the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('are current', async () => {
    const types = openApiTypes((await openApiDoc(t)) as never);
    if (process.env.UPDATE_CONSOLE_TYPES === '1') writeFileSync(FILE, types);
    expect(types).toContain('export interface AdminGet');
    expect(readFileSync(FILE, 'utf8')).toBe(types);
  });
});
