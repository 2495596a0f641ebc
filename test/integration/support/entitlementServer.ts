/**
 * Runs the reference entitlement server (scripts/lib/entitlement-server.mjs, an ES module jest
 * cannot load) in a child Node process on 127.0.0.1 and a free port, driven over IPC: faults,
 * grants, and reading what it holds. The child exits when its stdin closes, so it cannot outlive
 * the test run. Used by the integration tests and the e2e tests alike.
 */
import { firstMessage, ipcAsker } from '../../harness/ipcChild'
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
export async function startEntitlementServerProcess(
  catalogueFile: string,
  timeoutMs = 20_000,
): Promise<EntitlementServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_CODE, JSON.stringify({ catalogueFile })],
    { stdio: ['pipe', 'inherit', 'inherit', 'ipc'] },
  )
  const ask = ipcAsker(child)
  const message = await firstMessage<{ url: string }>(child, 'entitlement server', timeoutMs)
  return { url: message.url, ask, stop: () => stopChildProcess(child) }
}
