#!/usr/bin/env node
// npm run test:e2e: checks the machine (Chromium, ffmpeg) with a clear message, then runs jest with
// jest.e2e.config.cjs, which assets, builds, serves and drives the app (test/e2e/support).
// Extra arguments go to jest, e.g. `npm run test:e2e -- boot` or `-- -t 'deep link'`.
//   E2E_SKIP_BUILD=1   use the existing build/      E2E_FAST_BUILD=1  build with esbuild
//   CHROMIUM_PATH=...  another Chromium             E2E_LATENCY_MS=n  slow every response down
//   E2E_GROUPS=2       the whole suite as two jest runs side by side (not the default, below)
//
// With E2E_GROUPS=2 the whole suite (no arguments) runs as two jest runs side by side, each with
// its own app server and browser: the films and ads that play in real time, and everything else.
// Most of a playback test is waiting for the video's own clock, so on two cores the pair took
// 1237 s against about 1770 s. Not the default yet: with the other group beside it, three player
// tests that seek to the last seconds of an HLS film timed out waiting for its end, in two runs
// out of three (one of them on a clean clone). Those three passed beside a second browser in
// session 43 (guide, navigation and visual files in the other group, four sought-to-the-end runs
// with presses 300-1100 ms apart, and the whole player file), so the cause is still unknown: a
// route that is not reached now prints the player's snapshot. Until then CI runs the suite as one.

import { spawn, spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createInterface } from 'node:readline'
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
const config = path.join(root, 'jest.e2e.config.cjs')
const args = process.argv.slice(2)

/** The real-time group: its files together take about as long as all the others. */
const REAL_TIME = [
  'test/e2e/player.e2e.ts',
  'test/e2e/ads.e2e.ts',
  'test/e2e/player-mp4.e2e.ts',
  'test/e2e/player-drm.e2e.ts',
]
const GROUPS = [
  { name: 'a', jest: REAL_TIME },
  {
    name: 'b',
    jest: [
      '--testPathIgnorePatterns',
      '/node_modules/',
      ...REAL_TIME.map((file) => `/${path.basename(file).replaceAll('.', '\\.')}$`),
    ],
  },
]

const children = new Set()
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal)
  })
}

function run(command, commandArgs, { env = process.env, prefix } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: root,
      env,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    children.add(child)
    if (prefix) {
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ])
        createInterface({ input: from }).on('line', (line) => to.write(`${prefix}${line}\n`))
    }
    child.on('close', (code, signal) => {
      children.delete(child)
      resolve(signal ? 1 : (code ?? 1))
    })
  })
}

async function grouped() {
  const started = Date.now()
  const step = async (what, script, scriptArgs) => {
    const at = Date.now()
    const code = await run(process.execPath, [path.join(root, script), ...scriptArgs])
    if (code !== 0) throw new Error(`e2e: ${what} failed (exit code ${code})`)
    console.log(`e2e: ${what} done in ${((Date.now() - at) / 1000).toFixed(1)}s`)
  }
  rmSync(path.join(root, 'test-output/screenshots'), { recursive: true, force: true })
  await step('assets', 'scripts/assets.mjs', [])
  const env = { ...process.env, E2E_SKIP_BUILD: '1' }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const fast = process.env.E2E_FAST_BUILD === '1'
    await step(`build (${fast ? 'esbuild' : 'rollup'})`, 'scripts/build.mjs', [
      '--quiet',
      ...(fast ? ['--fast'] : []),
    ])
    // The operator packages too (dist.e2e.ts): built inside a group, their two bundlers would
    // take both cores for minutes from the other group's films.
    await step('operator packages (dist)', 'scripts/dist.mjs', ['--quiet'])
    env.E2E_SKIP_DIST_BUILD = '1'
  }
  const codes = await Promise.all(
    GROUPS.map((group) =>
      run(process.execPath, [jestBin, '--config', config, ...group.jest], {
        env: { ...env, BELGICA_E2E_GROUP: group.name },
        prefix: `[${group.name}] `,
      }),
    ),
  )
  const failed = GROUPS.filter((_, i) => codes[i] !== 0).map((group) => group.name)
  console.log(
    `e2e: groups ${GROUPS.map((g) => g.name).join(' and ')} ${failed.length ? `failed: ${failed.join(', ')}` : 'passed'} in ${((Date.now() - started) / 1000).toFixed(0)}s`,
  )
  return failed.length ? 1 : 0
}

const whole = args.length === 0 && process.env.E2E_GROUPS === '2'
;(whole ? grouped() : run(process.execPath, [jestBin, '--config', config, ...args])).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    console.error(error.message)
    process.exitCode = 1
  },
)
