// Unit tests: jsdom with a WebGL/canvas mock, so real Lightning components mount and take keys.
// ts-jest runs in transpile-only mode (isolatedModules in tsconfig): `npm run typecheck` is the
// type check, this stays fast.

/** ESM-only packages that must go through ts-jest (allowJs) instead of being left untransformed. */
const esmPackages = [
  '@lightningjs/sdk',
  '@lightningjs/core',
  '@metrological/sdk',
  '@michieljs/execute-as-promise',
  'localcookies',
]

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { pretendToBeVisual: true },
  // `__mocks__` sits next to node_modules so it mocks npm packages (shaka-player); jest only finds
  // it when it is one of the roots.
  roots: ['<rootDir>/test', '<rootDir>/__mocks__'],
  testMatch: ['**/test/unit/**/*.test.ts'],
  setupFiles: ['jest-webgl-canvas-mock', '<rootDir>/test/setup/dom-shims.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.(ts|js)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  // Jest's default leaves one core idle, which on a two-core machine runs the suite on one.
  maxWorkers: '100%',
  clearMocks: true,
  restoreMocks: true,
}
