import { join } from 'node:path';
import { Load, RETELL_KEY, serve, Served, stage } from './load';
import { checkLoad } from './scenarios';

export type Reference = { max: Load; paced: Load };

/** Bare `node:http` answering the same JSON: the ceiling of any Node server on this machine, printed for scale. */
export async function bareLoad(): Promise<Load> {
  stage('baseline: bare node:http');
  const bare = await serve(join(__dirname, 'servers', 'bare.js'), [], {}, '/');
  const measured = (await checkLoad(bare.url, false)).max;
  await bare.stop();
  return measured;
}

/**
 * The reference pipeline in its own process, kept running through the whole bench so each gateway is compared with
 * a reference measured right before and right after it (a shared machine's speed drifts over minutes). It checks the
 * same signature as the gateway: with another key it would only measure refusals.
 */
export function startReference(): Promise<Served> {
  return serve(join(__dirname, 'servers', 'reference.js'), [], { BENCH_RETELL_KEY: RETELL_KEY }, '/');
}

/** One measurement of the reference, warmed up as the gateway is (100 requests before the load). */
export function referenceLoad(reference: Served, when: string): Promise<Reference> {
  stage(`reference pipeline, ${when}`);
  return checkLoad(reference.url, true, reference.child.pid);
}

/**
 * The better of the two measurements around a gateway: a reference caught in a slow moment would flatter the
 * gateway's ratios, so each figure takes the reference's best (most req/s, least CPU per request, lowest p99).
 */
export function best(first: Reference, second: Reference): Reference {
  const faster = (a: Load, b: Load) => (a.rps >= b.rps ? a : b);
  const leaner = (a: Load, b: Load) => ((a.cpuUs ?? Infinity) <= (b.cpuUs ?? Infinity) ? a : b);
  const steadier = (a: Load, b: Load) => (a.p99 <= b.p99 ? a : b);
  return {
    max: { ...faster(first.max, second.max), cpuUs: leaner(first.max, second.max).cpuUs },
    paced: steadier(first.paced, second.paced),
  };
}
