// Reference ad server for the app's ad tests and `npm start`: VAST 4 and VMAP 1.0 over the sample
// creatives (ad-creatives.mjs), beacons recorded, faults on demand. Node standard library only.
//
//   const ads = await startAdServer({ creativesDir: 'media/ads' })
//   ads.url                    // http://127.0.0.1:<port>/
//   ads.beacons()              // [{ event, ad, query, method, at }] in arrival order
//   await ads.close()
//
// Endpoints (every answer has Access-Control-Allow-Origin: *, the app runs on another port):
//   GET /vast?ads=pub-frites,pub-velo&skip=5   a VAST 4 pod of those creatives (sequence 1..n; ids
//                                              split on "," or "+"), skippable after `skip` s
//   GET /vast?fault=slow&delayMs=5000          answers after the delay
//   GET /vast?fault=empty                      a VAST with no ad, its <Error> URL carrying [ERRORCODE]
//   GET /vast?fault=broken                     not XML
//   GET /vast?fault=404                        404
//   GET /vast?fault=unplayable                 an inline ad whose MP4 is not a video
//   GET /vast?fault=media404                   an inline ad whose MP4 answers 404
//   GET /vast?fault=mediahang                  an inline ad whose MP4 never answers
//   GET /vast?fault=hevcfirst                  an HEVC 1080p MediaFile listed before the H.264 one
//   GET /vast?ads=a,b&fault=firsthang          the pod's first ad's MP4 never answers, the others play
//   GET /vast?ads=a&fault=norange              the MP4s from a host without byte ranges: 200 with
//                                              the whole file, no Accept-Ranges, whatever is asked
//   GET /vast?ads=a&fault=midstall             the MP4s stop half-way: the first half of each file
//                                              is sent, then the connection is held open, silent
//   GET /wrapper?depth=3&ads=...               a Wrapper chain of `depth` levels, then /vast?ads=...
//   GET /waterfall?ads=a,b                     an ad buffet: a wrapper whose tag has no fill, a
//                                              wrapper whose tag answers 404, then ads a, b without
//                                              a sequence (stand-alone, VAST 3+)
//   GET /vmap?pre=pub-frites&mid=30:pub-velo,60:pub-chocolat&post=pub-velo&skip=5
//                                              a VMAP whose breaks point at /vast (extra query
//                                              parameters such as fault= go to every break's tag);
//                                              each break's breakStart, breakEnd and error
//                                              tracking (VMAP 1.0.1) is a beacon, ad=<breakId>
//   GET|POST /beacon/<event>?ad=<id>&...       recorded, 204
//   GET /beacons                               what was recorded, JSON; DELETE /beacons forgets it
//   GET /creatives/<id>.mp4                    the creative files, with byte ranges
//   GET /creatives/norange/<id>.mp4            the same files, whole, without byte ranges
//   GET /creatives/stalling/<id>.mp4           the same files' first half, then nothing more
//
// Beacon URLs carry [CACHEBUSTING], [TIMESTAMP] and (errors) [ERRORCODE], so a test sees whether
// the player filled them.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { closeOnce, listenOn, parseRange, sendFile } from './server.mjs'
import { AD_CREATIVES } from './ad-creatives.mjs'

const SECONDS = Object.fromEntries(AD_CREATIVES.map((c) => [c.id, c.seconds]))
const TRACKED = [
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
  'skip',
  'pause',
  'resume',
  'closeLinear',
]

const clock = (seconds) => {
  const s = Math.max(0, Math.floor(seconds))
  const pad = (n) => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}.000`
}
const escapeXml = (value) => value.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

function inlineAd(base, id, sequence, { skip, mediaUrl, otherMedia = '' }) {
  const beacon = (event, extra = '') =>
    `<![CDATA[${base}beacon/${event}?ad=${id}&cb=[CACHEBUSTING]&ts=[TIMESTAMP]${extra}]]>`
  const seconds = SECONDS[id] ?? 10
  const tracking = TRACKED.map(
    (event) => `          <Tracking event="${event}">${beacon(event)}</Tracking>`,
  ).join('\n')
  return `  <Ad id="${id}" sequence="${sequence}">
    <InLine>
      <AdSystem version="1">Belgica test ad server</AdSystem>
      <AdTitle>${escapeXml(id)}</AdTitle>
      <Impression>${beacon('impression')}</Impression>
      <Error>${beacon('error', '&code=[ERRORCODE]')}</Error>
      <Creatives>
        <Creative id="${id}-c" sequence="1"><Linear${skip !== undefined ? ` skipoffset="${clock(skip)}"` : ''}>
          <Duration>${clock(seconds)}</Duration>
          <TrackingEvents>
