import type { TestApp } from './test-app';

export interface Route {
  method: string;
  path: string;
}

/** Every route the application serves, read from the Express router itself (so a new route is never missed). */
export function listRoutes(t: TestApp): Route[] {
  const express = t.app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  };
  return (
    express.router.stack
      // Nest mounts middleware (request id, metrics) as catch-all `{/*splat}` layers: they pass requests on, serving nothing.
      .filter((layer) => layer.route && !layer.route.path.includes('*'))
      .flatMap((layer) =>
        Object.keys(layer.route!.methods).map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })),
      )
  );
}

/**
 * A concrete URL for a route pattern: ids become a random uuid, a phone number a valid one, a company slug the route
 * suites' first company (`a`).
 */
export function concretePath(path: string): string {
  return path
    .replace(/:e164\b/g, encodeURIComponent('+4915112345678'))
    .replace(/:slug\b/g, 'a')
    .replace(/:[A-Za-z]+Id\b|:id\b/g, '6f1c2b9e-8f53-4c61-9d36-6e3f0a3f1a10')
    .replace(/\{?\*[A-Za-z]+\}?/g, 'index.html');
}
