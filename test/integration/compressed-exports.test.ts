/**
 * Exports published as .gz files (an XMLTV guide.xml.gz, a feed.json.gz) on a real HTTP server
 * that, as static hosts do, sends them as application/gzip without Content-Encoding: the catalogue
 * HTTP layer unpacks them with the engine's DecompressionStream (here Node's, as Chromium's).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { CatalogueErrorCode } from '../../src/catalogue/errors'
import { DEFAULT_POLICY, fetchJson, fetchText } from '../../src/catalogue/http'

const guide =
  '<?xml version="1.0" encoding="UTF-8"?>\n<tv><channel id="één.be"><display-name>Eén</display-name></channel></tv>\n'
const feed = { providerName: 'Vlaamse Omroep', movies: [{ id: 'ré-1', title: 'Café' }] }

const files: Record<string, { body: Buffer; headers: Record<string, string> }> = {
  '/guide.xml.gz': { body: gzipSync(guide), headers: { 'Content-Type': 'application/gzip' } },
  '/feed.json.gz': {
    body: gzipSync(JSON.stringify(feed)),
    headers: { 'Content-Type': 'application/octet-stream' },
  },
  '/damaged.xml.gz': {
    body: gzipSync(guide).subarray(0, 30),
    headers: { 'Content-Type': 'application/gzip' },
  },
  // Compressed in transit: the engine unpacks it, and the app must not try again.
  '/encoded.xml': {
    body: gzipSync(guide),
    headers: { 'Content-Type': 'application/xml', 'Content-Encoding': 'gzip' },
  },
}

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((request, response) => {
    const file = files[request.url ?? '']
    if (!file) return void response.writeHead(404).end()
    response.writeHead(200, { ...file.headers, 'Content-Length': file.body.length }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const options = (accept: string) => ({
  signal: new AbortController().signal,
  backend: 'xmltv',
  policy: { ...DEFAULT_POLICY, timeoutMs: 5000, retries: 1 },
  accept,
})

it('reads an XMLTV guide.xml.gz served as application/gzip', async () => {
  const result = await fetchText(fetch, `${base}/guide.xml.gz`, options('application/xml'))
  expect(result).toMatchObject({ status: 'ok', body: guide })
})

it('reads a feed.json.gz served as a plain file', async () => {
  const result = await fetchJson(fetch, `${base}/feed.json.gz`, {
    ...options('application/json'),
    backend: 'directpublisher',
  })
  expect(result).toMatchObject({ status: 'ok', body: feed })
})

it('reads a document compressed in transit (Content-Encoding) once, as the engine gives it', async () => {
  const result = await fetchText(fetch, `${base}/encoded.xml`, options('application/xml'))
  expect(result).toMatchObject({ status: 'ok', body: guide })
})

it('says a truncated .gz is damaged, without asking again', async () => {
  const problem = await fetchText(
    fetch,
    `${base}/damaged.xml.gz`,
    options('application/xml'),
  ).catch((error: { problem?: unknown }) => error.problem)
  expect(problem).toMatchObject({
    code: CatalogueErrorCode.NOT_XML,
    category: 'format',
    message: `${base}/damaged.xml.gz is a damaged gzip file (.gz): it could not be unpacked`,
  })
})