${tracking}
          </TrackingEvents>
          <MediaFiles>${otherMedia}
            <MediaFile delivery="progressive" type="video/mp4" width="640" height="360" bitrate="300"><![CDATA[${(typeof mediaUrl === 'function' ? mediaUrl(id, sequence) : mediaUrl) ?? `${base}creatives/${id}.mp4`}]]></MediaFile>
          </MediaFiles>
        </Linear></Creative>
      </Creatives>
    </InLine>
  </Ad>`
}

export function vastXml(base, ids, options = {}) {
  const ads = ids.map((id, i) => inlineAd(base, id, i + 1, options)).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<VAST version="4.0">\n${ads}\n</VAST>\n`
}

function wrapperXml(base, level, next) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="4.0">
${wrapperAd(base, level, next)}
</VAST>
`
}

/** The ad server's waterfall: networks without fill first, then its own stand-alone ads. */
function waterfallXml(base, ids) {
  const alone = ids.map((id) => inlineAd(base, id, 0, {}).replace(' sequence="0"', ''))
  return `<?xml version="1.0" encoding="UTF-8"?>
<VAST version="4.0">
${wrapperAd(base, 'nofill', `${base}vast?fault=empty`)}
${wrapperAd(base, 'dead', `${base}vast?fault=404`)}
${alone.join('\n')}
</VAST>
`
}

function wrapperAd(base, level, next) {
  const beacon = (event, extra = '') =>
    `<![CDATA[${base}beacon/${event}?ad=wrapper-${level}&cb=[CACHEBUSTING]${extra}]]>`
  return `  <Ad id="wrapper-${level}">
    <Wrapper>
      <AdSystem>Belgica test wrapper</AdSystem>
      <VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI>
      <Impression>${beacon('impression')}</Impression>
      <Error>${beacon('error', '&code=[ERRORCODE]')}</Error>
      <Creatives><Creative><Linear><TrackingEvents>
        <Tracking event="complete">${beacon('complete')}</Tracking>
      </TrackingEvents></Linear></Creative></Creatives>
    </Wrapper>
  </Ad>`
}

function vmapXml(base, query) {
  const extra = new URLSearchParams(query)
  for (const key of ['pre', 'mid', 'post']) extra.delete(key)
  const tag = (ids) => {
    const params = new URLSearchParams(extra)
    params.set('ads', ids)
    return `${base}vast?${params}`
  }
  const breaks = []
  if (query.get('pre')) breaks.push(['start', 'preroll', tag(query.get('pre'))])
  const mids = (query.get('mid') ?? '').split(/[\s,]+/).filter(Boolean)
  // `at:ids:every`: a mid-roll at `at` s, repeated every `every` s (VMAP repeatAfter) when given.
  for (const [i, entry] of mids.entries()) {
    const [at, ids, every] = entry.split(':')
    const repeat = every ? clock(Number(every)) : undefined
    breaks.push([clock(Number(at)), `midroll-${i + 1}`, tag(ids || 'pub-velo'), repeat])
  }
  if (query.get('post')) breaks.push(['end', 'postroll', tag(query.get('post'))])
  // The break's own tracking (VMAP 1.0.1): beacons with the break's id as `ad`.
  const breakTracking = (id) =>
    ['breakStart', 'breakEnd', 'error']
      .map((event) => {
        const code = event === 'error' ? '&code=[ERRORCODE]' : ''
        const url = `${base}beacon/${event}?ad=${id}&cb=[CACHEBUSTING]&bp=[BREAKPOSITION]${code}`
        return `      <vmap:Tracking event="${event}"><![CDATA[${url}]]></vmap:Tracking>`
      })
      .join('\n')
  const body = breaks
    .map(
      ([
        offset,
        id,
        url,
        repeat,
      ]) => `  <vmap:AdBreak timeOffset="${offset}" breakType="linear" breakId="${id}"${repeat ? ` repeatAfter="${repeat}"` : ''}>
    <vmap:AdSource id="${id}-source" allowMultipleAds="true" followRedirects="true">
      <vmap:AdTagURI templateType="vast4"><![CDATA[${url}]]></vmap:AdTagURI>
    </vmap:AdSource>
    <vmap:TrackingEvents>
