// Live TV simulator, in the manner of DASH-IF's livesim: each channel is a short loop encoded
// once (npm run assets), then served as if it had been on the air since 1970. Segment numbers
// come from the wall clock (availabilityStartTime 1970-01-01, $Number$ templates, 1.92 s per
// segment), so there is no encoder to run: a segment is the loop's segment (N mod 32) with its
// decode time (tfdt) and sequence number rewritten for N. The same loop gives catch-up: a static
// manifest for any past window (?start=&end= in epoch seconds) up to 30 days back.
//
//   await generateLiveLoops({ outDir: 'media/live-sim' })           // ~3 s per channel, cached
//   const live = liveSimulator({ dir: 'media/live-sim' })           // used by server.mjs
//   live.handle(req, res, url)                                      // true when it answered
//
// Routes under /live/<channel>/:
//   manifest.mpd                       dynamic DASH, timeShiftBufferDepth 3 h
//   catchup.mpd?start=<s>&end=<s>      static DASH of a past window
//   master.m3u8, video.m3u8, audio.m3u8           live HLS (fMP4), same window
//   catchup.m3u8?start=&end= (+ video/audio.m3u8?start=&end=)   HLS VOD of a past window
//   init-v.mp4, init-a.mp4, v-<N>.m4s, a-<N>.m4s  the media (404 before it exists or past 30 days)
//
// For tests of a broadcast that ends, the live manifests take ?endsAt=<epoch s>: no segment past
// that time is listed, and once it has passed the DASH manifest turns static with its
// mediaPresentationDuration (DASH-IF IOP 4.6.4, the end of a live event; &endsAs=dynamic keeps it
// dynamic with the duration on it and on its Period) and the HLS media playlists gain
// #EXT-X-ENDLIST.
//
// Why 1.92 s: it is 48 frames at 25 fps and exactly 90 AAC frames at 48 kHz, so audio and video
// segments line up and the loop (32 segments, 61.44 s) repeats without drift.
//
// Each picture carries the channel name, the loop clock and, along the bottom, a 13-box code:
// a white box, the frame's index within the loop in 11 bits (most significant first), a black
// box. A test draws the video on a canvas and reads it, so it knows which instant is on screen.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile, readdir } from 'node:fs/promises'
import path from 'node:path'

export const LIVE_SIM_VERSION = 'live-sim-1'
export const SEGMENT_SECONDS = 1.92
export const LOOP_SEGMENTS = 32
export const FPS = 25
export const FRAMES_PER_SEGMENT = 48
export const AUDIO_FRAMES_PER_SEGMENT = 90
export const TIMESHIFT_SECONDS = 3 * 3600
export const CATCHUP_DAYS = 30
/** Longest catch-up window served: a long film plus margins. */
export const CATCHUP_MAX_SECONDS = 6 * 3600
export const CODE = { x: 16, y: 322, box: 20, step: 24, bits: 11 }

const FONT_DIR = '/usr/share/fonts/truetype/dejavu'
const VIDEO = { timescale: 12800, ticks: 24576, width: 640, height: 360, kbps: 400 }
const AUDIO = { timescale: 48000, ticks: 92160, kbps: 64 }

/** The channels of static/catalogue/live.json; hue and tone tell them apart on screen and by ear. */
export const LIVE_SIM_CHANNELS = [
  { id: 'ardenne-1', name: 'Ardenne 1', hue: 0, tone: 440, lang: 'fr' },
  { id: 'ardenne-3', name: 'Ardenne 3', hue: 40, tone: 494, lang: 'fr' },
  { id: 'ardenne-info', name: 'Ardenne Info', hue: 80, tone: 523, lang: 'fr' },
  { id: 'brabant-tv', name: 'Brabant TV', hue: 120, tone: 587, lang: 'fr' },
  { id: 'brabant-club', name: 'Brabant Club', hue: 160, tone: 659, lang: 'fr' },
  { id: 'schelde-een', name: 'Schelde Een', hue: 200, tone: 330, lang: 'nl' },
  { id: 'kadee', name: 'Kadee', hue: 240, tone: 349, lang: 'nl' },
  { id: 'kempen-tv', name: 'Kempen TV', hue: 280, tone: 392, lang: 'nl' },
  { id: 'kempen-hits', name: 'Kempen Hits', hue: 320, tone: 415, lang: 'nl' },
]

