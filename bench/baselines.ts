import { join } from 'node:path';
import { Load, RETELL_KEY, serve, stage } from './load';
import { checkLoad } from './scenarios';

export type Base = { bare: Load; reference: { max: Load; paced: Load } };

/** The baselines of the same run: bare `node:http` and the reference pipeline, each in its own process. */
export async function baselines(): Promise<Base> {
  stage('baselines: bare node:http and the reference pipeline');
  const bare = await serve(join(__dirname, 'servers', 'bare.js'), [], {}, '/');
  const bareLoad = (await checkLoad(bare.url, false)).max;
  await bare.stop();
  // The reference checks the same signature as the gateway: with another key it would only measure refusals.
  const reference = await serve(join(__dirname, 'servers', 'reference.js'), [], { BENCH_RETELL_KEY: RETELL_KEY }, '/');
  const referenceLoad = await checkLoad(reference.url, false, reference.child.pid);
  await reference.stop();
  return { bare: bareLoad, reference: referenceLoad };
}

/**
 * The faster of two baseline measurements, one before the gateways and one after: a baseline taken in a slow moment
 * of a shared machine would flatter every ratio.
 */
export function best(first: Base, second: Base): Base {
  const faster = (a: Load, b: Load) => (a.rps >= b.rps ? a : b);
  const leaner = (a: Load, b: Load) => ((a.cpuUs ?? Infinity) <= (b.cpuUs ?? Infinity) ? a : b);
  const steadier = (a: Load, b: Load) => (a.p99 <= b.p99 ? a : b);
  return {
    bare: faster(first.bare, second.bare),
    reference: {
      max: {
        ...faster(first.reference.max, second.reference.max),
        cpuUs: leaner(first.reference.max, second.reference.max).cpuUs,
      },
      paced: steadier(first.reference.paced, second.reference.paced),
    },
  };
}
