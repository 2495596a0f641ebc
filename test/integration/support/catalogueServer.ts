/**
 * Runs the reference catalogue server (scripts/lib/catalogue-server.mjs, an ES module jest cannot
 * load) in a child Node process on 127.0.0.1 and a free port, and drives it over IPC: inject
 * faults, read the request log, stop it. The child exits when its stdin closes, so it goes away
 * with the test process even if that one crashes.
 */
import { firstMessage, ipcAsker } from '../../harness/ipcChild'
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EXIT_WITH_PARENT, stopChildProcess } from '../../harness/stopChildProcess'

export const ROOT = path.resolve(__dirname, '../../..')

export interface CatalogueServerOptions {
  dir: string
  pageSize?: number
  latencyMs?: number
  mounts?: Record<string, string>
  /** Serve the embedded catalogue grown to this many titles (scripts/lib/large-catalogue.mjs). */
  largeCount?: number
  /** With largeCount: give it a rail layout, as an operator's catalogue has (default: flat list). */
  largeRails?: boolean
}

export type FaultMode = 'none' | 'error' | 'busy' | 'hang' | 'garbage'

export interface CatalogueServerProcess {
  url: string
  port: number
  child: ChildProcess
  setFault(mode: FaultMode, count?: number): Promise<void>
  requests(): Promise<{ method: string; path: string; status: number }[]>
  stop(): Promise<void>
}

const moduleUrl = (file: string) => pathToFileURL(path.join(ROOT, file)).href

const CHILD_CODE = `
  import { readFile } from 'node:fs/promises'
  import { startCatalogueServer } from ${JSON.stringify(moduleUrl('scripts/lib/catalogue-server.mjs'))}
  const options = JSON.parse(process.argv[1])
  let catalogue
  if (options.largeCount) {
    const { generateLargeCatalogue } = await import(${JSON.stringify(moduleUrl('scripts/lib/large-catalogue.mjs'))})
    const baseCatalogue = JSON.parse(await readFile(${JSON.stringify(path.join(ROOT, 'static/catalogue/titles.json'))}, 'utf8'))
    catalogue = generateLargeCatalogue({ count: options.largeCount, baseCatalogue, rails: Boolean(options.largeRails) })
  }
  const server = await startCatalogueServer({ ...options, ...(catalogue ? { catalogue } : {}), port: 0, host: '127.0.0.1' })
  process.on('message', (message) => {
    if (message.type === 'fault') server.setFault(message.fault)
    process.send({ id: message.id, requests: message.type === 'requests' ? server.requests : undefined })
  })
  process.send({ ready: true, url: server.url, port: server.port })
  ${EXIT_WITH_PARENT}
`

export async function startCatalogueServerProcess(
  options: CatalogueServerOptions,
  timeoutMs = 20_000,
): Promise<CatalogueServerProcess> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_CODE, JSON.stringify(options)],
    { stdio: ['pipe', 'inherit', 'inherit', 'ipc'] },
  )
  const ask = ipcAsker(child, (answer) => answer)

  const stop = () => stopChildProcess(child)

  const message = await firstMessage<{ url: string; port: number }>(
    child,
    'catalogue server',
    timeoutMs,
  )
  return {
    url: message.url,
    port: message.port,
    child,
    setFault: async (mode, count) => {
      await ask({ type: 'fault', fault: { mode, ...(count ? { count } : {}) } })
    },
    requests: async () =>
      (
        await ask<{ requests: { method: string; path: string; status: number }[] }>({
          type: 'requests',
        })
      ).requests,
    stop,
  }
}
