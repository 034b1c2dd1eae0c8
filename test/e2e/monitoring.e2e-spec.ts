import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { useBookingSuite } from '../support/booking-suite.testing';
import { callFunction } from '../support/calcom';

const DEPLOY = join(__dirname, '..', '..', 'deploy');
const SUFFIXES = /_(bucket|count|sum)$/;

/** The metric names a PromQL text uses (series selectors and aggregations over them). */
function metricNames(promql: string): string[] {
  const words = promql.match(/\b[a-z][a-z0-9_]*(?=\s*(\{|\[|\)|$| >| or))/g) ?? [];
  const functions = /^(sum|rate|max|min|increase|histogram_quantile|clamp_min|label_replace|by|vector|and|or)$/;
  return [
    ...new Set(words.filter((word) => word.includes('_') && !functions.test(word)).map((w) => w.replace(SUFFIXES, ''))),
  ];
}

/** The Grafana dashboard and the Prometheus alerts only use metrics `/metrics` serves. */
describe('Monitoring: the dashboard and the alert rules fit /metrics', () => {
  const suite = useBookingSuite();
  const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana', 'voice-booking-gateway.json'), 'utf8')) as {
    panels: Array<{ targets: Array<{ expr: string }> }>;
  };
  const alerts = readFileSync(join(DEPLOY, 'prometheus', 'alerts.yml'), 'utf8');
  const used = [
    ...dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => metricNames(target.expr))),
    ...[...alerts.matchAll(/expr: [|>]?-?\n?([\s\S]*?)\n\s+(for|labels):/g)].flatMap((match) => metricNames(match[1])),
  ];

  it('uses only metrics the gateway exposes', async () => {
    await callFunction(suite.t, 'list-services', {}).expect(200);
    const exposed = (await request(suite.t.server).get('/metrics').expect(200)).text;
    const served = new Set([...exposed.matchAll(/^# HELP (\S+)/gm)].map((match) => match[1]));
    const names = [...new Set(used)].sort();
    expect(names.length).toBeGreaterThan(12);
    expect(names.filter((name) => !served.has(name))).toEqual([]);
  });
});
