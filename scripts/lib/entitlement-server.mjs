// Reference server for the entitlements HTTP contract (docs/entitlements-api/README.md), Node
// standard library only, for local work and for the tests:
//
//   GET  /entitlements                 the household's { passes, rentals }
//   POST /rentals                      { titleId, offerId, price }  + Idempotency-Key -> 201 { rental }
//   POST /rentals/<rentalId>/start     first play: opens the window (idempotent)   -> 200 { rental }
//   POST /subscriptions                { passId }  + Idempotency-Key               -> 201 { pass }
//
//   const server = await startEntitlementServer({ titles })  // [{ id, offers }], e.g. titles.json's
//   server.url                // http://127.0.0.1:<port>/  (what appSettings.entitlements.url takes)
//   server.setFault({ mode: 'decline', count: 1 })     // the next purchase answers 402
//   server.setFault({ mode: 'fail-after-record' })     // purchases are recorded, then answer 500
//   server.setFault({ mode: 'error' | 'hang' })        // any request: 500, or no answer at all
//   server.grant(deviceId, { passes: ['pass-films-series'], rentals: [{ titleId: 'rosetta' }] })
//   server.household(deviceId)  // { passes, rentals, charges } as the server holds them
//   server.requests           // [{ method, path, status, deviceId, idempotencyKey }] in order
//   await server.close()
//
// - Households are keyed by the X-Device-Id header; there are no accounts.
// - Titles and their offers come from `titles`: a rental is refused with 409 price_changed when
//   the price sent is not the title's current one. Passes are those the titles' offers name, plus
//   `passes`. Payment always succeeds unless a fault says otherwise; each one is in `charges`.
// - Idempotency keys are kept per household with the request they came with: a replay with the
//   same body gets the stored answer (a 201 replays as 200), another body 422.
// - CORS is open (the app is served from another origin in development and tests).
// - Listens on 127.0.0.1 only (the default host) and on a free port unless one is given.

import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import { closeOnce, listenOn, sendJson } from './server.mjs'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const MAX_BODY_BYTES = 16 * 1024

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers':
    'Accept, Content-Type, Idempotency-Key, X-Device-Id, Authorization',
  'Access-Control-Max-Age': '600',
}

/** Faults that only purchases feel; the others hit any request. */
const PURCHASE_FAULTS = new Set(['decline', 'fail-after-record'])

const iso = (ms) => (ms === null ? null : new Date(ms).toISOString())

/** A time given to grant(): ms, an ISO string, or null. */
const msOf = (value, fallback) =>
  value === undefined
    ? fallback
    : value === null
      ? null
      : typeof value === 'number'
        ? value
        : Date.parse(value)

class HttpError extends Error {
  constructor(status, code, message) {
    super(message)
    this.status = status
    this.code = code
  }
}

/**
 * @param {{ titles?: { id: string, offers: object[] }[], catalogueFile?: string,
 *   passes?: string[], port?: number, host?: string, now?: () => number,
 *   startWindowDays?: number }} options `catalogueFile` is read for `titles` when none are given
 *   (a file like static/catalogue/titles.json); `now` replaces the clock.
 */