${breakTracking(id)}
    </vmap:TrackingEvents>
  </vmap:AdBreak>`,
    )
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
${body}
</vmap:VMAP>
`
}

const send = (res, status, type, body) => {
  res.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  })
  res.end(body)
}

/**
 * The ad endpoints as a request handler, for a server of its own (startAdServer) or mounted under
 * a path of the app's server (npm start serves them at /ads/). `base(req)` is the absolute URL the
 * endpoints live under, written into the XML (creatives, beacons, next tags).
 */
export function createAdHandler({ creativesDir, base }) {
  /** @type {{ event: string, ad: string | null, query: Record<string, string>, method: string, at: number }[]} */
  let beacons = []
  const hanging = new Set()

  async function handle(req, res, route, query) {
    const root = base(req)
    if (req.method === 'OPTIONS') return send(res, 204, 'text/plain', '')
    if (route.startsWith('/beacon/')) {
      beacons.push({
        event: decodeURIComponent(route.slice('/beacon/'.length)),
        ad: query.get('ad'),
        query: Object.fromEntries(query),
        method: req.method ?? 'GET',
        at: Date.now(),
      })
      // A long-running npm start must not grow without bound.
      if (beacons.length > 5000) beacons = beacons.slice(-1000)
      req.resume()
      return send(res, 204, 'text/plain', '')
    }
    if (route === '/beacons') {
      if (req.method === 'DELETE') beacons = []
      return send(res, 200, 'application/json', JSON.stringify(beacons))
    }
    if (route.startsWith('/creatives/'))
      return creative(req, res, route.slice('/creatives/'.length), root)
    if (route === '/vast') return vast(res, query, root)
    if (route === '/wrapper') {
      const depth = Math.max(0, Number(query.get('depth') ?? 1))
      const next = new URLSearchParams(query)
      next.set('depth', String(depth - 1))
      const target =
        depth - 1 > 0 ? `${root}wrapper?${next}` : `${root}vast?${dropKey(next, 'depth')}`
      return send(res, 200, 'application/xml', wrapperXml(root, depth, target))
    }
    if (route === '/waterfall') {
      const ids = (query.get('ads') ?? 'pub-frites').split(/[\s,]+/).filter((id) => id in SECONDS)
      return send(res, 200, 'application/xml', waterfallXml(root, ids))
    }
    if (route === '/vmap') return send(res, 200, 'application/xml', vmapXml(root, query))
    return send(res, 404, 'text/plain', 'not found\n')
  }

  async function vast(res, query, root) {
    const fault = query.get('fault')
    if (fault === 'slow') {
      hanging.add(res)
      await new Promise((resolve) => setTimeout(resolve, Number(query.get('delayMs') ?? 5000)))
      hanging.delete(res)
      if (res.destroyed) return
    }
    if (fault === '404') return send(res, 404, 'text/plain', 'no such tag\n')
    if (fault === 'broken') return send(res, 200, 'application/xml', '<VAST version="4.0"><Ad id=')
    if (fault === 'empty')
      return send(
        res,
        200,
        'application/xml',
        `<?xml version="1.0"?>\n<VAST version="4.0"><Error><![CDATA[${root}beacon/error?ad=none&code=[ERRORCODE]]]></Error></VAST>\n`,
      )
    const ids = (query.get('ads') ?? 'pub-frites').split(/[\s,]+/).filter((id) => id in SECONDS)
    const skip = query.has('skip') ? Number(query.get('skip')) : undefined
    const faultyMedia = {
      unplayable: 'not-a-video.mp4',
      media404: 'missing-creative.mp4',
      mediahang: 'hanging-creative.mp4',
    }[fault ?? '']
    const mediaUrl = faultyMedia
      ? `${root}creatives/${faultyMedia}`
      : fault === 'firsthang'
        ? (id, sequence) => (sequence === 1 ? `${root}creatives/hanging-creative.mp4` : undefined)
        : fault === 'norange' || fault === 'midstall'
          ? (id) => `${root}creatives/${fault === 'norange' ? 'norange' : 'stalling'}/${id}.mp4`
          : undefined
    // A taller HEVC rendition listed first, as ad servers send them; no box here decodes it.
    const otherMedia =
      fault === 'hevcfirst'
        ? `\n            <MediaFile delivery="progressive" type="video/mp4" width="1920" height="1080" bitrate="4000" codec="hvc1.1.6.L93.90"><![CDATA[${root}creatives/missing-creative.mp4]]></MediaFile>`
        : ''
    return send(res, 200, 'application/xml', vastXml(root, ids, { skip, mediaUrl, otherMedia }))
  }

  async function creative(req, res, name) {
    if (name === 'not-a-video.mp4')
      return send(res, 200, 'video/mp4', 'this is not a video file\n'.repeat(40))
    if (name === 'hanging-creative.mp4') {
      // Answers nothing until the server closes.
      hanging.add(res)
      return
    }
    // A host without byte ranges: the whole file whatever is asked, and no Accept-Ranges, so the
    // browser cannot seek in it (its seekable range stays empty).
    const noRange = name.startsWith('norange/')
    if (noRange) name = name.slice('norange/'.length)
    // A host that stops sending half-way through the file and keeps the connection open.
    const stalling = name.startsWith('stalling/')
    if (stalling) name = name.slice('stalling/'.length)
    if (!/^[a-z0-9-]+\.mp4$/.test(name) || !creativesDir) return send(res, 404, 'text/plain', '')
    const file = path.join(creativesDir, name)
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return send(res, 404, 'text/plain', 'no such creative\n')
    const range = req.headers.range && !noRange ? parseRange(req.headers.range, info.size) : null
    const headers = {
      'content-type': 'video/mp4',
      ...(noRange ? {} : { 'accept-ranges': 'bytes' }),
      'access-control-allow-origin': '*',
      // Not cached: the browser could answer its own range requests from a cached whole file.
      'cache-control': noRange || stalling ? 'no-store' : 'max-age=3600',
    }
    if (range === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${info.size}` })
      return res.end()
    }
    if (range) {
      res.writeHead(206, {
        ...headers,
        'content-range': `bytes ${range.start}-${range.end}/${info.size}`,
        'content-length': range.end - range.start + 1,
      })
    } else res.writeHead(200, { ...headers, 'content-length': info.size })
    if (stalling)
      return sendHalfThenHold(res, file, range ?? { start: 0, end: info.size - 1 }, info.size)
    return sendFile(req, res, file, range)
  }

  /**
   * The bytes of `range` that lie in the file's first half, then silence: the response stays open
   * (its length promised the rest) until the client gives up or the server closes.
   */
  function sendHalfThenHold(res, file, range, size) {
    hanging.add(res)
    res.on('close', () => hanging.delete(res))
    const last = Math.min(range.end, Math.floor(size / 2) - 1)
    if (range.start > last) return
    const stream = createReadStream(file, { start: range.start, end: last })
    res.on('close', () => stream.destroy())
    stream.pipe(res, { end: false })
  }

  return {
    handle,
    hanging,
    beacons: () => beacons.slice(),
    clearBeacons: () => {
      beacons = []
    },
  }
}

/** A server of its own on 127.0.0.1 and a free port (tests): every path is an ad endpoint. */
export async function startAdServer({ creativesDir, host = '127.0.0.1', port = 0 } = {}) {
  let url = ''
  const ads = createAdHandler({ creativesDir, base: () => url })
  const server = http.createServer((req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://localhost')
    ads.handle(req, res, parsed.pathname, parsed.searchParams).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain', 'error\n')
      else res.destroy()
    })
  })
  const actualPort = await listenOn(server, port, host)
  url = `http://${host}:${actualPort}/`
  const close = closeOnce(server, ads.hanging)
  return { url, beacons: ads.beacons, clearBeacons: ads.clearBeacons, close }
}

function dropKey(params, key) {
  const copy = new URLSearchParams(params)
  copy.delete(key)
  return copy
}
