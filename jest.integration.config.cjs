// Integration tests: the catalogue backends and loader against the real reference server
// (scripts/lib/catalogue-server.mjs) on 127.0.0.1, with Node's own fetch. No browser, no SDK.

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/test/integration/**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  testTimeout: 30_000,
}
