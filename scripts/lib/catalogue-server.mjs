// Reference server for the catalogue HTTP contract (docs/catalogue-api/README.md), Node standard
// library only, for local work and for the tests. It serves one catalogue folder:
//
//   <folder>/catalogue.json   { "version": 1, "titles": [...], "rails"?: [{ "id", "name", "itemIds" }],
//                               "live"?: [{ "id", "number", "name", "stream" }],
//                               "guide"?: [{ "channel", "start", "end", "title", ... }] }
//   <folder>/<anything else>  served as a file (a Direct Publisher feed.json, artwork, ...)
//
// as the contract's endpoints:
//
//   GET /home                      first page of each rail (or of the titles when there are no rails)
//   GET /rails/<id>?cursor=<c>     further pages of a rail
//   GET /titles?cursor=<c>         further pages of the title list
//   GET /titles/<id>               one title, as it is in catalogue.json
//   GET /live                      the live channels of catalogue.json's "live" (404 without)
//   GET /guide?from=&to=&channels= the programmes of catalogue.json's "guide" on those channels that
//                                  meet [from, to) (ISO times; 400 when missing; 404 without guide)
//   GET /search?q=<text>&limit=<n> titles matching the text, best first (a simple ranking of its
//                                  own: accents and case ignored, titles, people, brand, genres)
//
//   const server = await startCatalogueServer({ dir: 'my-catalogue', pageSize: 50 })
//   server.url            // http://127.0.0.1:<port>/   (what appSettings.catalogue.url takes)
//   server.setFault({ mode: 'error', count: 2 })       // next 2 requests answer 500
//   server.setFault({ mode: 'hang' })                  // requests never answer (until cleared)
//   server.setFault({ mode: 'busy' })                  // 503 with Retry-After: 120
//   server.requests       // [{ method, path, status }] in order, for tests
//   await server.close()
//
// - Items are sent exactly as they are in catalogue.json: malformed ones included, so the app's
//   validation can be seen at work. catalogue.json is read again when its mtime changes.
// - Revalidation: every JSON answer has a strong ETag (a hash of the catalogue file and the
//   request) and Last-Modified (the file's mtime); If-None-Match / If-Modified-Since give 304.
// - CORS is open (the app is served from another origin in development and tests).
// - Images may be cached for a day (Cache-Control), everything else is revalidated.
// - `mounts` maps URL prefixes to more folders, e.g. { '/static/': 'static', '/media/': 'media' }.
// - Listens on 127.0.0.1 only (the default host) and on a free port unless one is given.

import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { acceptsGzip, closeOnce, listenOn, MIME_TYPES, sendFile } from './server.mjs'

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif'])

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Accept, If-None-Match, If-Modified-Since, Authorization',
  'Access-Control-Expose-Headers': 'ETag, Last-Modified, Retry-After',
  'Access-Control-Max-Age': '600',
  // Lets the benchmark read the request's timing from another origin, to tell the time spent
  // waiting for this server from the app's own.
  'Timing-Allow-Origin': '*',
}

/**
 * @param {{ dir: string, port?: number, host?: string, pageSize?: number, latencyMs?: number,
 *   mounts?: Record<string, string>, catalogue?: object }} options `catalogue` replaces the
 *   folder's catalogue.json (e.g. a generated one).
 */
