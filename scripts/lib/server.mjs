// Static file server for the built app and the generated media, Node standard library only.
//
//   const server = await startServer({ buildDir: 'build', mediaDir: 'media' })
//   console.log(server.url) // http://127.0.0.1:<port>/
//   await server.close()
//
// - `buildDir` is served at `/`, `mediaDir` at `/media/`; a directory serves its index.html.
// - GET and HEAD; single byte ranges (206, 416 when unsatisfiable; multi-range gets the whole file).
// - ETag/Last-Modified revalidation (304).
// - Caching: html, json and streaming manifests (.mpd, .m3u8) are `no-cache`; file names with a
//   content hash (`name.3f9a1c2e.js`) are immutable for a year; media segments may be kept an hour;
//   everything else is `no-cache` (revalidated cheaply through the ETag).
// - gzip for text types (js, json, html, css, svg, vtt, mpd, m3u8) when the client accepts it and
//   did not ask for a range; compressed bodies are kept in memory, keyed by path, size and mtime.
// - Paths are decoded, normalised and must stay inside their root (no traversal, no NUL bytes).
// - `latencyMs` delays every response, to imitate a slow network.
// - `/live/<channel>/...` is the live TV simulator (live-sim.mjs) over the loops in `liveDir`
//   (default <mediaDir>/live-sim); `liveNowMs` pins its clock (tests of manifests at a given time).
// - `/ads/...` is the sample ad server (ad-server.mjs: VAST, VMAP, beacons) over the creatives in
//   <mediaDir>/ads, so the embedded catalogue's ad-supported titles show their breaks offline.

import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { createAdHandler } from './ad-server.mjs'
import { liveSimulator } from './live-sim.mjs'

const gzip = promisify(zlib.gzip)

export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mpd': 'application/dash+xml',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/mp4',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.ts': 'video/mp2t',
  '.aac': 'audio/aac',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.xml': 'application/xml',
})

const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.map',
  '.json',
  '.css',
  '.txt',
  '.svg',
  '.vtt',
  '.mpd',
  '.m3u8',
  '.xml',
])
const ALWAYS_FRESH = new Set(['.html', '.json', '.mpd', '.m3u8'])
const SEGMENTS = new Set(['.m4s', '.ts', '.mp4', '.m4v', '.m4a', '.aac'])
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i
const GZIP_MAX_BYTES = 8 * 1024 * 1024

/**
 * @param {{ buildDir: string, mediaDir?: string, port?: number, host?: string, latencyMs?: number,
 *   liveDir?: string, liveNowMs?: number }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({
  buildDir,
  mediaDir,
  port = 0,
  host = '127.0.0.1',
  latencyMs = 0,
  liveDir,
  liveNowMs,
}) {
  if (!buildDir) throw new Error('startServer: buildDir is required')
  const loops = liveDir ?? (mediaDir ? path.join(mediaDir, 'live-sim') : null)
  const live = loops
    ? liveSimulator({
        dir: path.resolve(loops),
        ...(liveNowMs !== undefined ? { clock: () => liveNowMs } : {}),
      })
    : null
  const roots = {
    build: path.resolve(buildDir),
    media: mediaDir ? path.resolve(mediaDir) : null,
  }
  /** @type {Map<string, { key: string, body: Promise<Buffer> }>} */
  const gzipCache = new Map()
  const ads = mediaDir
    ? createAdHandler({
        creativesDir: path.join(path.resolve(mediaDir), 'ads'),
        base: (req) => `http://${req.headers.host ?? `${host}:${port}`}/ads/`,
      })
    : null

  const server = http.createServer((req, res) => {
    const respond = () =>
      handleAny(req, res, roots, gzipCache, live, ads).catch((error) => {
        if (!res.headersSent) sendText(res, 500, 'Internal server error\n')
        else res.destroy(error)
      })
    if (latencyMs > 0) setTimeout(respond, latencyMs)
    else respond()
  })
  server.keepAliveTimeout = 5_000

  await new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off('listening', onListening)
      reject(error)
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(port, host)
  })

  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const urlHost = host.includes(':') ? `[${host}]` : host
  let closing = null

  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    close() {
      closing ??= new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
      return closing
    },
  }
}