export async function startEntitlementServer({
  titles,
  catalogueFile,
  passes = [],
  port = 0,
  host = '127.0.0.1',
  now = () => Date.now(),
  startWindowDays = 30,
} = {}) {
  if (!titles && catalogueFile) titles = JSON.parse(await readFile(catalogueFile, 'utf8')).titles
  const offersOf = new Map((titles ?? []).map((title) => [title.id, title.offers ?? []]))
  const knownPasses = new Set(passes)
  for (const offers of offersOf.values())
    for (const offer of offers) if (offer.type === 'subscription') knownPasses.add(offer.pass)

  const households = new Map()
  const requests = []
  const hanging = new Set()
  let fault = { mode: 'none', count: Infinity }
  let nextRental = 1

  const household = (deviceId) => {
    let found = households.get(deviceId)
    if (!found) {
      found = { passes: new Map(), rentals: [], keys: new Map(), charges: [] }
      households.set(deviceId, found)
    }
    return found
  }

  function takeFault(isPurchase) {
    if (fault.mode === 'none') return 'none'
    if (PURCHASE_FAULTS.has(fault.mode) && !isPurchase) return 'none'
    const mode = fault.mode
    fault.count -= 1
    if (fault.count <= 0) fault = { mode: 'none', count: Infinity }
    return mode
  }

  const rentalWire = (r) => ({
    rentalId: r.rentalId,
    titleId: r.titleId,
    offerId: r.offerId,
    price: r.price,
    windowHours: r.windowHours,
    rentedAt: iso(r.rentedAt),
    startBy: iso(r.startBy),
    startedAt: iso(r.startedAt),
    expiresAt: iso(r.expiresAt),
  })
  const passWire = (p) => ({ passId: p.passId, activeUntil: iso(p.activeUntil) })

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const deviceId = req.headers['x-device-id']
    const idempotencyKey = req.headers['idempotency-key']
    const entry = {
      method: req.method,
      path: url.pathname,
      status: 0,
      ...(deviceId ? { deviceId } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    }
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
    handle(req, res, url.pathname).catch((error) => {
      if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message)
      if (!res.headersSent) sendError(res, 500, 'internal', String(error))
      else res.destroy(error)
    })
  })

  async function handle(req, res, pathname) {
    const isPurchase =
      req.method === 'POST' && (pathname === '/rentals' || pathname === '/subscriptions')
    const mode = takeFault(isPurchase)
    if (mode === 'hang') {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return
    }
    if (mode === 'error') throw new HttpError(500, 'fault', 'fault injected')

    const deviceId = req.headers['x-device-id']
    if (typeof deviceId !== 'string' || !deviceId)
      throw new HttpError(400, 'missing_device_id', 'X-Device-Id is required')
    const home = household(deviceId)

    if (pathname === '/entitlements') {
      if (req.method !== 'GET') throw new HttpError(405, 'method_not_allowed', 'use GET')
      return sendJson(res, 200, {
        passes: [...home.passes.values()].map(passWire),
        rentals: home.rentals.map(rentalWire),
      })
    }
    const start = /^\/rentals\/([^/]+)\/start$/.exec(pathname)
    if (start) {
      if (req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'use POST')
      return sendJson(res, 200, {
        rental: rentalWire(startRental(home, decodeURIComponent(start[1]))),
      })
    }
    if (isPurchase) {
      const body = await readJson(req)
      const key = req.headers['idempotency-key']
      if (typeof key !== 'string' || !key)
        throw new HttpError(400, 'missing_idempotency_key', 'Idempotency-Key is required')
      const fingerprint = `${pathname} ${JSON.stringify(body)}`
      const stored = home.keys.get(key)
      if (stored) {
        if (stored.fingerprint !== fingerprint)
          throw new HttpError(
            422,
            'idempotency_key_reused',
            `key ${key} was used for another request`,
          )
        return sendJson(res, stored.status === 201 ? 200 : stored.status, stored.body)
      }
      const answer =
        pathname === '/rentals' ? rent(home, body, key, mode) : subscribe(home, body, key, mode)
      // Refusals are remembered too, so a replay never turns a decline into a charge.
      if (answer.status < 500) home.keys.set(key, { fingerprint, ...answer })
      if (mode === 'fail-after-record') throw new HttpError(500, 'fault', 'recorded, then failed')
      return sendJson(res, answer.status, answer.body)
    }
    throw new HttpError(404, 'not_found', `no endpoint ${req.method} ${pathname}`)
  }

  const refusal = (status, code, message) => ({ status, body: { error: { code, message } } })

  function rent(home, body, key, mode) {
    const offers = typeof body?.titleId === 'string' ? offersOf.get(body.titleId) : undefined
    if (!offers) return refusal(404, 'unknown_title', `no title ${body?.titleId}`)
    const offer = offers.find((o) => o.type === 'rental')
    if (!offer || body.offerId !== 'rental')
      return refusal(404, 'unknown_offer', `${body.titleId} has no offer ${body.offerId}`)
    const price = body.price
    if (price?.amount !== offer.price.amount || price?.currency !== offer.price.currency)
      return refusal(
        409,
        'price_changed',
        `the price is now ${offer.price.amount} ${offer.price.currency}`,
      )
    if (mode === 'decline') return refusal(402, 'payment_declined', 'the payment was declined')
    const at = now()
    const rental = {
      rentalId: `r${nextRental++}-${randomUUID().slice(0, 8)}`,
      titleId: body.titleId,
      offerId: 'rental',
      price: { amount: offer.price.amount, currency: offer.price.currency },
      windowHours: offer.windowHours,
      rentedAt: at,
      startBy: at + startWindowDays * DAY,
      startedAt: null,
      expiresAt: null,
    }
    home.rentals.push(rental)
    home.charges.push({ kind: 'rental', id: rental.rentalId, amount: offer.price.amount, key, at })
    return { status: 201, body: { rental: rentalWire(rental) } }
  }

  function subscribe(home, body, key, mode) {
    const passId = body?.passId
    if (typeof passId !== 'string' || !knownPasses.has(passId))
      return refusal(404, 'unknown_pass', `no pass ${passId}`)
    const at = now()
    const held = home.passes.get(passId)
    // A pass already held is not sold twice.
    if (held && (held.activeUntil === null || held.activeUntil > at))
      return { status: 200, body: { pass: passWire(held) } }
    if (mode === 'decline') return refusal(402, 'payment_declined', 'the payment was declined')
    const pass = { passId, activeUntil: null }
    home.passes.set(passId, pass)
    home.charges.push({ kind: 'pass', id: passId, key, at })
    return { status: 201, body: { pass: passWire(pass) } }
  }

  function startRental(home, rentalId) {
    const rental = home.rentals.find((r) => r.rentalId === rentalId)
    if (!rental) throw new HttpError(404, 'unknown_rental', `no rental ${rentalId}`)
    if (rental.startedAt !== null) return rental
    const at = now()
    if (rental.startBy <= at)
      throw new HttpError(409, 'start_window_passed', `rental ${rentalId} was not started in time`)
    rental.startedAt = at
    rental.expiresAt = at + rental.windowHours * HOUR
    return rental
  }

  const actualPort = await listenOn(server, port, host)
  const close = closeOnce(server, hanging)
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    requests,
    /** `mode`: 'none' | 'decline' | 'error' | 'hang' | 'fail-after-record'; `count` requests. */
    setFault(next) {
      fault = { mode: next.mode, count: next.count ?? Infinity }
      if (next.mode !== 'hang') for (const res of hanging) res.destroy()
    },
    /**
     * Gives a household passes (ids, or { passId, activeUntil }) and rentals (at least a
     * titleId; times in ms or ISO strings), without charges.
     */
    grant(deviceId, { passes: given = [], rentals = [] } = {}) {
      const home = household(deviceId)
      for (const item of given) {
        const pass = typeof item === 'string' ? { passId: item } : item
        home.passes.set(pass.passId, {
          passId: pass.passId,
          activeUntil: msOf(pass.activeUntil, null),
        })
      }
      for (const item of rentals) {
        const offer = offersOf.get(item.titleId)?.find((o) => o.type === 'rental')
        const rentedAt = msOf(item.rentedAt, now())
        const windowHours = item.windowHours ?? offer?.windowHours ?? 48
        const startedAt = msOf(item.startedAt, null)
        home.rentals.push({
          rentalId: item.rentalId ?? `r${nextRental++}-granted`,
          titleId: item.titleId,
          offerId: 'rental',
          price: item.price ?? offer?.price ?? { amount: 1, currency: 'EUR' },
          windowHours,
          rentedAt,
          startBy: msOf(item.startBy, rentedAt + startWindowDays * DAY),
          startedAt,
          expiresAt: startedAt === null ? null : startedAt + windowHours * HOUR,
        })
      }
    },
    /** What the server holds for a household, as the API would send it, plus its charges. */
    household(deviceId) {
      const home = households.get(deviceId)
      if (!home) return { passes: [], rentals: [], charges: [] }
      return {
        passes: [...home.passes.values()].map(passWire),
        rentals: home.rentals.map(rentalWire),
        charges: home.charges.map((charge) => ({ ...charge, at: iso(charge.at) })),
      }
    },
    close,
  }
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      // Read to the end anyway, so the 413 reaches the client.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => {
      if (size > MAX_BODY_BYTES)
        return reject(new HttpError(413, 'too_large', 'request body too large'))
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'))
      } catch {
        reject(new HttpError(400, 'bad_request', 'the body is not JSON'))
      }
    })
    req.on('error', reject)
  })
}

function sendError(res, status, code, message) {
  sendJson(res, status, { error: { code, message } })
}
