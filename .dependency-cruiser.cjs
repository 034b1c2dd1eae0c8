/**
 * No cycles between the gateway's modules: each folder under src/modules and each top folder of src/ is one node
 * (`collapse`), and no chain of imports may lead from one back to itself. Specs and test rigs may reach across.
 * `npm run lint` runs it.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycles',
      comment: 'A module (src/modules/<name> or a top folder of src/) must not depend on itself through others',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.(spec|testing)\\.ts$' },
    collapse: '^(src/modules/[^/]+|src/[^/]+|migrations)/',
  },
};
