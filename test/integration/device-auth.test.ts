/**
 * @jest-environment node
 */
/**
 * The device token against a real HTTP server on 127.0.0.1: an operator middleware that issues
 * tokens and a catalogue endpoint that accepts only the latest one. Node's fetch, the app's HTTP
 * device-auth plug-in, authorizedFetch and the catalogue's own request code (fetchJson).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fetchJson, policyFrom } from '../../src/catalogue/http'
import { CatalogueError } from '../../src/catalogue/errors'
import { authorizedFetch } from '../../src/device/authorizedFetch'
import { httpDeviceAuth } from '../../src/device/httpAuth'

interface Middleware {
  url: string
  issued: string[]
  /** Tokens the catalogue accepts; empty: the operator does not know this box at all. */
  accepted: Set<string>
  seen: string[]
  close(): Promise<void>
}

async function startMiddleware(): Promise<Middleware> {
  const state = { issued: [] as string[], accepted: new Set<string>(), seen: [] as string[] }
  let knownBox = true
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/device/token') {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk.toString()))
      req.on('end', () => {
        const { deviceId } = JSON.parse(body) as { deviceId: string }
        const token = `${deviceId}-t${state.issued.length + 1}`
        state.issued.push(token)
        // A rotation: only the newest token is valid from now on.
        state.accepted = knownBox ? new Set([token]) : new Set()
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ token, expiresIn: 3600 }))
      })
      return
    }
    if (req.url === '/catalogue.json') {
      const auth = req.headers.authorization ?? ''
      state.seen.push(auth)
      const ok = auth.startsWith('Bearer ') && state.accepted.has(auth.slice(7))
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' })
      res.end(ok ? JSON.stringify({ items: [] }) : JSON.stringify({ error: 'unknown box' }))
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    get issued() {
      return state.issued
    },
    get accepted() {
      return state.accepted
    },
    set accepted(value: Set<string>) {
      state.accepted = value
    },
    get seen() {
      return state.seen
    },
    forgetBox() {
      knownBox = false
      state.accepted = new Set()
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as Middleware & { forgetBox(): void }
}

function appFetch(middleware: Middleware) {
  const auth = httpDeviceAuth({
    settings: {
      auth: 'http',
      url: `${middleware.url}/device/token`,
      timeoutMs: 2000,
      header: 'Authorization',
      support: '0800 12 345',
    },
    deviceId: 'box-0123456789abcdef',
    fetch: (input, init) => fetch(input, init),
    wallClock: () => Date.now(),
    app: { version: 'test', platform: 'browser' },
  })
  return authorizedFetch((input, init) => fetch(input, init), auth, {
    header: 'Authorization',
    support: '0800 12 345',
  })
}

const options = () => ({
  backend: 'http',
  signal: new AbortController().signal,
  policy: { ...policyFrom({ timeoutMs: 2000, retries: 2 }), baseDelayMs: 1, maxDelayMs: 2 },
})

let middleware: Middleware & { forgetBox(): void }
beforeEach(async () => {
  middleware = (await startMiddleware()) as Middleware & { forgetBox(): void }
})
afterEach(() => middleware.close())

test('an old token is refused with 401, refreshed once, and the request then succeeds', async () => {
  const f = appFetch(middleware)
  // First request: gets t1, accepted.
  await fetchJson(f, `${middleware.url}/catalogue.json`, options())
  // The operator rotates tokens: t1 is now old.
  middleware.accepted = new Set(['someone-else'])
  const result = await fetchJson(f, `${middleware.url}/catalogue.json`, options())
  expect(result.status).toBe('ok')
  expect(middleware.issued).toEqual(['box-0123456789abcdef-t1', 'box-0123456789abcdef-t2'])
  expect(middleware.seen).toEqual([
    'Bearer box-0123456789abcdef-t1',
    'Bearer box-0123456789abcdef-t1',
    'Bearer box-0123456789abcdef-t2',
  ])
})

test('a second 401 ends the request as a refused box (status 401), without retrying', async () => {
  const f = appFetch(middleware)
  middleware.forgetBox()
  const failure = await fetchJson(f, `${middleware.url}/catalogue.json`, options()).catch(
    (error: unknown) => error,
  )
  expect(failure).toBeInstanceOf(CatalogueError)
  expect((failure as CatalogueError).problem).toMatchObject({
    status: 401,
    // The household's words come from the dialog that shows it (catalogueErrorHelp), translated then.
    message: `${middleware.url}/catalogue.json answered 401: this box is not recognised`,
  })
  // One token, one refresh, two requests: the catalogue's retries do not ask again.
  expect(middleware.issued).toHaveLength(2)
  expect(middleware.seen).toHaveLength(2)
})
