/**
 * Runs the reference analytics collector (scripts/lib/analytics-collector.mjs, an ES module jest
 * cannot load) in a child Node process on 127.0.0.1 and a free port, driven over IPC: faults and
 * reading what arrived. The child exits when its stdin closes, so it cannot outlive the test run.
 * Used by the integration tests and the e2e tests alike.
 */
import { firstMessage, ipcAsker } from '../../harness/ipcChild'
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Batch } from '../../../src/analytics/schema'
import { EXIT_WITH_PARENT, stopChildProcess } from '../../harness/stopChildProcess'

const ROOT = path.resolve(__dirname, '../../..')

const CHILD_CODE = `
  import { startAnalyticsCollector } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/analytics-collector.mjs')).href)}
  const server = await startAnalyticsCollector({ port: 0, host: '127.0.0.1' })
  process.on('message', (message) => {
    let reply
    if (message.type === 'fault') server.setFault(message.fault)
    if (message.type === 'received') reply = server.received()
    if (message.type === 'requests') reply = server.requests
    if (message.type === 'reset') server.reset()
    process.send({ id: message.id, reply })
  })
  process.send({ ready: true, url: server.url })
  ${EXIT_WITH_PARENT}
`

export interface Received {
  batches: Batch[]
  events: Batch['events']
  duplicates: number
}

export type CollectorFault = { mode: 'error' | 'reject' | 'hang'; count?: number } | null

export interface AnalyticsCollectorProcess {
  url: string
  received(): Promise<Received>
  requests(): Promise<{ method: string; path: string; status: number }[]>
  setFault(fault: CollectorFault): Promise<void>
  reset(): Promise<void>
  stop(): Promise<void>
}

export async function startAnalyticsCollectorProcess(
  timeoutMs = 20_000,
): Promise<AnalyticsCollectorProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', CHILD_CODE], {
    stdio: ['pipe', 'inherit', 'inherit', 'ipc'],
  })
  const ask = ipcAsker(child)
  const message = await firstMessage<{ url: string }>(child, 'analytics collector', timeoutMs)
  return {
    url: message.url,
    received: () => ask<Received>({ type: 'received' }),
    requests: () => ask({ type: 'requests' }),
    setFault: (fault) => ask<void>({ type: 'fault', fault }),
    reset: () => ask<void>({ type: 'reset' }),
    stop: () => stopChildProcess(child),
  }
}