async function handleAny(req, res, roots, gzipCache, live, ads) {
  if (ads && req.url?.startsWith('/ads/')) {
    let url
    try {
      url = new URL(req.url, 'http://localhost')
    } catch {
      return sendText(res, 400, 'Bad request: malformed URL\n')
    }
    return ads.handle(req, res, url.pathname.slice('/ads'.length), url.searchParams)
  }
  if (live && (req.method === 'GET' || req.method === 'HEAD') && req.url?.startsWith('/live/')) {
    let url
    try {
      url = new URL(req.url, 'http://localhost')
    } catch {
      return sendText(res, 400, 'Bad request: malformed URL\n')
    }
    if (await live.handle(req, res, url)) return
  }
  return handle(req, res, roots, gzipCache)
}

async function handle(req, res, roots, gzipCache) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return sendText(res, 405, 'Method not allowed\n')
  }

  const target = resolveTarget(req.url ?? '/', roots)
  if (target.error) return sendText(res, target.status, target.error)

  let file = target.file
  let info = await statOrNull(file)
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html')
    info = await statOrNull(file)
  }
  if (!info?.isFile()) return sendText(res, 404, `Not found: ${target.pathname}\n`)

  const ext = path.extname(file).toLowerCase()
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
  res.setHeader('Content-Type', MIME_TYPES[ext] ?? 'application/octet-stream')
  res.setHeader('Cache-Control', cacheControl(file, ext, target.root === 'media'))
  res.setHeader('ETag', etag)
  res.setHeader('Last-Modified', info.mtime.toUTCString())
  res.setHeader('Accept-Ranges', 'bytes')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  if (target.root === 'media') {
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges')
  }
  if (COMPRESSIBLE.has(ext)) res.setHeader('Vary', 'Accept-Encoding')

  if (isFresh(req, etag, info.mtime)) {
    res.statusCode = 304
    return res.end()
  }

  const rangeHeader = req.headers.range
  const ifRange = req.headers['if-range']
  const rangeApplies =
    rangeHeader && (!ifRange || ifRange === etag || ifRange === info.mtime.toUTCString())
  if (rangeApplies) {
    const range = parseRange(rangeHeader, info.size)
    if (range === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${info.size}`)
      return sendText(res, 416, 'Range not satisfiable\n')
    }
    if (range) {
      res.statusCode = 206
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`)
      res.setHeader('Content-Length', range.end - range.start + 1)
      return sendFile(req, res, file, range)
    }
  }

  if (COMPRESSIBLE.has(ext) && info.size <= GZIP_MAX_BYTES && acceptsGzip(req)) {
    const body = await gzipped(gzipCache, file, info)
    res.statusCode = 200
    res.setHeader('Content-Encoding', 'gzip')
    res.setHeader('Content-Length', body.length)
    return res.end(req.method === 'HEAD' ? undefined : body)
  }

  res.statusCode = 200
  res.setHeader('Content-Length', info.size)
  return sendFile(req, res, file, null)
}

/** Maps a request URL to a file under one of the roots, refusing anything that escapes it. */
function resolveTarget(rawUrl, roots) {
  let pathname
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://localhost').pathname)
  } catch {
    return { status: 400, error: 'Bad request: malformed URL\n' }
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { status: 400, error: 'Bad request: invalid path\n' }
  }
  const normalised = path.posix.normalize(pathname)
  let root = 'build'
  let relative = normalised
  if (normalised === '/media' || normalised.startsWith('/media/')) {
    if (!roots.media) return { status: 404, error: `Not found: ${pathname}\n` }
    root = 'media'
    relative = normalised.slice('/media'.length)
  }
  const base = roots[root]
  const file = path.resolve(base, '.' + (relative || '/'))
  if (file !== base && !file.startsWith(base + path.sep)) {
    return { status: 403, error: 'Forbidden\n' }
  }
  return { file, root, pathname }
}

