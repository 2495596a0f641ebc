#!/usr/bin/env node
// npm run test:e2e: checks the machine (Chromium, ffmpeg) with a clear message, then runs jest with
// jest.e2e.config.cjs, which assets, builds, serves and drives the app (test/e2e/support).
// Extra arguments go to jest, e.g. `npm run test:e2e -- boot` or `-- -t 'deep link'`.
//   E2E_SKIP_BUILD=1   use the existing build/      E2E_FAST_BUILD=1  build with esbuild
//   CHROMIUM_PATH=...  another Chromium             E2E_LATENCY_MS=n  slow every response down

import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

const problems = []
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!existsSync(chromium)) {
  problems.push(
    `Chromium not found at ${chromium}: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH`,
  )
}
const ffmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' })
if (ffmpeg.error || ffmpeg.status !== 0) {
  problems.push('ffmpeg not found: install it (sudo apt-get install ffmpeg)')
}
if (problems.length) {
  console.error('e2e: cannot run the end-to-end tests on this machine:')
  for (const problem of problems) console.error(`  - ${problem}`)
  process.exit(1)
}

const jestBin = path.join(
  path.dirname(require.resolve('jest/package.json', { paths: [root] })),
  'bin/jest.js',
)
const child = spawn(
  process.execPath,
  [jestBin, '--config', path.join(root, 'jest.e2e.config.cjs'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('close', (code, signal) => {
  process.exitCode = signal ? 1 : (code ?? 1)
})
