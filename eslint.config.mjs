// Flat config: @eslint/js recommended everywhere; typescript-eslint's type-aware recommended set for
// the app and its tests; Node globals for scripts, bench and config files, plus browser globals in
// the files that hand functions to a browser page (page.evaluate).
//
// Globals are listed here rather than taken from the `globals` package, which is not a dependency.

import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']))

const shared = [
  'AbortController',
  'AbortSignal',
  'Blob',
  'console',
  'crypto',
  'DOMException',
  'Event',
  'EventTarget',
  'fetch',
  'FormData',
  'globalThis',
  'Headers',
  'performance',
  'queueMicrotask',
  'Request',
  'Response',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'structuredClone',
  'TextDecoder',
  'TextEncoder',
  'URL',
  'URLSearchParams',
  'WebAssembly',
]

const nodeGlobals = readonly([
  ...shared,
  'Buffer',
  'process',
  'setImmediate',
  'clearImmediate',
  // CommonJS files (jest configs)
  'module',
  'require',
  '__dirname',
  '__filename',
  'exports',
])

const browserGlobals = readonly([
  ...shared,
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'getComputedStyle',
  'HTMLElement',
  'HTMLCanvasElement',
  'HTMLMediaElement',
  'HTMLVideoElement',
  'Image',
  'KeyboardEvent',
  'MediaSource',
  'MutationObserver',
  'PerformanceObserver',
  'XMLHttpRequest',
  // Shaka, loaded into pages by script tag
  'shaka',
])

export default defineConfig([
  globalIgnores([
    'build/',
    'dist/',
    'media/',
    'node_modules/',
    'static/artwork/',
    'coverage/',
    'test-output/',
    'bench/results/',
    'bench/.work/',
    '.tmp/',
    'releases/',
  ]),

  js.configs.recommended,

  {
    name: 'belgica/node',
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2023, globals: nodeGlobals },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  {
    name: 'belgica/page-functions',
    // Functions defined here run inside Chromium through page.evaluate / waitForFunction. A file
    // may still name its page globals in a /* global */ comment.
    files: ['scripts/check-streams.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { ...nodeGlobals, ...browserGlobals } },
    rules: { 'no-redeclare': ['error', { builtinGlobals: false }] },
  },

  {
    name: 'belgica/typescript',
    files: ['src/**/*.ts', 'test/**/*.ts', '__mocks__/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // An `async` function without `await` is how this code meets a Promise-returning contract
      // (SDK Router hooks, backend and platform fakes); forgotten awaits are caught by
      // no-floating-promises and no-misused-promises, which stay on.
      '@typescript-eslint/require-await': 'off',
      // The code writes `list[i]!` as if noUncheckedIndexedAccess were on (it already compiles
      // with it); without that compiler flag this rule calls every such `!` unnecessary.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  {
    name: 'belgica/lightning-boundary',
    // Lightning's loose component typing (TemplateSpecLoose: tag(), children, patch are `any`) and
    // the SDK's untyped plugins (VideoPlayer, Storage, Language, Router) make every use of them
    // "unsafe". These rules stay on in the pure modules (focus, catalogue, config, state, i18n,
    // platform), where an `any` is a real hole.
    files: [
      'src/index.ts',
      'src/app/**/*.ts',
      'src/components/**/*.ts',
      'src/screens/**/*.ts',
      'src/player/**/*.ts',
      'test/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
])