const LOOP_SECONDS = SEGMENT_SECONDS * LOOP_SEGMENTS

// ---------------------------------------------------------------- generation

function ffmpegArgs(channel) {
  const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`
  const mono = `${FONT_DIR}/DejaVuSansMono-Bold.ttf`
  const box = 'fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=10'
  const { x, y, box: size, step, bits } = CODE
  const code = [
    `drawbox=x=${x - 4}:y=${y - 4}:w=${step * (bits + 2) + 4}:h=${size + 8}:color=black:t=fill`,
    `drawbox=x=${x}:y=${y}:w=${size}:h=${size}:color=white:t=fill`,
    ...Array.from({ length: bits }, (_, i) => {
      const bit = bits - 1 - i
      return (
        `drawbox=x=${x + step * (i + 1)}:y=${y}:w=${size}:h=${size}:color=white:t=fill:` +
        `enable='eq(mod(floor(n/${2 ** bit})\\,2)\\,1)'`
      )
    }),
  ]
  const video = [
    `testsrc2=s=${VIDEO.width}x${VIDEO.height}:r=${FPS}:d=${LOOP_SECONDS}`,
    `hue=h=${channel.hue}`,
    `drawtext=fontfile=${bold}:text='${channel.name}':x=24:y=24:fontsize=40:${box}`,
    `drawtext=fontfile=${mono}:text='LIVE %{pts\\:hms}':x=24:y=90:fontsize=30:${box}`,
    ...code,
  ].join(',')
  // A little longer than the loop: the first AAC frame is the encoder's priming, dropped below.
  const audio = `sine=frequency=${channel.tone}:sample_rate=48000:duration=${LOOP_SECONDS + 1}`
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-filter_complex', `${video}[v];${audio}[a]`, '-map', '[v]', '-map', '[a]'],
    // No B-frames: no composition offsets, so a rewritten tfdt is the whole timing story.
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'main', '-bf', '0'],
    ...['-pix_fmt', 'yuv420p', '-r', String(FPS), '-g', String(FRAMES_PER_SEGMENT)],
    ...['-keyint_min', String(FRAMES_PER_SEGMENT), '-sc_threshold', '0'],
    ...['-b:v', `${VIDEO.kbps}k`, '-maxrate', `${VIDEO.kbps * 1.2}k`, '-bufsize', `${VIDEO.kbps}k`],
    ...['-c:a', 'aac', '-b:a', `${AUDIO.kbps}k`, '-ac', '2'],
    ...['-f', 'dash', '-seg_duration', String(SEGMENT_SECONDS), '-use_template', '1'],
    ...['-use_timeline', '0', '-init_seg_name', 'init-$RepresentationID$.m4s'],
    ...['-media_seg_name', 'seg-$RepresentationID$-$Number$.m4s', 'ffmpeg.mpd'],
  ]
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    )
  })
}

/** ISO BMFF boxes of buf[start, end): { type, start, header, size }. */
export function* boxes(buf, start = 0, end = buf.length) {
  let at = start
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at)
    let header = 8
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(at + 8))
      header = 16
    } else if (size === 0) size = end - at
    if (size < header || at + size > end) throw new Error(`bad box at ${at}`)
    yield { type: buf.toString('latin1', at + 4, at + 8), start: at, header, size }
    at += size
  }
}

const child = (buf, parent, type) =>
  [...boxes(buf, parent.start + parent.header, parent.start + parent.size)].find(
    (b) => b.type === type,
  )
const top = (buf, type) => [...boxes(buf)].find((b) => b.type === type)

/** The samples of a media segment as buffers (tfhd default-base-is-moof, trun with sizes). */
function samplesOf(buf) {
  const moof = top(buf, 'moof')
  const traf = child(buf, moof, 'traf')
  const tfhd = child(buf, traf, 'tfhd')
  const trun = child(buf, traf, 'trun')
  const tfhdFlags = buf.readUInt32BE(tfhd.start + 8) & 0xffffff
  let p = tfhd.start + 16
  if (tfhdFlags & 0x1) p += 8
  if (tfhdFlags & 0x2) p += 4
  if (tfhdFlags & 0x8) p += 4
  const defaultSize = tfhdFlags & 0x10 ? buf.readUInt32BE(p) : undefined
  const flags = buf.readUInt32BE(trun.start + 8) & 0xffffff
  const count = buf.readUInt32BE(trun.start + 12)
  let q = trun.start + 16
  let offset = 0
  if (flags & 0x1) {
    offset = buf.readInt32BE(q)
    q += 4
  }
  if (flags & 0x4) q += 4
  const samples = []
  let at = moof.start + offset
  for (let i = 0; i < count; i++) {
    if (flags & 0x100) q += 4
    let size = defaultSize
    if (flags & 0x200) {
      size = buf.readUInt32BE(q)
      q += 4
    }
    if (flags & 0x400) q += 4
    if (flags & 0x800) q += 4
    samples.push(buf.subarray(at, at + size))
    at += size
  }
  return samples
}

const box = (type, ...parts) => {
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + body.length)
  head.write(type, 4, 'latin1')
  return Buffer.concat([head, body])
}
const u32 = (...values) => {
  const b = Buffer.alloc(4 * values.length)
  values.forEach((v, i) => b.writeUInt32BE(v >>> 0, i * 4))
  return b
}

/**
 * An audio media segment of AAC frames: every sample 1024 ticks and a sync sample, data right
 * after the moof. tfdt 0: the server writes the real one.
 */
function audioSegment(frames, trackId) {
  const sizes = frames.map((f) => f.length)
  const tfhd = box('tfhd', u32(0x020038, trackId, 1024, sizes[0], 0x02000000))
  const tfdt = box('tfdt', Buffer.from([1, 0, 0, 0]), Buffer.alloc(8))
  const trunSize = 8 + 4 + 4 + 4 + 4 * sizes.length
  const moofSize = 8 + 16 + (8 + tfhd.length + tfdt.length + trunSize)
  const trun = box('trun', u32(0x000201, sizes.length, moofSize + 8), u32(...sizes))
  const moof = box('moof', box('mfhd', u32(0, 1)), box('traf', tfhd, tfdt, trun))
  if (moof.length !== moofSize) throw new Error('audio segment: moof size mismatch')
  return Buffer.concat([moof, box('mdat', ...frames)])
}

/** A segment keeps only moof + mdat: styp is optional and sidx would carry the loop's times. */
function mediaOnly(buf) {
  const kept = [...boxes(buf)].filter((b) => b.type === 'moof' || b.type === 'mdat')
  return Buffer.concat(kept.map((b) => buf.subarray(b.start, b.start + b.size)))
}

/** Turns the audio init's edit list (AAC priming) into a free box: the priming frame is dropped. */
function withoutEditList(buf) {
  const out = Buffer.from(buf)
  const visit = (start, end) => {
    for (const b of boxes(out, start, end)) {
      if (b.type === 'edts') out.write('free', b.start + 4, 'latin1')
      else if (['moov', 'trak'].includes(b.type)) visit(b.start + b.header, b.start + b.size)
    }
  }
  visit(0, out.length)
  return out
}

async function buildLoop(channel, tmp) {
  await run('ffmpeg', ffmpegArgs(channel), tmp)
  const mpd = await readFile(path.join(tmp, 'ffmpeg.mpd'), 'utf8')
  const codecs = [...mpd.matchAll(/codecs="([^"]+)"/g)].map((m) => m[1])
  const files = await readdir(tmp)
  const numbered = (prefix) =>
    files
      .filter((f) => f.startsWith(prefix))
      .sort((a, b) => Number(a.slice(prefix.length, -4)) - Number(b.slice(prefix.length, -4)))
  const videoFiles = numbered('seg-0-')
  if (videoFiles.length !== LOOP_SEGMENTS) {
    throw new Error(`expected ${LOOP_SEGMENTS} video segments, ffmpeg wrote ${videoFiles.length}`)
  }
  for (const [k, file] of videoFiles.entries()) {
    const buf = await readFile(path.join(tmp, file))
    if (samplesOf(buf).length !== FRAMES_PER_SEGMENT) throw new Error(`${file}: not 48 frames`)
    await writeFile(path.join(tmp, `v-${k}.m4s`), mediaOnly(buf))
  }
  const frames = []
  for (const file of numbered('seg-1-'))
    frames.push(...samplesOf(await readFile(path.join(tmp, file))))
  const needed = LOOP_SEGMENTS * AUDIO_FRAMES_PER_SEGMENT
  if (frames.length < needed + 1) throw new Error(`only ${frames.length} AAC frames for ${needed}`)
  const init = await readFile(path.join(tmp, 'init-1.m4s'))
  const trackId = 1
  for (let k = 0; k < LOOP_SEGMENTS; k++) {
    const from = 1 + k * AUDIO_FRAMES_PER_SEGMENT
    const segment = audioSegment(frames.slice(from, from + AUDIO_FRAMES_PER_SEGMENT), trackId)
    await writeFile(path.join(tmp, `a-${k}.m4s`), segment)
  }
  await writeFile(path.join(tmp, 'init-v.mp4'), await readFile(path.join(tmp, 'init-0.m4s')))
  await writeFile(path.join(tmp, 'init-a.mp4'), withoutEditList(init))
  for (const f of files) await rm(path.join(tmp, f))
  return { videoCodec: codecs[0], audioCodec: codecs[1] }
}

async function markerMatches(dir, params) {
  try {
    return (await readFile(path.join(dir, 'loop.json'), 'utf8')) === JSON.stringify(params)
  } catch {
    return false
  }
}

/** Encodes every channel's loop into outDir/<id>/ once; later runs only check the markers. */
export async function generateLiveLoops({
  outDir,
  channels = LIVE_SIM_CHANNELS,
  force = false,
  log = () => {},
}) {
  const results = []
  await mkdir(outDir, { recursive: true })
  const todo = []
  for (const channel of channels) {
    const params = { version: LIVE_SIM_VERSION, channel, VIDEO, AUDIO, CODE }
    const dir = path.join(outDir, channel.id)
    if (!force && (await markerMatches(dir, params)))
      results.push({ id: channel.id, skipped: true })
    else todo.push({ channel, params, dir })
  }
  // Two encodes at a time: x264 ultrafast at 360p is mostly single-threaded, CI has 2 cores.
  let next = 0
  const worker = async () => {
    while (next < todo.length) {
      const { channel, params, dir } = todo[next++]
      const started = Date.now()
      const tmp = path.join(outDir, `.tmp-${channel.id}-${process.pid}`)
      await rm(tmp, { recursive: true, force: true })
      await mkdir(tmp, { recursive: true })
      try {
        const codecs = await buildLoop(channel, tmp)
        await writeFile(path.join(tmp, 'codecs.json'), JSON.stringify(codecs))
        await writeFile(path.join(tmp, 'loop.json'), JSON.stringify(params))
        await rm(dir, { recursive: true, force: true })
        await rename(tmp, dir)
      } catch (error) {
        await rm(tmp, { recursive: true, force: true })
        throw error
      }
      const seconds = (Date.now() - started) / 1000
      log(`live loop ${channel.id}: ${LOOP_SECONDS}s encoded in ${seconds.toFixed(1)}s`)
      results.push({ id: channel.id, skipped: false, seconds })
    }
  }
  await Promise.all([worker(), worker()])
  return results
}

// ---------------------------------------------------------------- serving

/** Rewrites a loop segment for segment number n: mfhd sequence and tfdt. */
export function segmentFor(loopSegment, n, ticks) {
  const out = Buffer.from(loopSegment)
  const moof = top(out, 'moof')
  const mfhd = child(out, moof, 'mfhd')
  out.writeUInt32BE((n + 1) % 2 ** 32, mfhd.start + 12)
  const traf = child(out, moof, 'traf')
  const tfdt = child(out, traf, 'tfdt')
  if (out[tfdt.start + 8] !== 1) throw new Error('tfdt is not version 1')
  out.writeBigUInt64BE(BigInt(n) * BigInt(ticks), tfdt.start + 12)
  return out
}

/** The newest complete segment at `nowMs`: segment n covers [n, n+1) * 1.92 s since 1970. */
export const newestSegment = (nowMs) => Math.floor(nowMs / 1000 / SEGMENT_SECONDS) - 1

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const seconds = (s) => `PT${Number(s.toFixed(3))}S`

/**
 * Segment addressing: $Number$ with a SegmentTimeline in the live MPD (one <S> with a repeat count
 * covers the whole window), @duration in catch-up. A timeline rather than @duration for live
 * because players cap how many @duration segments they derive (Shaka: 1000, 32 min here), which
 * would silently shorten a 3 h timeshift window.
 */
function template({ kind, timescale, ticks, startNumber, pto, timeline }) {
  const attributes =
    `timescale="${timescale}" startNumber="${startNumber}"` +
    (pto ? ` presentationTimeOffset="${BigInt(pto) * BigInt(ticks)}"` : '') +
    ` initialization="init-${kind}.mp4" media="${kind}-$Number$.m4s"`
  if (!timeline) return `<SegmentTemplate ${attributes} duration="${ticks}"/>`
  const t = BigInt(startNumber) * BigInt(ticks)
  return (
    `<SegmentTemplate ${attributes}>\n        <SegmentTimeline><S t="${t}" d="${ticks}" ` +
    `r="${timeline - 1}"/></SegmentTimeline>\n      </SegmentTemplate>`
  )
}

function adaptationSets({ codecs, lang, startNumber, pto, timeline }) {
  const common = { startNumber, pto, timeline }
  return `    <AdaptationSet id="1" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="${VIDEO.width}" maxHeight="${VIDEO.height}" frameRate="${FPS}">
      ${template({ kind: 'v', ...VIDEO, ...common })}
      <Representation id="v" codecs="${codecs.videoCodec}" bandwidth="${VIDEO.kbps * 1200}" width="${VIDEO.width}" height="${VIDEO.height}" sar="1:1"/>
    </AdaptationSet>
    <AdaptationSet id="2" contentType="audio" mimeType="audio/mp4" lang="${lang}" segmentAlignment="true" startWithSAP="1">
      <Role schemeIdUri="urn:mpeg:dash:role:2011" value="main"/>
      ${template({ kind: 'a', ...AUDIO, ...common })}
      <Representation id="a" codecs="${codecs.audioCodec}" bandwidth="${AUDIO.kbps * 1100}" audioSamplingRate="48000">
        <AudioChannelConfiguration schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2"/>
      </Representation>
    </AdaptationSet>`
}

/**
 * The segments [first, end) of the live window at `nowMs`; with `endsAtS` (epoch s) none past
 * it, and `ended` once it has passed.
 */
export function liveWindow(nowMs, endsAtS) {
  const last = endsAtS === undefined ? Infinity : Math.floor(endsAtS / SEGMENT_SECONDS)
  const end = Math.min(newestSegment(nowMs) + 1, last)
  return {
    first: end - Math.floor(TIMESHIFT_SECONDS / SEGMENT_SECONDS),
    end,
    ended: end === last,
  }
}

/**
 * The dynamic MPD at `nowMs`: the window's segments in the timeline, so the player refreshes it
 * (minimumUpdatePeriod) to learn of new ones, as with a real packager. A broadcast that has ended
 * (`endsAtS`) is static with its duration, or with `endsAs` 'dynamic' says its duration while
 * staying dynamic; either way there is nothing more to refresh.
 */
export function liveMpd({ codecs, lang, nowMs, endsAtS, endsAs = 'static' }) {
  const { first, end, ended } = liveWindow(nowMs, endsAtS)
  const duration = seconds(end * SEGMENT_SECONDS)
  const type = ended && endsAs === 'static' ? 'static' : 'dynamic'
  const timing = ended ? `mediaPresentationDuration="${duration}"` : 'minimumUpdatePeriod="PT4S"'
  const period = ended ? ` duration="${duration}"` : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="${type}" availabilityStartTime="1970-01-01T00:00:00Z" publishTime="${iso(nowMs)}" ${timing} timeShiftBufferDepth="${seconds(TIMESHIFT_SECONDS)}" suggestedPresentationDelay="PT6S" maxSegmentDuration="${seconds(SEGMENT_SECONDS)}" minBufferTime="PT2S">
  <Period id="p0" start="PT0S"${period}>
${adaptationSets({ codecs, lang, startNumber: first, pto: 0, timeline: end - first })}
  </Period>
  <UTCTiming schemeIdUri="urn:mpeg:dash:utc:direct:2014" value="${new Date(nowMs).toISOString()}"/>
</MPD>
`
}

