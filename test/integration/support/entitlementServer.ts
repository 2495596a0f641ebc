/**
 * Runs the reference entitlement server (scripts/lib/entitlement-server.mjs, an ES module jest
 * cannot load) in a child Node process on 127.0.0.1 and a free port, driven over IPC: faults,
 * grants, and reading what it holds. The child exits when its stdin closes, so it cannot outlive
 * the test run. Used by the integration tests and the e2e tests alike.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EXIT_WITH_PARENT, stopChildProcess } from '../../harness/stopChildProcess'

const ROOT = path.resolve(__dirname, '../../..')

const CHILD_CODE = `
  import { startEntitlementServer } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/entitlement-server.mjs')).href)}
  const server = await startEntitlementServer({ ...JSON.parse(process.argv[1]), port: 0, host: '127.0.0.1' })
  process.on('message', (message) => {
    let reply
    if (message.type === 'fault') server.setFault(message.fault)
    if (message.type === 'grant') server.grant(message.deviceId, message.grant)
    if (message.type === 'household') reply = server.household(message.deviceId)
    if (message.type === 'requests') reply = server.requests
    process.send({ id: message.id, reply })
  })
  process.send({ ready: true, url: server.url })
  ${EXIT_WITH_PARENT}
`

export interface EntitlementServerProcess {
  url: string
  ask<T>(message: Record<string, unknown>): Promise<T>
  stop(): Promise<void>
}

/** @param catalogueFile titles whose offers the server sells (a titles.json-shaped file). */
export function startEntitlementServerProcess(
  catalogueFile: string,
  timeoutMs = 20_000,
): Promise<EntitlementServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_CODE, JSON.stringify({ catalogueFile })],
    { stdio: ['pipe', 'inherit', 'inherit', 'ipc'] },
  )
  let nextId = 0
  const ask = <T>(message: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = ++nextId
      const onMessage = (answer: { id?: number; reply: T }) => {
        if (answer.id !== id) return
        child.off('message', onMessage)
        resolve(answer.reply)
      }
      child.on('message', onMessage)
      child.send({ ...message, id }, (error) => error && reject(error))
    })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the entitlement server did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    child.once('message', (message: { url: string }) => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({ url: message.url, ask, stop: () => stopChildProcess(child) })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the entitlement server exited (code ${code}) before it was ready`))
    })
  })
}
