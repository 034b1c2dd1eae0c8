// Fails when a module depends on itself through others. A module is a folder under src/modules or a top folder of
// src/ (and migrations/); dependency-cruiser collapses files to those folders (.dependency-cruiser.cjs), this finds
// the strongly connected components of the graph it draws (its own `circular` rule looks at files, not folders).
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');
const { output } = await cruise(['src', 'migrations'], { ...config.options, outputType: 'json' });
const edges = new Map();
for (const { source, dependencies } of JSON.parse(output).modules) {
  for (const { resolved } of dependencies) {
    if (resolved === source || resolved.startsWith('node_modules') || !/^(src|migrations)/.test(resolved)) continue;
    edges.set(source, (edges.get(source) ?? new Set()).add(resolved));
  }
}

/** Tarjan's strongly connected components: every component with two or more modules is a cycle. */
function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const found = [];
  const visit = (node) => {
    index.set(node, index.size);
    low.set(node, index.get(node));
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) (visit(next), low.set(node, Math.min(low.get(node), low.get(next))));
      else if (stack.includes(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = stack.splice(stack.indexOf(node));
    if (component.length > 1) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const found = cycles(edges);
for (const component of found) {
  const members = new Set(component);
  const inside = component.flatMap((from) =>
    [...(edges.get(from) ?? [])].filter((to) => members.has(to)).map((to) => `${from} → ${to}`),
  );
  process.stderr.write(`module cycle: ${component.join(', ')}\n  ${inside.join('\n  ')}\n`);
}
process.stdout.write(found.length === 0 ? `no module cycles (${edges.size} modules)\n` : '');
process.exit(found.length === 0 ? 0 : 1);