export async function startCatalogueServer({
  dir,
  port = 0,
  host = '127.0.0.1',
  pageSize = 50,
  latencyMs = 0,
  mounts = {},
  catalogue: given,
}) {
  if (!dir) throw new Error('startCatalogueServer: dir is required')
  const root = path.resolve(dir)
  const mountRoots = Object.entries(mounts).map(([prefix, folder]) => [
    prefix,
    path.resolve(folder),
  ])
  let fault = { mode: 'none', count: Infinity }
  const requests = []
  const hanging = new Set()
  let cached = null

  async function loadCatalogue() {
    if (given) {
      cached ??= index(given, 'given', new Date())
      return cached
    }
    const file = path.join(root, 'catalogue.json')
    const info = await stat(file).catch(() => null)
    if (!info) return null
    const key = `${info.size}:${info.mtimeMs}`
    if (cached?.key !== key) {
      const text = await readFile(file, 'utf8')
      let document
      try {
        document = JSON.parse(text)
      } catch {
        document = { invalid: text }
      }
      cached = { ...index(document, text, info.mtime), key }
    }
    return cached
  }

  function takeFault() {
    if (fault.mode === 'none') return 'none'
    const mode = fault.mode
    fault.count -= 1
    if (fault.count <= 0) fault = { mode: 'none', count: Infinity }
    return mode
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const entry = { method: req.method, path: url.pathname + url.search, status: 0 }
    requests.push(entry)
    // Logged as the head is written, not on 'finish': a client can have the whole answer before
    // the server's 'finish' event runs, and a test reading the log then saw status 0. Node writes
    // every head through writeHead, an implicit one included.
    const writeHead = res.writeHead
    res.writeHead = function logged(status, ...rest) {
      entry.status = status
      return writeHead.call(this, status, ...rest)
    }
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value)
    if (req.method === 'OPTIONS') {
      res.statusCode = 204
      return res.end()
    }
    const respond = () =>
      handle(req, res, url).catch((error) => {
        if (!res.headersSent) sendJson(req, res, 500, { error: String(error) })
        else res.destroy(error)
      })
    if (latencyMs > 0) setTimeout(respond, latencyMs)
    else respond()
  })

  async function handle(req, res, url) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD, OPTIONS')
      return sendJson(req, res, 405, { error: 'method not allowed' })
    }
    const mode = takeFault()
    if (mode === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if (mode === 'error') return sendJson(req, res, 500, { error: 'fault injected' })
    if (mode === 'busy') {
      res.setHeader('Retry-After', '120')
      return sendJson(req, res, 503, { error: 'busy, fault injected' })
    }
    if (mode === 'garbage') {
      res.statusCode = 200
      res.setHeader('Content-Type', 'text/html')
      return res.end('<!doctype html><title>Gateway</title>')
    }

    const pathname = decodeURIComponent(url.pathname)
    const api = await apiAnswer(pathname, url.searchParams)
    if (api) {
      const { status, body, revision, modified } = api
      const text = JSON.stringify(body)
      const etag = `"${createHash('sha1')
        .update(revision)
        .update(pathname + url.search)
        .digest('hex')
        .slice(0, 20)}"`
      res.setHeader('Cache-Control', 'no-cache')
      if (status === 200) {
        res.setHeader('ETag', etag)
        res.setHeader('Last-Modified', modified.toUTCString())
        if (isFresh(req, etag, modified)) {
          res.statusCode = 304
          return res.end()
        }
      }
      return sendText(req, res, status, text, 'application/json; charset=utf-8')
    }
    return sendStatic(req, res, pathname)
  }

  async function apiAnswer(pathname, params) {
    const isApi =
      pathname === '/home' ||
      pathname === '/live' ||
      pathname === '/guide' ||
      pathname === '/search' ||
      pathname.startsWith('/rails/') ||
      pathname.startsWith('/titles')
    if (!isApi) return null
    const data = await loadCatalogue()
    if (!data)
      return {
        status: 404,
        body: { error: 'no catalogue.json in this folder' },
        revision: '',
        modified: new Date(),
      }
    const base = { revision: data.revision, modified: data.modified }
    if (data.invalid) return { ...base, status: 200, body: data.invalid }
    const cursor = Math.max(0, Number.parseInt(params.get('cursor') ?? '0', 10) || 0)
    const pageOf = (items) => ({
      items: items.slice(cursor, cursor + pageSize),
      next: cursor + pageSize < items.length ? String(cursor + pageSize) : null,
    })
    if (pathname === '/home') {
      if (!data.rails)
        return { ...base, status: 200, body: { version: 1, titles: pageOf(data.titles) } }
      return {
        ...base,
        status: 200,
        body: {
          version: 1,
          rails: data.rails.map((rail) => ({
            id: rail.id,
            name: rail.name,
            ...pageOf(rail.items),
          })),
        },
      }
    }
    if (pathname === '/titles') return { ...base, status: 200, body: pageOf(data.titles) }
    if (pathname === '/search') {
      const query = params.get('q') ?? ''
      const limit = Math.min(
        200,
        Math.max(1, Number.parseInt(params.get('limit') ?? '50', 10) || 50),
      )
      data.searchable ??= searchableTitles(data.titles, await genreWords())
      return {
        ...base,
        status: 200,
        body: { items: searchTitles(data.searchable, query, limit), next: null },
      }
    }
    if (pathname === '/live') {
      if (!data.live) return { ...base, status: 404, body: { error: 'no live channels' } }
      return { ...base, status: 200, body: { version: 1, channels: data.live } }
    }
    if (pathname === '/guide') return guideAnswer(data, params, base)
    const railMatch = /^\/rails\/([^/]+)$/.exec(pathname)
    if (railMatch) {
      const railId = decodedSegment(railMatch[1])
      const rail = data.rails?.find((r) => r.id === railId)
      if (!rail) return { ...base, status: 404, body: { error: `no rail ${railMatch[1]}` } }
      return { ...base, status: 200, body: pageOf(rail.items) }
    }
    const titleMatch = /^\/titles\/([^/]+)$/.exec(pathname)
    const title = titleMatch && data.byId.get(titleMatch[1])
    if (!title)
      return { ...base, status: 404, body: { error: `no title ${titleMatch?.[1] ?? ''}` } }
    return { ...base, status: 200, body: title }
  }

  async function sendStatic(req, res, pathname) {
    let base = root
    let relative = pathname
    for (const [prefix, folder] of mountRoots) {
      if (pathname.startsWith(prefix)) {
        base = folder
        relative = pathname.slice(prefix.length - 1)
        break
      }
    }
    if (pathname.includes('\0')) return sendJson(req, res, 400, { error: 'bad path' })
    const file = path.resolve(base, '.' + path.posix.normalize(relative))
    if (file !== base && !file.startsWith(base + path.sep)) {
      return sendJson(req, res, 403, { error: 'forbidden' })
    }
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return sendJson(req, res, 404, { error: `not found: ${pathname}` })
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
    res.setHeader('ETag', etag)
    res.setHeader('Last-Modified', info.mtime.toUTCString())
    // Artwork may be kept a day, as a CDN would let it: a box that goes offline still has it.
    const isImage = IMAGE_EXTENSIONS.has(path.extname(file).toLowerCase())
    res.setHeader('Cache-Control', isImage ? 'public, max-age=86400' : 'no-cache')
    res.setHeader(
      'Content-Type',
      MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    )
    if (isFresh(req, etag, info.mtime)) {
      res.statusCode = 304
      return res.end()
    }
    res.statusCode = 200
    res.setHeader('Content-Length', info.size)
    await sendFile(req, res, file)
  }

  const actualPort = await listenOn(server, port, host)
  const close = closeOnce(server, hanging)
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    requests,
    /**
     * `mode`: 'none' | 'error' (500) | 'busy' (503, Retry-After 120) | 'hang' | 'garbage' (HTML
     * with 200); `count` requests.
     */
    setFault(next) {
      fault = { mode: next.mode, count: next.count ?? Infinity }
      if (next.mode !== 'hang') for (const res of hanging) res.destroy()
    },
    close,
  }
}

