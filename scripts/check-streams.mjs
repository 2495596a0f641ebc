#!/usr/bin/env node
// Smoke check: Shaka Player in headless Chromium plays every sample stream (DASH and HLS),
// switches audio language, selects audio description where the content has it, and shows
// subtitles (TTML in DASH where the content has it); plays the progressive MP4 samples (src=)
// and shows each of their sidecar subtitle files. Exits non-zero on any failure.
//   node scripts/check-streams.mjs [--generate] [--root DIR] [--screenshots DIR] [url-path ...]
// Paths are relative to the served root (default: the repo), e.g. /media/streams/demo-a/manifest.mpd.
/* global document, shaka */
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import {
  PROGRESSIVE_CONTENTS,
  SAMPLE_CONTENTS,
  generateStreams,
  progressiveFiles,
} from './lib/streams.mjs'
import { createRequire } from 'node:module'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SHAKA = path.join(REPO, 'node_modules/shaka-player/dist/shaka-player.compiled.js')
// JSON through require: import attributes are newer than this project's eslint parser setting.
const chromiumSettings = createRequire(import.meta.url)('./lib/chromium.json')
const CHROMIUM = process.env.CHROMIUM_PATH || chromiumSettings.defaultPath
const OVERALL_TIMEOUT_MS = 180_000
const STEP_TIMEOUT_MS = 20_000

