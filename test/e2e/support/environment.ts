/**
 * What the e2e run needs from the machine and where it writes, shared by the global setup (no
 * test framework loaded there) and browser.ts.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../../..')
export const OUTPUT_DIR = path.join(ROOT, 'test-output')
export const SCREENSHOT_DIR = path.join(OUTPUT_DIR, 'screenshots')
/** Set by scripts/e2e.mjs when the suite runs as groups side by side, each with its own server. */
export const GROUP_ENV = 'BELGICA_E2E_GROUP'
/** Written by the global setup; read when the environment variable did not reach a test. */
export const SERVER_INFO_FILE = path.join(
  OUTPUT_DIR,
  process.env[GROUP_ENV] ? `e2e-server-${process.env[GROUP_ENV]}.json` : 'e2e-server.json',
)
export const URL_ENV = 'BELGICA_E2E_URL'
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/** The Chromium to drive: `CHROMIUM_PATH` or /usr/bin/chromium; throws how to get it if absent. */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium not found at ${executable}: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH`,
    )
  }
  return executable
}

/** Throws how to install ffmpeg when it is not on the PATH. */
export function checkFfmpeg(): void {
  const result = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' })
  if (result.error || result.status !== 0) {
    throw new Error('ffmpeg not found: install it (sudo apt-get install ffmpeg)')
  }
}
