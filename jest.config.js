/** Unit specs live beside the code; e2e specs under test/ run the real AppModule in process. */
/**
 * SWC compiles the TypeScript (with Nest's decorator metadata), ten times faster than ts-jest's transpiler: it matters
 * on a fresh clone, where every file is compiled once. Types are checked by `npm run lint` (tsc) and by the build.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const transform = { '^.+\\.ts$': ['@swc/jest', swc] };
// Each test process installs what the gateway's entry points install at start (test/setup.ts).
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: '.',
  setupFiles: ['<rootDir>/test/setup.ts'],
};

/**
 * `npm run coverage`: the unit specs alone must cover 85 % of the branches of the booking and claims code (the e2e
 * suites add more on top); the tool use cases are reported beside them.
 */
const booking = [
  'src/modules/appointments/booking.service.ts',
  'src/modules/appointments/booking-runner.service.ts',
  'src/modules/appointments/appointment-claims.service.ts',
];

module.exports = {
  testTimeout: 30000,
  // Both cores: Jest's default leaves one idle on a 2-core machine. Suites are isolated (a database each).
  maxWorkers: 2,
  collectCoverageFrom: [...booking, 'src/modules/agent-tools/use-cases/*.ts', '!**/*.spec.ts'],
  coverageReporters: ['text'],
  coverageThreshold: Object.fromEntries(booking.map((path) => [path, { branches: 85 }])),
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