/**
 * A past window as segment numbers [first, end) covering [startS, endS], or why it cannot be
 * served: not over yet, older than 30 days, longer than CATCHUP_MAX_SECONDS, or malformed.
 */
export function catchupWindow(startS, endS, nowMs) {
  if (!Number.isFinite(startS) || !Number.isFinite(endS) || !(endS > startS)) {
    return { error: 'start and end must be epoch seconds with end after start' }
  }
  if (endS - startS > CATCHUP_MAX_SECONDS) return { error: 'window longer than 6 h' }
  const first = Math.floor(startS / SEGMENT_SECONDS)
  const end = Math.ceil(endS / SEGMENT_SECONDS)
  if (end - 1 > newestSegment(nowMs)) return { error: 'window not over yet: play live and restart' }
  if (first * SEGMENT_SECONDS * 1000 < nowMs - CATCHUP_DAYS * 86_400_000) {
    return { error: `window older than ${CATCHUP_DAYS} days` }
  }
  return { first, end }
}

export function catchupMpd({ codecs, lang, first, end }) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="${seconds((end - first) * SEGMENT_SECONDS)}" maxSegmentDuration="${seconds(SEGMENT_SECONDS)}" minBufferTime="PT2S">
  <Period id="c${first}" start="PT0S">
${adaptationSets({ codecs, lang, startNumber: first, pto: first, timeline: 0 })}
  </Period>