const MIME = {
  '.mpd': 'application/dash+xml',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.m4s': 'video/mp4',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'text/plain; charset=utf-8',
  '.ttml': 'application/ttml+xml; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>stream check</title>
<style>body{margin:0;background:#000}video{width:1280px;height:720px}</style>
<video muted playsinline></video>
<script src="/__shaka__.js"></script>`

function parseArgs(argv) {
  const options = { generate: false, root: REPO, screenshots: null, paths: [] }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--generate') options.generate = true
    else if (argv[i] === '--root') options.root = path.resolve(argv[++i] ?? '')
    else if (argv[i] === '--screenshots') options.screenshots = path.resolve(argv[++i] ?? '')
    else options.paths.push(argv[i])
  }
  if (!options.paths.length) {
    for (const { id } of SAMPLE_CONTENTS) {
      options.paths.push(`/media/streams/${id}/manifest.mpd`, `/media/streams/${id}/master.m3u8`)
    }
    for (const content of PROGRESSIVE_CONTENTS) {
      options.paths.push(`/media/streams/${content.id}/${progressiveFiles(content).video}`)
    }
  }
  return options
}

const SIDECAR_MIME_TYPES = { srt: 'text/srt', vtt: 'text/vtt', ttml: 'application/ttml+xml' }

/** A progressive sample's sidecar files, as URL paths next to the video. */
function sidecarsFor(urlPath) {
  const [, id] = /\/media\/streams\/([^/]+)\//.exec(urlPath) ?? []
  const content = PROGRESSIVE_CONTENTS.find((c) => c.id === id)
  if (!content) return []
  const base = urlPath.slice(0, urlPath.lastIndexOf('/') + 1)
  return progressiveFiles(content).subtitles.map((s) => ({
    path: base + s.file,
    language: s.lang,
    mimeType: SIDECAR_MIME_TYPES[s.format],
    cue: s.cue,
  }))
}

/**
 * What a sample content must offer, from its generator parameters; a path outside the samples is
 * held to the defaults (three heights, WebVTT, no audio description).
 */
function expectationsFor(urlPath) {
  const [, id] = /\/media\/streams\/([^/]+)\//.exec(urlPath) ?? []
  const content = SAMPLE_CONTENTS.find((c) => c.id === id) ?? {}
  const dashTtml = content.subtitleFormat === 'ttml' && urlPath.endsWith('.mpd')
  return {
    heights: content.renditions?.length ?? 3,
    audioDescription: Boolean(content.audioDescription),
    textMimeType: dashTtml ? 'application/ttml+xml' : 'text/vtt',
  }
}

/** Static files from the repo root, with byte ranges (Shaka fetches sidx/segments by range). */
function serve(root) {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost')
      if (url.pathname === '/__check__.html') {
        res.writeHead(200, { 'content-type': MIME['.html'] })
        return res.end(PAGE)
      }
      const file =
        url.pathname === '/__shaka__.js'
          ? SHAKA
          : path.join(root, path.normalize(decodeURIComponent(url.pathname)))
      if (file !== SHAKA && !file.startsWith(root + path.sep)) return res.writeHead(403).end()
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) return res.writeHead(404).end()
      const headers = {
        'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'accept-ranges': 'bytes',
        'cache-control': 'no-store',
      }
      let start = 0
      let end = info.size - 1
      const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '')
      if (range) {
        if (range[1]) start = Number(range[1])
        if (range[2]) end = range[1] ? Math.min(Number(range[2]), end) : info.size - 1
        if (!range[1] && range[2]) start = Math.max(0, info.size - Number(range[2]))
        if (start > end) {
          return res.writeHead(416, { 'content-range': `bytes */${info.size}` }).end()
        }
        headers['content-range'] = `bytes ${start}-${end}/${info.size}`
      }
      headers['content-length'] = end - start + 1
      res.writeHead(range ? 206 : 200, headers)
      if (req.method === 'HEAD') return res.end()
      createReadStream(file, { start, end }).pipe(res)
    } catch (error) {
      if (!res.headersSent) res.writeHead(500)
      res.end(String(error))
    }
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

/**
 * Runs inside the page. Shaka 5 removed the language-level helpers (getAudioLanguages,
 * selectAudioLanguage, getTextLanguages, selectTextLanguage, setTextTrackVisibility); the
 * check uses them when present and the track-level API otherwise, so it works on 4.x and 5.x.
 */
async function checkInPage({ url, stepTimeoutMs, expected }) {
  const result = { url, errors: [], steps: [] }
  const step = (name, ok, detail) => result.steps.push({ name, ok: Boolean(ok), detail })
  const waitFor = async (predicate, ms = stepTimeoutMs) => {
    const end = performance.now() + ms
    while (performance.now() < end) {
      if (predicate()) return true
      await new Promise((r) => setTimeout(r, 100))
    }
    return false
  }
  const video = document.querySelector('video')
  shaka.polyfill.installAll()
  const player = new shaka.Player()
  await player.attach(video)
  player.addEventListener('error', (e) =>
    result.errors.push(`${e.detail.code}: ${e.detail.message ?? ''}`),
  )

  const audioLanguages = () =>
    player.getAudioLanguages
      ? player.getAudioLanguages()
      : [...new Set(player.getAudioTracks().map((t) => t.language))]
  const selectAudio = (lang) =>
    player.selectAudioLanguage
      ? player.selectAudioLanguage(lang)
      : player.selectAudioTrack(player.getAudioTracks().find((t) => t.language === lang))
  const textLanguages = () =>
    player.getTextLanguages
      ? player.getTextLanguages()
      : [...new Set(player.getTextTracks().map((t) => t.language))]
  const showText = (lang) => {
    if (player.selectTextLanguage) {
      player.selectTextLanguage(lang)
      player.setTextTrackVisibility(true)
    } else {
      player.selectTextTrack(player.getTextTracks().find((t) => t.language === lang))
    }
  }
  const shownCues = () =>
    [...video.textTracks]
      .filter((t) => t.mode === 'showing')
      // Shaka renders TTML styling as WebVTT class spans: compare the words only.
      .flatMap((t) => [...(t.activeCues ?? [])].map((c) => c.text.replace(/<[^>]*>/g, '')))

  const t0 = performance.now()
  video.requestVideoFrameCallback(() => (result.firstFrameMs = Math.round(performance.now() - t0)))
  try {
    await player.load(url)
  } catch (error) {
    result.errors.push(`load: ${error.code}: ${error.message ?? ''}`)
    return result
  }
  result.loadMs = Math.round(performance.now() - t0)
  await video.play().catch((error) => result.errors.push(`play: ${error.message}`))

  step(
    'currentTime passes 3 s',
    await waitFor(() => video.currentTime > 3),
    video.currentTime.toFixed(2),
  )
  const heights = [...new Set(player.getVariantTracks().map((t) => t.height))].sort((a, b) => a - b)
  step(
    `at least ${expected.heights} video heights`,
    heights.length >= expected.heights,
    heights.join(','),
  )

  const audio = audioLanguages()
  step('audio languages fr + nl', audio.includes('fr') && audio.includes('nl'), audio.join(','))
  // A switch counts when Shaka reports it and the picture still moves after it.
  const switchStep = async (name, switched) => {
    const done = await waitFor(switched)
    const at = video.currentTime
    const moving = await waitFor(() => video.currentTime > at + 1)
    step(name, done && moving, video.currentTime.toFixed(2))
  }
  selectAudio('nl')
  await switchStep(
    'audio switches to nl and keeps playing',
    () => player.getVariantTracks().find((t) => t.active)?.language === 'nl',
  )

  if (expected.audioDescription) {
    // Shaka reads the DASH role and DVB purpose, and HLS's describes-video characteristic.
    const described = (t) =>
      t.roles.includes('description') || t.accessibilityPurpose === 'visually impaired'
    const ad = player.getAudioTracks().find(described)
    step('audio description track', ad?.language === 'fr', ad ? ad.label : 'none')
    if (ad) player.selectAudioTrack(ad)
    await switchStep('audio switches to description and keeps playing', () =>
      player.getAudioTracks().some((t) => t.active && described(t)),
    )
  }

  const text = textLanguages()
  step('text languages fr + nl', text.includes('fr') && text.includes('nl'), text.join(','))
  showText('fr')
  const active = await waitFor(
    () => player.getTextTracks().find((t) => t.active)?.language === 'fr',
  )
  step(
    'fr text track active',
    active,
    player.getTextTracks().find((t) => t.active)?.language ?? 'none',
  )
  // Cue text carries its own start time: it must be on screen near that playhead position.
  const mimeType = player.getTextTracks().find((t) => t.active)?.mimeType
  step(`fr text is ${expected.textMimeType}`, mimeType === expected.textMimeType, mimeType)
  // TTML cues say so, which proves the TTML parser produced what is on screen.
  const prefix =
    expected.textMimeType === 'application/ttml+xml' ? 'Sous-titre FR TTML' : 'Sous-titre FR'
  const cueShown = await waitFor(() => shownCues().some((c) => c.startsWith(prefix)))
  const cue = shownCues().find((c) => c.startsWith(prefix)) ?? ''
  const [, mm, ss] = /(\d\d):(\d\d)/.exec(cue) ?? []
  const drift = mm === undefined ? NaN : video.currentTime - (Number(mm) * 60 + Number(ss))
  step(
    'fr cue shown in time',
    cueShown && drift >= -0.5 && drift <= 3.5,
    `"${cue.split('\n')[0]}" at ${video.currentTime.toFixed(2)}`,
  )

  result.variant = player.getVariantTracks().find((t) => t.active)?.height
  result.stats = { estimatedBandwidth: Math.round(player.getStats().estimatedBandwidth) }
  return result
}

/**
 * Runs inside the page, for a progressive file: Shaka plays it through the element (src=), each
 * sidecar file is added as a text track, and its cues show in time.
 */
async function checkProgressiveInPage({ url, origin, stepTimeoutMs, sidecars }) {
  const result = { url, errors: [], steps: [] }
  const step = (name, ok, detail) => result.steps.push({ name, ok: Boolean(ok), detail })
  const waitFor = async (predicate, ms = stepTimeoutMs) => {
    const end = performance.now() + ms
    while (performance.now() < end) {
      if (predicate()) return true
      await new Promise((r) => setTimeout(r, 100))
    }
    return false
  }
  const video = document.querySelector('video')
  shaka.polyfill.installAll()
  const player = new shaka.Player()
  await player.attach(video)
  player.addEventListener('error', (e) =>
    result.errors.push(`${e.detail.code}: ${e.detail.message ?? ''}`),
  )
  const t0 = performance.now()
  video.requestVideoFrameCallback(() => (result.firstFrameMs = Math.round(performance.now() - t0)))
  try {
    await player.load(url, null, 'video/mp4')
  } catch (error) {
    result.errors.push(`load: ${error.code}: ${error.message ?? ''}`)
    return result
  }
  result.loadMs = Math.round(performance.now() - t0)
  step('played through src=', player.getLoadMode() === shaka.Player.LoadMode.SRC_EQUALS, '')
  await video.play().catch((error) => result.errors.push(`play: ${error.message}`))
  step(
    'currentTime passes 3 s',
    await waitFor(() => video.currentTime > 3),
    video.currentTime.toFixed(2),
  )
  for (const sidecar of sidecars) {
    try {
      await player.addTextTrackAsync(
        origin + sidecar.path,
        sidecar.language,
        'subtitles',
        sidecar.mimeType,
      )
    } catch (error) {
      result.errors.push(`addTextTrackAsync ${sidecar.path}: ${error.code}`)
    }
  }
  const languages = player.getTextTracks().map((t) => t.language)
  step(
    `text languages ${sidecars.map((s) => s.language).join(' + ')}`,
    sidecars.every((s) => languages.includes(s.language)),
    languages.join(','),
  )
  const shownCues = () =>
    [...video.textTracks]
      .filter((t) => t.mode === 'showing')
      .flatMap((t) => [...(t.activeCues ?? [])].map((c) => c.text))
  for (const sidecar of sidecars) {
    player.selectTextTrack(player.getTextTracks().find((t) => t.language === sidecar.language))
    const shown = await waitFor(() => shownCues().some((c) => c.startsWith(sidecar.cue)))
    const cue = shownCues().find((c) => c.startsWith(sidecar.cue)) ?? ''
    const [, mm, ss] = /(\d\d):(\d\d)/.exec(cue) ?? []
    const drift = mm === undefined ? NaN : video.currentTime - (Number(mm) * 60 + Number(ss))
    step(
      `${sidecar.language} cue (${sidecar.mimeType}) shown in time`,
      shown && drift >= -0.5 && drift <= 4.5,
      `"${cue.split('\n')[0]}" at ${video.currentTime.toFixed(2)}`,
    )
  }
  result.variant = video.videoHeight
  return result
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.generate)
    await generateStreams({ outDir: path.join(REPO, 'media/streams'), log: console.log })
  const missing = options.paths.filter((p) => !existsSync(path.join(options.root, p)))
  if (missing.length) {
    throw new Error(
      `missing ${missing.join(', ')}: run "node scripts/assets.mjs" (or pass --generate)`,
    )
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`)
  if (options.screenshots) await mkdir(options.screenshots, { recursive: true })

  const server = await serve(options.root)
  let browser
  const guard = setTimeout(() => {
    console.error(`check-streams: timed out after ${OVERALL_TIMEOUT_MS / 1000}s`)
    browser?.close().catch(() => {})
    server.close()
    process.exit(1)
  }, OVERALL_TIMEOUT_MS)
  guard.unref()
  let failures = 0
  try {
    const origin = `http://127.0.0.1:${server.address().port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumSettings.flags,
    })
    for (const urlPath of options.paths) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
      const pageErrors = []
      page.on('pageerror', (error) => pageErrors.push(error.message))
      await page.goto(`${origin}/__check__.html`)
      const result = urlPath.endsWith('.mp4')
        ? await page.evaluate(checkProgressiveInPage, {
            url: origin + urlPath,
            origin,
            stepTimeoutMs: STEP_TIMEOUT_MS,
            sidecars: sidecarsFor(urlPath),
          })
        : await page.evaluate(checkInPage, {
            url: origin + urlPath,
            stepTimeoutMs: STEP_TIMEOUT_MS,
            expected: expectationsFor(urlPath),
          })
      result.errors.push(...pageErrors)
      if (options.screenshots) {
        const name = urlPath.replace(/^\/media\/streams\//, '').replace(/[^a-z0-9.-]+/gi, '_')
        await page.screenshot({ path: path.join(options.screenshots, `${name}.png`) })
      }
      await page.close()
      const ok = !result.errors.length && result.steps.length > 0 && result.steps.every((s) => s.ok)
      if (!ok) failures++
      const timing = `load ${result.loadMs ?? '-'} ms, first frame ${result.firstFrameMs ?? '-'} ms`
      console.log(
        `${ok ? 'PASS' : 'FAIL'} ${urlPath} (${timing}, playing ${result.variant ?? '-'}p)`,
      )
      for (const s of result.steps) console.log(`  ${s.ok ? 'ok ' : 'NOK'} ${s.name}: ${s.detail}`)
      for (const e of result.errors) console.log(`  error ${e}`)
    }
  } finally {
    clearTimeout(guard)
    await browser?.close()
    await new Promise((resolve) => server.close(resolve))
  }
  if (failures) throw new Error(`${failures} of ${options.paths.length} streams failed`)
  console.log(`check-streams: all ${options.paths.length} streams play`)
}

main().catch((error) => {
  console.error(`check-streams: ${error.message}`)
  process.exitCode = 1
})
