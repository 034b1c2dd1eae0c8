// Checks what operators load into Prometheus and Grafana with Prometheus's own tool (`promtool`, Debian's
// `prometheus` package): the alert rules, their unit tests, and every dashboard query (written into a temporary
// rule file, so promtool parses each one). Run by CI: `node deploy/check-monitoring.mjs`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const run = (...args) => execFileSync('promtool', args, { cwd: join(here, 'prometheus'), stdio: 'inherit' });

run('check', 'rules', 'alerts.yml');
run('test', 'rules', 'alerts.test.yml');

const dashboard = JSON.parse(readFileSync(join(here, 'grafana', 'voice-booking-gateway.json'), 'utf8'));
const queries = dashboard.panels.flatMap((panel) => panel.targets.map((target) => [panel.title, target.expr]));
const rules = queries
  .map(([title, expr], i) =>
    [
      `      - record: dashboard:query_${i}`,
      `        expr: ${JSON.stringify(expr.replaceAll('$instance', '.*'))}`,
      `        # ${title}`,
    ].join('\n'),
  )
  .join('\n');
const dir = mkdtempSync(join(tmpdir(), 'vbg-dashboard-'));
try {
  writeFileSync(join(dir, 'dashboard.yml'), `groups:\n  - name: dashboard\n    rules:\n${rules}\n`);
  execFileSync('promtool', ['check', 'rules', join(dir, 'dashboard.yml')], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`monitoring: alert rules and tests pass; ${queries.length} dashboard queries parse`);