</MPD>
`
}

function hlsMaster({ codecs, lang, query }) {
  return `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="${lang}",NAME="${lang.toUpperCase()}",DEFAULT=YES,AUTOSELECT=YES,CHANNELS="2",URI="audio.m3u8${query}"
#EXT-X-STREAM-INF:BANDWIDTH=${(VIDEO.kbps + AUDIO.kbps) * 1200},RESOLUTION=${VIDEO.width}x${VIDEO.height},FRAME-RATE=${FPS}.000,CODECS="${codecs.videoCodec},${codecs.audioCodec}",AUDIO="audio"
video.m3u8${query}
`
}

/** `live` false: a VOD playlist; `ended`: a live one whose broadcast is over (ENDLIST). */
export function hlsMedia({ kind, first, end, live, ended = false }) {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-TARGETDURATION:2',
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    ...(live ? [] : ['#EXT-X-PLAYLIST-TYPE:VOD']),
    `#EXT-X-MAP:URI="init-${kind}.mp4"`,
    `#EXT-X-PROGRAM-DATE-TIME:${new Date(first * SEGMENT_SECONDS * 1000).toISOString()}`,
  ]
  for (let n = first; n < end; n++)
    lines.push(`#EXTINF:${SEGMENT_SECONDS.toFixed(3)},`, `${kind}-${n}.m4s`)
  if (!live || ended) lines.push('#EXT-X-ENDLIST')
  return lines.join('\n') + '\n'
}