function cacheControl(file, ext, isMedia) {
  if (ALWAYS_FRESH.has(ext)) return 'no-cache'
  if (HASHED_NAME.test(path.basename(file))) return 'public, max-age=31536000, immutable'
  if (isMedia && SEGMENTS.has(ext)) return 'public, max-age=3600'
  return 'no-cache'
}

function isFresh(req, etag, mtime) {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim()
      return t === '*' || t === etag || `W/${t}` === etag
    })
  }
  const ifModifiedSince = req.headers['if-modified-since']
  if (ifModifiedSince) {
    const since = Date.parse(ifModifiedSince)
    return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since
  }
  return false
}

/**
 * Parses a `Range` header for a file of `size` bytes: one range -> { start, end } (inclusive),
 * several or an unknown unit -> null (serve everything), nothing satisfiable -> 'unsatisfiable'.
 */
export function parseRange(header, size) {
  const match = /^bytes=(.+)$/.exec(header.trim())
  if (!match || match[1].includes(',')) return null
  const spec = /^(\d*)-(\d*)$/.exec(match[1].trim())
  if (!spec || (spec[1] === '' && spec[2] === '')) return null
  let start
  let end
  if (spec[1] === '') {
    const suffix = Number(spec[2])
    if (suffix === 0) return 'unsatisfiable'
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(spec[1])
    end = spec[2] === '' ? size - 1 : Math.min(Number(spec[2]), size - 1)
  }
  if (start >= size || start > end) return 'unsatisfiable'
  return { start, end }
}

/** Whether the request accepts a gzip body (Accept-Encoding, q=0 meaning no). */
export function acceptsGzip(req) {
  const header = req.headers['accept-encoding']
  if (typeof header !== 'string') return false
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';')
    if (coding.trim().toLowerCase() !== 'gzip' && coding.trim() !== '*') return false
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean)
    return !q || Number(q[1]) > 0
  })
}

async function gzipped(cache, file, info) {
  const key = `${info.size}:${info.mtimeMs}`
  const cached = cache.get(file)
  if (cached && cached.key === key) return cached.body
  const body = readAll(file).then((raw) => gzip(raw, { level: 6 }))
  cache.set(file, { key, body })
  body.catch(() => cache.delete(file))
  return body
}

function readAll(file) {
  return new Promise((resolve, reject) => {
    const chunks = []
    createReadStream(file)
      .on('data', (chunk) => chunks.push(chunk))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject)
  })
}

/** Streams a file (or a byte range of it) as the response body; resolves when the response ends. */
export function sendFile(req, res, file, range) {
  if (req.method === 'HEAD') {
    res.end()
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    const stream = createReadStream(file, range ?? undefined)
    stream.on('error', (error) => {
      res.destroy(error)
      resolve()
    })
    res.on('close', () => {
      stream.destroy()
      resolve()
    })
    stream.pipe(res)
  })
}

function sendText(res, status, message) {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-cache')
  res.setHeader('Content-Length', Buffer.byteLength(message))
  res.end(message)
}

async function statOrNull(file) {
  try {
    return await stat(file)
  } catch {
    return null
  }
}

/**
 * Listens on `host` (127.0.0.1 in tests) and `port` (0: a free one) and resolves with the port
 * taken; short keep-alive, so a test's close() is not held by idle connections. For the reference
 * servers (catalogue, entitlements).
 */
export async function listenOn(server, port, host) {
  server.keepAliveTimeout = 2_000
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  return typeof address === 'object' && address ? address.port : port
}

/** A close() that ends requests left hanging on purpose (a 'hang' fault) and runs once. */
/** A JSON answer that is never cached: what the reference servers reply to the app's API calls. */
export function sendJson(res, status, body) {
  const text = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

export function closeOnce(server, hanging) {
  let closing = null
  return () => {
    closing ??= new Promise((resolve) => {
      for (const res of hanging) res.destroy()
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }
}
