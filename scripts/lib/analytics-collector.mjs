// Reference collector for the analytics contract (docs/analytics-api/README.md), Node standard
// library only, for local work and for the tests:
//
//   POST <any path>   one batch: { schemaVersion: 1, installId, sessionId, sentAt, app, events }
//                     -> 204; 400 when it is not a batch; 413 when larger than 256 KB
//   GET  /received    what arrived: { batches, events, duplicates } (for tests and curiosity)
//
//   const collector = await startAnalyticsCollector()   // 127.0.0.1, a free port
//   collector.url             // http://127.0.0.1:<port>/events  (appSettings.analytics.url)
//   collector.setFault({ mode: 'error' | 'reject' | 'hang', count: 2 })  // 500, 400, no answer
//   collector.received()      // { batches: [...], events: [...], duplicates: n }
//   collector.requests        // [{ method, path, status }] in order
//   await collector.close()
//
// - Events are de-duplicated by eventId (a batch retried after a lost answer counts once).
// - The shape is checked loosely (the app's own zod schema is what tests check arrivals against):
//   a body that is not JSON, or without a version, ids and a list of events, is refused with 400.
// - It also refuses, with 400, events that carry fields the contract never sends with personal
//   data in them (a search query, a PIN, a profile name), so a leak shows as a refused batch.
// - CORS is open (the app is served from another origin in tests).

import http from 'node:http'
import { closeOnce, listenOn, sendJson } from './server.mjs'

const MAX_BODY_BYTES = 256 * 1024
const FORBIDDEN_FIELDS = ['query', 'pin', 'name', 'text', 'profileName']

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Max-Age': '600',
}

/** What is wrong with a body, or null when it has the shape of a batch. */
export function batchProblem(body) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'not an object'
  if (body.schemaVersion !== 1) return 'schemaVersion must be 1'
  for (const key of ['installId', 'sessionId']) {
    if (typeof body[key] !== 'string' || body[key].length < 8) return `${key} missing`
  }
  if (!Array.isArray(body.events) || body.events.length === 0) return 'events must be a list'
  for (const event of body.events) {
    if (typeof event !== 'object' || event === null) return 'an event is not an object'
    if (typeof event.type !== 'string' || typeof event.eventId !== 'string')
      return 'an event has no type or eventId'
    if (event.purpose !== 'audience' && event.purpose !== 'quality')
      return `event ${event.eventId} has no purpose`
    const leak = FORBIDDEN_FIELDS.find((field) => field in event)
    if (leak) return `event ${event.eventId} carries "${leak}"`
  }
  return null
}

/**
 * @param {{ port?: number, host?: string }} [options]
 */
export async function startAnalyticsCollector({ port = 0, host = '127.0.0.1' } = {}) {
  const batches = []
  const events = []
  const seen = new Set()
  let duplicates = 0
  const requests = []
  const hanging = new Set()
  let fault = null

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const record = (status) => requests.push({ method: req.method, path: url.pathname, status })
    for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value)
    if (req.method === 'OPTIONS') {
      res.statusCode = 204
      return res.end()
    }
    if (req.method === 'GET' && url.pathname === '/received') {
      return sendJson(res, 200, { batches, events, duplicates })
    }
    if (req.method !== 'POST') {
      record(405)
      return sendJson(res, 405, { error: 'method not allowed' })
    }
    if (fault && fault.count !== 0) {
      if (fault.count > 0) fault.count--
      if (fault.mode === 'hang') {
        hanging.add(res)
        res.on('close', () => hanging.delete(res))
        record(0)
        return req.resume()
      }
      req.resume()
      const status = fault.mode === 'reject' ? 400 : 500
      record(status)
      return sendJson(res, status, { error: `fault ${fault.mode}` })
    }
    readBody(req)
      .then((raw) => {
        let body
        try {
          body = JSON.parse(raw)
        } catch {
          record(400)
          return sendJson(res, 400, { error: 'body is not JSON' })
        }
        const problem = batchProblem(body)
        if (problem) {
          record(400)
          return sendJson(res, 400, { error: problem })
        }
        batches.push(body)
        for (const event of body.events) {
          if (seen.has(event.eventId)) duplicates++
          else {
            seen.add(event.eventId)
            events.push(event)
          }
        }
        record(204)
        res.statusCode = 204
        res.end()
      })
      .catch((error) => {
        const status = error.status ?? 400
        record(status)
        sendJson(res, status, { error: error.message })
      })
  })

  const actualPort = await listenOn(server, port, host)
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${actualPort}/events`,
    requests,
    setFault(next) {
      fault = next ? { mode: next.mode, count: next.count ?? -1 } : null
    },
    received: () => ({ batches, events, duplicates }),
    reset() {
      batches.length = 0
      events.length = 0
      requests.length = 0
      seen.clear()
      duplicates = 0
    },
    close: closeOnce(server, hanging),
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        const error = new Error('batch larger than 256 KB')
        error.status = 413
        reject(error)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
