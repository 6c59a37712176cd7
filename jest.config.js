/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const common = {
  // jest's node environment; it also lets a worker whose loop has emptied skip V8's heap teardown, which
  // outlasted jest's 500 ms exit grace under load (test/kit/worker-exit.js).
  testEnvironment: '<rootDir>/test/kit/environment.js',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '/bench/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@tsp/shared$': '<rootDir>/shared/src/index.ts',
    '^@tsp/gateway$': '<rootDir>/gateway/src/index.ts',
    '^@tsp/scripts/(.*)$': '<rootDir>/scripts/src/$1',
    // Every other @tsp/<name> is the subgraph in subgraphs/<name>.
    '^@tsp/(?!shared$|gateway$|scripts/)([^/]+)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};

/**
 * Two projects: `unit` — the tests beside each package (rules, parsers, pure functions; no database, no
 * servers of ours), runnable alone in seconds with `npm run test:unit`; `platform` — test/, against a real
 * PostgreSQL (started once by the global setup), real HTTP servers and the real gateway.
 */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{shared,gateway,scripts}/test/**/*.test.ts', '<rootDir>/subgraphs/*/test/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'platform',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/kit/global-setup.mjs',
      globalTeardown: '<rootDir>/test/kit/global-teardown.mjs',
    },
  ],
  // A last resort, not a timing target: tests wait on conditions with their own deadlines. Seeding the demo
  // through the public API took over 60 s on a 2-core machine at load 10, and a test killed by the timeout
  // leaves its work running, so the worker cannot exit gracefully.
  testTimeout: 180_000,
  maxWorkers: 2,
  // A worker that has grown past this between test files is replaced, so one heavy file's heap does not
  // carry over to the next (workers reached 1.5 GB).
  workerIdleMemoryLimit: '700MB',
  reporters: ['default', '<rootDir>/test/kit/summary-reporter.js'],
};