/**
 * The programmes meeting [from, to) on the asked channels, as they are in the file (malformed ones
 * included, for the app's validation to be seen at work). A programme without a readable end is
 * sent when its start is in the window: the app ends it at the next one.
 */
/** A path segment as the app wrote it (rail ids are encoded: "Films%20belges"); as is if malformed. */
function decodedSegment(segment) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function guideAnswer(data, params, base) {
  if (!data.guide) return { ...base, status: 404, body: { error: 'no guide' } }
  const from = Date.parse(params.get('from') ?? '')
  const to = Date.parse(params.get('to') ?? '')
  const channels = (params.get('channels') ?? '').split(',').filter(Boolean)
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from) || !channels.length) {
    return {
      ...base,
      status: 400,
      body: { error: 'from and to (ISO 8601, to after from) and channels are required' },
    }
  }
  const wanted = new Set(channels)
  const programmes = data.guide.filter((p) => {
    if (!p || typeof p !== 'object' || !wanted.has(p.channel)) return false
    const start = Date.parse(p.start)
    const end = Date.parse(p.end ?? '')
    // Unreadable times go out as they are: the app reports them.
    if (!Number.isFinite(start)) return true
    return start < to && (Number.isFinite(end) ? end > from : start >= from)
  })
  return { ...base, status: 200, body: { version: 1, programmes } }
}

/** Builds the rails and the id index of a catalogue document once per version of the file. */
function index(document, revisionSource, modified) {
  const revision = createHash('sha1').update(revisionSource).digest('hex')
  if (!document || typeof document !== 'object' || !Array.isArray(document.titles)) {
    return { invalid: document, revision, modified }
  }
  const titles = document.titles
  const byId = new Map()
  for (const title of titles) {
    if (title && typeof title === 'object' && typeof title.id === 'string' && !byId.has(title.id)) {
      byId.set(title.id, title)
    }
  }
  const rails = Array.isArray(document.rails)
    ? document.rails.map((rail) => ({
        id: rail.id,
        name: rail.name,
        items: (Array.isArray(rail.itemIds) ? rail.itemIds : [])
          .map((id) => byId.get(id))
          .filter(Boolean),
      }))
    : null
  const live = Array.isArray(document.live) ? document.live : null
  const guide = Array.isArray(document.guide) ? document.guide : null
  return { titles, byId, rails, live, guide, revision, modified }
}