/**
 * The request handler for /live/<channel>/...; `clock` gives the wall clock (fixed in tests).
 * Channels are the loop folders under `dir` with their marker.
 */
export function liveSimulator({ dir, clock = () => Date.now(), channels = LIVE_SIM_CHANNELS }) {
  const known = new Map(channels.map((c) => [c.id, c]))
  const codecCache = new Map()
  const codecsOf = async (id) => {
    if (!codecCache.has(id)) {
      const read = readFile(path.join(dir, id, 'codecs.json'), 'utf8').then(JSON.parse)
      read.catch(() => codecCache.delete(id))
      codecCache.set(id, read)
    }
    return codecCache.get(id)
  }

  const send = (req, res, status, type, body, cache = 'no-cache') => {
    res.statusCode = status
    res.setHeader('Content-Type', type)
    res.setHeader('Cache-Control', cache)
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.setHeader('Content-Length', Buffer.byteLength(body))
    res.end(req.method === 'HEAD' ? undefined : body)
  }
  const text = (req, res, status, message) =>
    send(req, res, status, 'text/plain; charset=utf-8', `${message}\n`)

  /** Answers a /live/ request; resolves false when the path is not the simulator's. */
  async function handle(req, res, url) {
    const match = /^\/live\/([a-z0-9-]+)\/([\w.-]+)$/.exec(url.pathname)
    if (!match) return false
    const [, id, file] = match
    const channel = known.get(id)
    if (!channel || !existsSync(path.join(dir, id, 'loop.json'))) {
      text(req, res, 404, `no live channel ${id} (run npm run assets)`)
      return true
    }
    const nowMs = clock()
    const codecs = await codecsOf(id)
    const q = url.searchParams
    const window = () => catchupWindow(Number(q.get('start')), Number(q.get('end')), nowMs)
    const endsAt = Number(q.get('endsAt') ?? NaN)
    const endsAtS = Number.isFinite(endsAt) ? endsAt : undefined
    const mpd = 'application/dash+xml'
    const m3u8 = 'application/vnd.apple.mpegurl'

    if (file === 'manifest.mpd') {
      const endsAs = q.get('endsAs') === 'dynamic' ? 'dynamic' : 'static'
      send(req, res, 200, mpd, liveMpd({ codecs, lang: channel.lang, nowMs, endsAtS, endsAs }))
    } else if (file === 'catchup.mpd' || file === 'catchup.m3u8') {
      const w = window()
      if (w.error) text(req, res, 400, w.error)
      else if (file === 'catchup.mpd')
        send(req, res, 200, mpd, catchupMpd({ codecs, lang: channel.lang, ...w }), 'max-age=3600')
      else send(req, res, 200, m3u8, hlsMaster({ codecs, lang: channel.lang, query: url.search }))
    } else if (file === 'master.m3u8') {
      send(req, res, 200, m3u8, hlsMaster({ codecs, lang: channel.lang, query: url.search }))
    } else if (file === 'video.m3u8' || file === 'audio.m3u8') {
      const kind = file[0]
      if (q.has('start')) {
        const w = window()
        if (w.error) text(req, res, 400, w.error)
        else send(req, res, 200, m3u8, hlsMedia({ kind, ...w, live: false }), 'max-age=3600')
      } else {
        send(req, res, 200, m3u8, hlsMedia({ kind, ...liveWindow(nowMs, endsAtS), live: true }))
      }
    } else if (file === 'init-v.mp4' || file === 'init-a.mp4') {
      const body = await readFile(path.join(dir, id, file))
      send(req, res, 200, 'video/mp4', body, 'public, max-age=86400')
    } else {
      const segment = /^([va])-(\d{1,12})\.m4s$/.exec(file)
      if (!segment) {
        text(req, res, 404, `no ${file} on ${id}`)
        return true
      }
      const n = Number(segment[2])
      const oldest = Math.floor((nowMs - CATCHUP_DAYS * 86_400_000) / 1000 / SEGMENT_SECONDS)
      if (n > newestSegment(nowMs) || n < oldest) {
        text(req, res, 404, `segment ${n} is not available (newest ${newestSegment(nowMs)})`)
        return true
      }
      const kind = segment[1]
      const loop = await readFile(path.join(dir, id, `${kind}-${n % LOOP_SEGMENTS}.m4s`))
      const body = segmentFor(loop, n, kind === 'v' ? VIDEO.ticks : AUDIO.ticks)
      send(req, res, 200, 'video/mp4', body, 'public, max-age=86400')
    }
    return true
  }
  return { handle }
}
