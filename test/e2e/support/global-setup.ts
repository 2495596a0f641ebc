/**
 * Runs once before the e2e test files: checks ffmpeg and Chromium, makes the assets
 * (scripts/assets.mjs), builds the app (scripts/build.mjs; skipped with E2E_SKIP_BUILD=1, or
 * esbuild with E2E_FAST_BUILD=1), and serves build/ and media/ on 127.0.0.1 on a free port.
 *
 * The server (scripts/lib/server.mjs) runs in a child process that exits when this process goes
 * away (its stdin closes), so a crashed run never leaves it behind. Its URL reaches the tests
 * through BELGICA_E2E_URL and test-output/e2e-server.json. E2E_LATENCY_MS delays every response, to imitate a slow network.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  checkFfmpeg,
  chromiumPath,
  GROUP_ENV,
  OUTPUT_DIR,
  ROOT,
  SCREENSHOT_DIR,
  SERVER_INFO_FILE,
  URL_ENV,
} from './environment'
import { startServerProcess, type ServerProcess } from '../../harness/serverProcess'

declare global {
  var __belgicaE2eServer: ServerProcess | undefined
}

function runNode(script: string, args: string[], what: string): void {
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.error) throw result.error
  if (result.status !== 0) {
    throw new Error(
      `e2e setup: ${what} failed (node ${script} ${args.join(' ')}, exit code ${result.status})`,
    )
  }
  console.log(`e2e setup: ${what} done in ${((Date.now() - started) / 1000).toFixed(1)}s`)
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now()
  console.log('')
  checkFfmpeg()
  chromiumPath()

  // In a grouped run (scripts/e2e.mjs) the runner made the assets and the build once, and
  // cleared the screenshots before both groups started.
  const grouped = Boolean(process.env[GROUP_ENV])
  if (!grouped) await rm(SCREENSHOT_DIR, { recursive: true, force: true })
  await mkdir(OUTPUT_DIR, { recursive: true })

  if (!grouped) runNode('scripts/assets.mjs', [], 'assets')

  const buildDir = path.join(ROOT, 'build')
  if (process.env.E2E_SKIP_BUILD === '1') {
    if (!existsSync(path.join(buildDir, 'index.html'))) {
      throw new Error('E2E_SKIP_BUILD=1 but build/ has no app: run `npm run build` first')
    }
    console.log('e2e setup: using the existing build/ (E2E_SKIP_BUILD=1)')
  } else {
    const fast = process.env.E2E_FAST_BUILD === '1'
    runNode(
      'scripts/build.mjs',
      fast ? ['--quiet', '--fast'] : ['--quiet'],
      `build (${fast ? 'esbuild' : 'rollup'})`,
    )
  }

  const latencyMs = Number(process.env.E2E_LATENCY_MS ?? 0) || 0
  const server = await startServerProcess({
    buildDir,
    mediaDir: path.join(ROOT, 'media'),
    latencyMs,
  })
  const url = server.url
  globalThis.__belgicaE2eServer = server
  process.env[URL_ENV] = url
  await writeFile(SERVER_INFO_FILE, JSON.stringify({ url, pid: server.child.pid }, null, 2) + '\n')
  console.log(
    `e2e setup: app served at ${url} (setup ${((Date.now() - started) / 1000).toFixed(1)}s)`,
  )
}
