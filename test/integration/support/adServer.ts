/**
 * Runs the reference ad server (scripts/lib/ad-server.mjs, an ES module jest cannot load) in a
 * child Node process on 127.0.0.1 and a free port. Everything else goes over HTTP (GET /beacons,
 * DELETE /beacons). The child exits when its stdin closes, so it cannot outlive the test run.
 * Used by the integration tests and the e2e tests alike.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EXIT_WITH_PARENT, stopChildProcess } from '../../harness/stopChildProcess'

const ROOT = path.resolve(__dirname, '../../..')

const CHILD_CODE = `
  import { startAdServer } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/ad-server.mjs')).href)}
  const server = await startAdServer({ ...JSON.parse(process.argv[1]), port: 0, host: '127.0.0.1' })
  process.send({ ready: true, url: server.url })
  ${EXIT_WITH_PARENT}
`

export interface Beacon {
  event: string
  ad: string | null
  query: Record<string, string>
  method: string
  at: number
}

export interface AdServerProcess {
  url: string
  beacons(): Promise<Beacon[]>
  clearBeacons(): Promise<void>
  stop(): Promise<void>
}

/** @param creativesDir the folder of the sample creatives (media/ads). */
export function startAdServerProcess(
  creativesDir: string,
  timeoutMs = 20_000,
): Promise<AdServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_CODE, JSON.stringify({ creativesDir })],
    { stdio: ['pipe', 'inherit', 'inherit', 'ipc'] },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the ad server did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      const url = message.url
      resolve({
        url,
        beacons: async () => (await (await fetch(`${url}beacons`)).json()) as Beacon[],
        clearBeacons: async () => {
          await fetch(`${url}beacons`, { method: 'DELETE' })
        },
        stop: () => stopChildProcess(child),
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the ad server exited (code ${code}) before it was ready`))
    })
  })
}
