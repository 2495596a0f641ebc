/**
 * A W3C EME ClearKey licence server for the tests (Node standard library only), so the app's
 * licence path (Shaka's drm.servers plus the operator's headers) runs for real in a browser that
 * has no Widevine or PlayReady.
 *
 *   const licences = await startClearKeyLicenceServer({ keys: { [kidHex]: keyHex },
 *     header: { name: 'X-Operator-Token', value: 'secret' } })
 *   licences.url                 // http://127.0.0.1:<free port>/licence
 *   licences.mode = 'refuse'     // 'grant' (default), 'refuse' (403), 'fail' (500), 'hang'
 *   await licences.stop()        // closes the port (requests are refused), hung ones included
 *   await licences.start()       // listens again on the same port
 *   licences.requests            // every licence POST: headers, key ids asked, status answered
 *
 * It listens on 127.0.0.1 only, never keeps the test process alive (unref) and closes by itself
 * after `lifetimeMs`. A request without the operator header gets 403, whatever the mode. CORS
 * allows any origin: the app is served from another port.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type LicenceMode = 'grant' | 'refuse' | 'fail' | 'hang'

export interface LicenceRequestRecord {
  headers: IncomingHttpHeaders
  /** Key ids asked for, in hex. */
  kids: string[]
  /** 0 while a hung request has no answer. */
  status: number
}

export interface ClearKeyLicenceServerOptions {
  /** Keys the server grants: kid -> key, 32 hex digits each. */
  keys: Record<string, string>
  /** The header the operator's settings add to licence requests; without it the answer is 403. */
  header?: { name: string; value: string }
  /** Closes by itself after this long (default 10 minutes). */
  lifetimeMs?: number
}

export interface ClearKeyLicenceServer {
  readonly url: string
  readonly port: number
  mode: LicenceMode
  /** Mutable: delete a kid to imitate a licence server that has no key for the content. */
  readonly keys: Map<string, string>
  readonly requests: LicenceRequestRecord[]
  start(): Promise<void>
  stop(): Promise<void>
}

const hexToBase64Url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url')
const base64UrlToHex = (text: string) => Buffer.from(text, 'base64url').toString('hex')
const MAX_BODY = 64 * 1024

function cors(res: ServerResponse, requestedHeaders?: string): void {
  res.setHeader('Access-Control-Allow-Origin', '*')
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS')
  if (requestedHeaders) res.setHeader('Access-Control-Allow-Headers', requestedHeaders)
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** The key ids of a ClearKey licence request ({ kids: [base64url...], type }), or null. */
function requestedKids(body: string): string[] | null {
  try {
    const parsed = JSON.parse(body) as { kids?: unknown }
    if (!Array.isArray(parsed.kids) || !parsed.kids.every((k) => typeof k === 'string')) return null
    return (parsed.kids as string[]).map(base64UrlToHex)
  } catch {
    return null
  }
}

export async function startClearKeyLicenceServer(
  options: ClearKeyLicenceServerOptions,
): Promise<ClearKeyLicenceServer> {
  const keys = new Map(Object.entries(options.keys).map(([k, v]) => [k.toLowerCase(), v]))
  const requests: LicenceRequestRecord[] = []
  const header = options.header

  const server = createServer((req, res) => {
    cors(res, req.headers['access-control-request-headers'])
    if (req.method === 'OPTIONS') return res.writeHead(204).end()
    if (req.method !== 'POST' || !req.url?.startsWith('/licence'))
      return answer(res, 404, { error: 'not found' })
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) req.destroy()
      else chunks.push(chunk)
    })
    req.on('end', () => {
      const kids = requestedKids(Buffer.concat(chunks).toString('utf8'))
      const record: LicenceRequestRecord = { headers: req.headers, kids: kids ?? [], status: 0 }
      requests.push(record)
      const reply = (status: number, body: unknown) => {
        record.status = status
        answer(res, status, body)
      }
      if (header && req.headers[header.name.toLowerCase()] !== header.value)
        return reply(403, { error: `missing or wrong ${header.name}` })
      if (licences.mode === 'hang') return
      if (licences.mode === 'refuse') return reply(403, { error: 'not entitled' })
      if (licences.mode === 'fail') return reply(500, { error: 'licence server failure' })
      if (!kids) return reply(400, { error: 'expected { kids: [...], type }' })
      const granted = kids.flatMap((kid) => {
        const key = keys.get(kid)
        return key ? [{ kty: 'oct', kid: hexToBase64Url(kid), k: hexToBase64Url(key) }] : []
      })
      reply(200, { keys: granted, type: 'temporary' })
    })
  })
  server.unref()

  let port = 0
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        port = (server.address() as AddressInfo).port
        resolve()
      })
    })
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      // Hung and keep-alive connections would hold close() open.
      server.closeAllConnections()
    })

  await listen()
  const lifetime = setTimeout(() => void close(), options.lifetimeMs ?? 10 * 60_000)
  lifetime.unref()

  const licences: ClearKeyLicenceServer = {
    url: `http://127.0.0.1:${port}/licence`,
    port,
    mode: 'grant',
    keys,
    requests,
    start: () => (server.listening ? Promise.resolve() : listen()),
    stop: close,
  }
  return licences
}