function isFresh(req, etag, modified) {
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch)
    return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
  const since = Date.parse(req.headers['if-modified-since'] ?? '')
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since
}

/** Answers below this size go as they are: gzip would save less than its own header costs. */
const GZIP_FROM_BYTES = 1024

function sendText(req, res, status, text, type) {
  res.statusCode = status
  res.setHeader('Content-Type', type)
  res.setHeader('Vary', 'Accept-Encoding')
  let body = Buffer.from(text)
  // A home of many rails is megabytes of JSON: compressed as an operator's CDN would send it.
  if (body.length >= GZIP_FROM_BYTES && acceptsGzip(req)) {
    body = zlib.gzipSync(body, { level: 6 })
    res.setHeader('Content-Encoding', 'gzip')
  }
  res.setHeader('Content-Length', body.length)
  res.end(req.method === 'HEAD' ? undefined : body)
}

function sendJson(req, res, status, body) {
  res.setHeader('Cache-Control', 'no-cache')
  sendText(req, res, status, JSON.stringify(body), 'application/json; charset=utf-8')
}

// Search, for GET /search: the same order the app uses for its own in-memory search (title
// prefix, word of a title, person, brand, genre, then any title containing the text), written
// again here in plain JavaScript so the server needs nothing but Node.

const fold = (text) =>
  String(text ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** ' word word…': a token starts a word where ' ' + token occurs, one native search per field. */
const wordsOf = (folded) => ` ${folded.join(' ')}`

let genreNamesRead = null
/** Genre names in every UI language, from the project's translations when it has them. */
function genreWords() {
  genreNamesRead ??= readFile(new URL('../../static/translations.json', import.meta.url), 'utf8')
    .then((text) => {
      const names = {}
      for (const [language, entries] of Object.entries(JSON.parse(text))) {
        if (language === 'meta') continue
        for (const [key, value] of Object.entries(entries)) {
          const genre = /^genre\.(.+)$/.exec(key)?.[1]
          if (genre) (names[genre] ??= []).push(value)
        }
      }
      return names
    })
    .catch(() => ({}))
  return genreNamesRead
}

function searchableTitles(titles, genreNames) {
  return titles
    .filter((title) => title && typeof title === 'object')
    .map((title, position) => {
      const names = [...Object.values(title.title ?? {}), title.originalTitle]
        .map(fold)
        .filter(Boolean)
      const people = [...(title.cast ?? []), ...(title.crew ?? [])].map((person) =>
        fold(person?.name),
      )
      const brand = fold(title.brand?.name)
      const genres = (title.genres ?? []).flatMap((g) => [g, ...(genreNames[g] ?? [])])
      return {
        title,
        position,
        names,
        fields: [
          ['word', wordsOf(names)],
          ['person', wordsOf(people)],
          ['brand', wordsOf([brand])],
          ['genre', wordsOf([...genres, ...(title.genreLabels ?? [])].map(fold))],
        ],
        haystack: [...names, ...people, brand].join('|'),
      }
    })
}

const STRENGTH = { prefix: 6, word: 5, person: 4, brand: 3, genre: 2, substring: 1 }

function searchTitles(entries, query, limit) {
  const tokens = fold(query).split(' ').filter(Boolean)
  if (tokens.length === 0) return []
  const full = tokens.join(' ')
  const hits = []
  for (const entry of entries) {
    let kind
    if (entry.names.some((name) => name.startsWith(full))) kind = 'prefix'
    else {
      // Each token takes the strongest field it starts a word of; the title takes the weakest.
      let weakest = 'word'
      for (const token of tokens) {
        const field = entry.fields.find(([, words]) => words.includes(` ${token}`))
        if (!field) {
          weakest = null
          break
        }
        if (STRENGTH[field[0]] < STRENGTH[weakest]) weakest = field[0]
      }
      kind = weakest ?? (entry.haystack.includes(full) ? 'substring' : null)
    }
    if (kind) hits.push({ entry, strength: STRENGTH[kind], exact: entry.names.includes(full) })
  }
  hits.sort(
    (a, b) =>
      b.strength - a.strength ||
      Number(b.exact) - Number(a.exact) ||
      a.entry.position - b.entry.position,
  )
  return hits.slice(0, limit).map((hit) => hit.entry.title)
}
