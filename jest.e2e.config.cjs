// End-to-end tests: the built app served on 127.0.0.1, driven in headless Chromium
// (test/e2e/support). Run through `npm run test:e2e` (scripts/e2e.mjs).

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/test/e2e/**/*.e2e.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60_000,
  slowTestThreshold: 20,
  // Each test with its time in the log: what a slow or flaky CI run spent, test by test.
  verbose: true,
}
