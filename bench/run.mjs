#!/usr/bin/env node
// `npm run bench`: builds the production app, serves it on 127.0.0.1, drives headless Chromium
// with the CPU throttled (default x4) and reports start, remote, memory, playback and scale
// figures as a table, JSON and Markdown in bench/results/. `--soak 30m` runs the soak instead.
// It reports; it does not judge: the exit code is 0 whatever the figures, non-zero only when the
// benchmark itself cannot run (no Chromium, the app does not build or boot).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { measurePeerKeys, measurePeerStart, peerHeap, peerTarget } from './lib/peer.mjs'
import { startServer } from '../scripts/lib/server.mjs'
import { parseArgs, USAGE, UsageError } from './lib/args.mjs'
import {
  BenchSetupError,
  chromiumPath,
  chromiumVersion,
  launchBrowser,
  openSession,
} from './lib/browser.mjs'
import {
  buildProduction,
  bundleSizes,
  checkBuild,
  ensureAssets,
  makeVariant,
  productionDir,
} from './lib/build.mjs'
import { measureZaps } from './lib/live.mjs'
import { liveChannelLocks, zapStart } from './lib/liveChannels.mjs'
import { measureLongPlayback } from './lib/longPlayback.mjs'
import { cpuAccount, gitInfo, machineInfo, otherCpuShare } from './lib/machine.mjs'
import { longFilmManifest, mediaView } from './lib/media.mjs'
import {
  comparisonTable,
  describeMeta,
  markdownReport,
  summariseFigures,
  textTable,
} from './lib/report.mjs'
import {
  AppBootError,
  AppError,
  measureGuide,
  measureHold,
  measureKeys,
  measurePlayback,
  measureStart,
  memoryReading,
  navigate,
  routeManyChannels,
} from './lib/scenarios.mjs'
import { embeddedScaleVariant, scaleVariant } from './lib/scale.mjs'
import { measureSearch } from './lib/search.mjs'
import { runSoak } from './lib/soak.mjs'
import { runFilmMemory } from './lib/filmMemory.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const WORK = path.join(ROOT, 'bench/.work')
const log = (line) => console.log(line)
const KB = (bytes) => (bytes === null || bytes === undefined ? null : bytes / 1000)
const MB = (bytes) => (bytes === null || bytes === undefined ? null : bytes / 1e6)

const cleanups = []
async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop()
    await fn().catch(() => {})
  }
}

function stamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
}

async function prepare(options) {
  const version = chromiumVersion()
  if (!version) {
    throw new BenchSetupError(
      `Chromium not found or not runnable at ${chromiumPath()}.\n` +
        '  Install it with: sudo apt-get install chromium   (Debian/Ubuntu)\n' +
        '  or set CHROMIUM_PATH to a Chromium/Chrome binary. The benchmark never downloads a browser.',
    )
  }
  const appDir = productionDir(WORK, options.target)
  if (options.skipBuild) {
    await checkBuild(appDir)
    log(`build: reusing ${path.relative(ROOT, appDir)} (--skip-build)`)
  } else {
    await ensureAssets({ root: ROOT, log: (l) => log(`build: ${l}`) })
    await buildProduction({
      root: ROOT,
      workDir: WORK,
      target: options.target,
      log: (l) => log(`build: ${l}`),
    })
  }
  const baseCatalogue = JSON.parse(
    await readFile(path.join(appDir, 'static/catalogue/titles.json'), 'utf8'),
  )
  // A film for all ages, so no parental PIN stands between Play and the first frame at any hour.
  const playable = baseCatalogue.titles.filter(
    (t) => t.kind === 'film' && t.stream?.dash && t.stream?.hls,
  )
  const film = playable.find((t) => t.rating?.csa === 'TP') ?? playable[0]
  const mediaDir = await mediaView({ root: ROOT, workDir: WORK })
  const variants = { base: appDir }
  if (options.playback && !options.soak) {
    variants.hls = (
      await makeVariant({
        baseDir: appDir,
        dir: path.join(WORK, 'variants/hls'),
        appSettings: { player: { preferredFormat: 'hls' } },
      })
    ).dir
  }
  let longFilm = null
  if (options.longPlayMs && film && !options.soak) {
    // The sample film repeated to outlast the readings: one long film in one player session.
    const manifest = await longFilmManifest({
      mediaDir,
      manifest: film.stream.dash,
      minSeconds: options.longPlayMs / 1000 + 120,
    })
    const catalogue = structuredClone(baseCatalogue)
    catalogue.titles.find((t) => t.id === film.id).stream = { dash: manifest.url }
    longFilm = { id: film.id, url: manifest.url, seconds: manifest.seconds }
    variants.long = (
      await makeVariant({
        baseDir: appDir,
        dir: path.join(WORK, 'variants/long-playback'),
        catalogue: JSON.stringify(catalogue),
      })
    ).dir
  }
  let scale = null
  if (options.weakEs5 && !options.soak) {
    // The package for engines without ES2015, measured at the weak-box throttle: old boxes run it.
    const es5Dir = productionDir(WORK, 'es5')
    if (options.skipBuild) await checkBuild(es5Dir)
    else
      await buildProduction({
        root: ROOT,
        workDir: WORK,
        target: 'es5',
        log: (l) => log(`build: ${l}`),
      })
    variants.weakEs5 = (
      await makeVariant({
        baseDir: es5Dir,
        dir: path.join(WORK, 'variants/weakEs5'),
        appSettings: { lite: { mode: 'off' } },
      })
    ).dir
  }
  if (options.weak && !options.soak) {
    // The weak-box pair: the operator's own switch, so the CPU probe cannot pick for them.
    for (const [name, mode] of [
      ...(options.weakNormal ? [['weakFull', 'off']] : []),
      ['weakLite', 'on'],
    ]) {
      variants[name] = (
        await makeVariant({
          baseDir: appDir,
          dir: path.join(WORK, `variants/${name}`),
          appSettings: { lite: { mode } },
        })
      ).dir
    }
  }
  let scaleEmbedded = null
  if (options.scale && !options.soak) {
    scale = await scaleVariant({
      count: options.scaleCount,
      pageSize: options.scalePageSize,
      baseCatalogue,
      appDir,
      mediaDir,
      workDir: WORK,
    })
    cleanups.push(() => scale.server.close())
    variants.scale = scale.dir
    // The same number of titles as the embedded catalogue, split into pages as a release is.
    scaleEmbedded = await embeddedScaleVariant({
      count: options.scaleCount,
      baseCatalogue,
      appDir,
      workDir: WORK,
    })
    variants.scaleEmbedded = scaleEmbedded.dir
  }
  let peer = null
  if (options.peer && !options.soak) {
    peer = await peerTarget(options.peer, mediaDir)
    cleanups.push(() => peer.close())
  }
  const servers = {}
  for (const [name, dir] of Object.entries(variants)) {
    const server = await startServer({ buildDir: dir, mediaDir })
    cleanups.push(() => server.close())
    servers[name] = server.url
  }
  return {
    appDir,
    baseCatalogue,
    film,
    servers,
    mediaDir,
    longFilm,
    scaleTitles: scale?.titles ?? null,
    scaleRails: scale?.rails ?? null,
    scaleCatalogueUrl: scale?.server.url ?? null,
    scaleEmbeddedSplit: scaleEmbedded?.split ?? null,
    chromium: version,
    peer,
  }
}

function add(values, id, value) {
  ;(values[id] ??= []).push(value ?? null)
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)}s`

/**
 * One session: start, memory baseline, key presses, held key and, when `navMs` is set, the
 * scripted navigation and the memory figures after it.
 */
async function browseSession(
  env,
  url,
  prefix,
  { navMs, bootTimeoutMs, cpu = env.options.cpu, search: withSearch = true },
  values,
  warnings,
  label,
) {
  const { options } = env
  const session = await openSession({ ...env.browser, cpu })
  try {
    let t = Date.now()
    const start = await measureStart(session, url, {
      bootTimeoutMs,
      artworkTimeoutMs: bootTimeoutMs / 2,
    })
    log(`  ${label}: start (${seconds(t)})`)
    if (start.artworkMissing) {
      warnings.add(
        `${label}: home never reported its artwork as drawn (homeArtwork mark missing)${start.consoleErrors.length ? `; console: ${start.consoleErrors[0]}` : ''}`,
      )
    }
    if (start.catalogueSkipped)
      warnings.add(`${label}: the app skipped ${start.catalogueSkipped} catalogue items`)
    add(values, `${prefix}start.firstPaint`, start.firstPaint)
    add(values, `${prefix}start.homeContent`, start.homeContent)
    add(values, `${prefix}start.homeArtwork`, start.homeArtwork)
    add(values, `${prefix}start.homeVisual`, start.homeVisual)
    add(values, `${prefix}start.transferKB`, KB(start.transferBytes))
    add(values, `${prefix}start.requests`, start.requests)
    add(values, `${prefix}start.fillScreens`, start.fillScreens)
    const memStart = await memoryReading(session)
    add(values, `${prefix}memory.heapStart`, MB(memStart.heap))
    add(values, `${prefix}memory.textureStart`, MB(memStart.texture))

    t = Date.now()
    const keys = await measureKeys(session, options.presses)
    log(`  ${label}: ${keys.counted} key presses timed (${seconds(t)})`)
    if (keys.counted < options.presses)
      warnings.add(
        `${label}: only ${keys.counted} of ${options.presses} presses moved the focus and were timed`,
      )
    if (keys.unsettled)
      warnings.add(`${label}: ${keys.unsettled} presses were made before the app had settled`)
    add(values, `${prefix}remote.keyToFrame.median`, keys.median)
    add(values, `${prefix}remote.keyToFrame.p90`, keys.p90)
    add(values, `${prefix}remote.keyToFrame.first`, keys.first)
    add(values, `${prefix}remote.keyToFrame.max`, keys.max)

    t = Date.now()
    const hold = await measureHold(session, options.holdMs)
    log(`  ${label}: key held ${options.holdMs / 1000}s, ${hold.frames} frames (${seconds(t)})`)
    add(values, `${prefix}remote.frameJs.p95`, hold.p95)
    add(values, `${prefix}remote.frameJs.median`, hold.median)
    add(values, `${prefix}remote.holdFps`, hold.fps)

    // "Les Géants" typed without its accent; at 10,000 titles "g" alone matches thousands.
    let search = null
    t = Date.now()
    if (withSearch)
      try {
        search = await measureSearch(session, {
          query: options.smoke ? 'gea' : 'geants',
          rounds: options.smoke ? 1 : 3,
        })
        log(`  ${label}: search, ${search.presses.length} letters typed (${seconds(t)})`)
        add(values, `${prefix}search.queryToResults.median`, search.queryToResults.median)
        add(values, `${prefix}search.queryToResults.p90`, search.queryToResults.p90)
        add(values, `${prefix}search.keyToResults.median`, search.keyToResults.median)
        add(values, `${prefix}search.backend.median`, search.backend.median)
        add(values, `${prefix}search.answerToResults.median`, search.answerToResults.median)
        if (search.failed) warnings.add(`${label}: ${search.failed} searches failed`)
      } catch (error) {
        warnings.add(`${label}: search not measured: ${error.message.split('\n')[0]}`)
      }

    let nav = null
    let memEnd = null
    if (navMs) {
      t = Date.now()
      nav = await navigate(session, navMs)
      memEnd = await memoryReading(session)
      log(`  ${label}: navigation, ${nav.details} details pages, ${nav.keys} keys (${seconds(t)})`)
      add(values, `${prefix}memory.heapAfterNav`, MB(memEnd.heap))
      add(
        values,
        `${prefix}memory.heapGrowthPct`,
        memStart.heap ? ((memEnd.heap - memStart.heap) / memStart.heap) * 100 : null,
      )
      add(values, `${prefix}memory.textureAfterNav`, MB(memEnd.texture))
      add(values, `${prefix}memory.renderer`, MB(memEnd.renderer))
      add(values, `${prefix}memory.gpu`, MB(memEnd.gpu))
    }
    if (session.backFailures)
      warnings.add(
        `${label}: Back did not return to home ${session.backFailures} time(s); went home by deep link`,
      )
    const { requestList, consoleErrors, ...startRest } = start
    const catalogueTitlesAtEnd = await session.page
      .evaluate(() => window.__belgica?.snapshot().catalogue.titles ?? null)
      .catch(() => null)
    return {
      start: startRest,
      catalogueTitlesAtEnd,
      startRequests: requestList,
      memStart,
      keys,
      hold,
      search,
      nav,
      memEnd,
      consoleErrors,
    }
  } finally {
    noteErrors(label, session.consoleErrors, warnings)
    await session.close()
  }
}

/** The peer app, black-box: start, key presses, JS heap (bench/lib/peer.mjs). */
async function peerSession(env, values, warnings) {
  const { options, prepared } = env
  const session = await openSession({ ...env.browser, cpu: options.cpu })
  try {
    let t = Date.now()
    const start = await measurePeerStart(session, prepared.peer.url)
    log(`  peer: start (${seconds(t)})`)
    if (start.neverSettled) warnings.add('peer: its screen never stopped changing for 3 s')
    add(values, 'peer.start.firstPaint', start.firstPaint)
    add(values, 'peer.start.homeVisual', start.homeVisual)
    add(values, 'peer.start.transferKB', KB(start.transferBytes))
    const heap = await peerHeap(session)
    add(values, 'peer.memory.heapStart', MB(heap))
    t = Date.now()
    const keys = await measurePeerKeys(session, options.presses)
    log(`  peer: ${keys.counted} key presses timed (${seconds(t)})`)
    add(values, 'peer.remote.keyToFrame.median', keys.median)
    add(values, 'peer.remote.keyToFrame.first', keys.first)
    return { start, heap, keys }
  } finally {
    noteErrors('peer', session.consoleErrors, warnings)
    await session.close()
  }
}

async function playbackSession(env, format, values, warnings, { warm }) {
  const session = await openSession({ ...env.browser, cpu: env.options.cpu })
  try {
    const t = Date.now()
    const url = env.prepared.servers[format === 'dash' ? 'base' : 'hls']
    const result = await measurePlayback(session, url, env.prepared.film.id, { warm })
    log(`  playback ${format.toUpperCase()} (${seconds(t)})`)
    const expected = format === 'dash' ? /\.mpd(\?|$)/ : /\.m3u8(\?|$)/
    if (!expected.test(result.url ?? ''))
      warnings.add(
        `playback ${format}: the player opened ${result.url}, not a ${format.toUpperCase()} manifest`,
      )
    add(values, `playback.${format}.cold`, result.cold)
    if (warm) add(values, `playback.${format}.warm`, result.warm)
    if (format === 'dash') add(values, 'playback.dash.coldTransferKB', KB(result.coldTransferBytes))
    if (result.backProblem) warnings.add(`playback ${format}: ${result.backProblem}`)
    return result
  } finally {
    noteErrors(`playback ${format}`, session.consoleErrors, warnings)
    await session.close()
  }
}

/**
 * Zaps along the build's live list, played by the project's live simulator (scripts/lib/live-sim.mjs,
 * served by the same server from pre-encoded loops: no encoding runs during the measure), from
 * the first channel whose next ones stay open without a PIN at this hour (liveChannels.mjs).
 */
async function liveSession(env, values, warnings) {
  const locks = await liveChannelLocks(env.prepared.appDir)
  const channels = locks.map((channel) => channel.id)
  const plan = zapStart(
    channels,
    locks.map((channel) => channel.open),
    env.options.zaps,
  )
  if (!plan || plan.zaps === 0)
    throw new AppError(
      `no two channels in a row are open without a PIN at this hour (${locks.map((c) => `${c.id} ${c.open ? 'open' : 'PIN'}`).join(', ')})`,
    )
  if (plan.zaps < env.options.zaps)
    warnings.add(
      `live: ${plan.zaps} of ${env.options.zaps} zaps timed, the next channels ask for the PIN at this hour`,
    )
  const session = await openSession({ ...env.browser, cpu: env.options.cpu })
  try {
    const t = Date.now()
    const result = await measureZaps(session, env.prepared.servers.base, {
      channels,
      first: channels[plan.start],
      zaps: plan.zaps,
    })
    log(`  live: ${result.zaps.length} zaps (${seconds(t)})`)
    add(values, 'playback.live.zapMedian', result.median)
    if (result.problem) warnings.add(`live: ${result.problem}`)
    return result
  } finally {
    noteErrors('live', session.consoleErrors, warnings)
    await session.close()
  }
}

/**
 * The programme guide with the operator's channels and with 100: time to open it with the Guide
 * key, and JS per frame while channels and programmes scroll (only visible rows exist, so 100
 * channels should cost what 8 do).
 */
async function guideSession(env, url, channels, values, warnings) {
  const session = await openSession({ ...env.browser, cpu: env.options.cpu })
  try {
    const t = Date.now()
    if (channels) await routeManyChannels(session, channels)
    await measureStart(session, url, { visual: false })
    const result = await measureGuide(session, { holdMs: env.options.holdMs })
    const id = `guide.${channels ? channels : 'operator'}`
    log(
      `  guide (${result.channels} channels): open ${result.openMs.toFixed(0)} ms, frame JS p95 ${result.p95.toFixed(1)} ms over ${result.frames} frames, ${result.rows} rows / ${result.cells} cells drawn (${seconds(t)})`,
    )
    add(values, `${id}.openMs`, result.openMs)
    add(values, `${id}.frameJsP95`, result.p95)
    return result
  } finally {
    noteErrors('guide', session.consoleErrors, warnings)
    await session.close()
  }
}

async function longPlaybackSession(env, values, warnings) {
  const { options, prepared } = env
  const session = await openSession({ ...env.browser, cpu: options.cpu })
  try {
    const t = Date.now()
    log(
      `  long playback: ${prepared.longFilm.id} for ${options.longPlayMs / 1000}s (film of ${prepared.longFilm.seconds}s)`,
    )
    const result = await measureLongPlayback(session, prepared.servers.long, prepared.longFilm.id, {
      earlyMs: options.longPlayEarlyMs,
      lateMs: options.longPlayMs,
      log,
    })
    log(`  long playback (${seconds(t)})`)
    add(values, 'playback.long.heapEarly', MB(result.early.heap))
    add(values, 'playback.long.heapLate', MB(result.late.heap))
    add(values, 'playback.long.heapGrowthPct', result.heapGrowthPct)
    add(values, 'playback.long.textureEarly', MB(result.early.texture))
    add(values, 'playback.long.textureLate', MB(result.late.texture))
    add(values, 'playback.long.renderer', MB(result.late.renderer))
    for (const problem of result.problems) warnings.add(`long playback: ${problem}`)
    return result
  } finally {
    noteErrors('long playback', session.consoleErrors, warnings)
    await session.close()
  }
}

/** Page errors and failed phases are reported as warnings; only a failed boot stops the run. */
function noteErrors(label, errors, warnings) {
  for (const error of new Set(errors.filter((e) => e.startsWith('pageerror:'))))
    warnings.add(`${label}: ${error}`)
}

async function guarded(label, warnings, fn) {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof AppBootError || error instanceof BenchSetupError) throw error
    warnings.add(`${label}: not measured: ${error.message.split('\n')[0]}`)
    return null
  }
}

async function runOnce(env, index, values, warnings) {
  const { options, prepared } = env
  const raw = {}
  log(`run ${index + 1}/${options.runs}`)
  const memoryRun = index < options.memoryRuns
  raw.base = await guarded('catalogue', warnings, () =>
    browseSession(
      env,
      prepared.servers.base,
      '',
      { navMs: memoryRun ? options.navMs : 0, bootTimeoutMs: 60_000 },
      values,
      warnings,
      'catalogue',
    ),
  )
  if (prepared.peer) {
    raw.peer = await guarded('peer', warnings, () => peerSession(env, values, warnings))
    // Ratios per run, this app over the peer measured beside it: below 1 is faster or smaller.
    const ratio = (ours, theirs) => (ours > 0 && theirs > 0 ? ours / theirs : null)
    if (raw.base && raw.peer) {
      add(
        values,
        'ratio.start.homeVisual',
        ratio(raw.base.start.homeVisual, raw.peer.start.homeVisual),
      )
      add(
        values,
        'ratio.start.firstPaint',
        ratio(raw.base.start.firstPaint, raw.peer.start.firstPaint),
      )
      add(
        values,
        'ratio.start.transfer',
        ratio(raw.base.start.transferBytes, raw.peer.start.transferBytes),
      )
      add(
        values,
        'ratio.remote.keyToFrame.median',
        ratio(raw.base.keys.median, raw.peer.keys.median),
      )
      add(values, 'ratio.remote.keyToFrame.first', ratio(raw.base.keys.first, raw.peer.keys.first))
      add(values, 'ratio.memory.heapStart', ratio(raw.base.memStart.heap, raw.peer.heap))
    }
  }
  raw.guide = await guarded('guide', warnings, () =>
    guideSession(env, prepared.servers.base, 0, values, warnings),
  )
  if (options.guide100)
    raw.guide100 = await guarded('guide 100 channels', warnings, () =>
      guideSession(env, prepared.servers.base, 100, values, warnings),
    )
  if (options.playback) {
    if (!prepared.film)
      warnings.add('playback: no film with both DASH and HLS streams in the catalogue')
    else {
      raw.dash = await guarded('playback dash', warnings, () =>
        playbackSession(env, 'dash', values, warnings, { warm: !options.smoke }),
      )
      if (!options.smoke)
        raw.hls = await guarded('playback hls', warnings, () =>
          playbackSession(env, 'hls', values, warnings, { warm: true }),
        )
    }
    if (options.live)
      raw.live = await guarded('live', warnings, () => liveSession(env, values, warnings))
    if (prepared.longFilm && memoryRun)
      raw.long = await guarded('long playback', warnings, () =>
        longPlaybackSession(env, values, warnings),
      )
  }
  if (options.weak) {
    for (const [key, prefix, mode] of [
      ...(options.weakNormal ? [['weakFull', 'weak.full.', 'normal']] : []),
      ['weakLite', 'weak.lite.', 'lite'],
      ...(prepared.servers.weakEs5 ? [['weakEs5', 'weak.es5.', 'normal, es5 package']] : []),
    ]) {
      const label = `weak box x${options.weakCpu}, ${mode} mode`
      raw[key] = await guarded(label, warnings, () =>
        browseSession(
          env,
          prepared.servers[key],
          prefix,
          { navMs: 0, bootTimeoutMs: 120_000, cpu: options.weakCpu, search: false },
          values,
          warnings,
          label,
        ),
      )
    }
  }
  if (options.scale) {
    const label = `scale ${prepared.scaleTitles}`
    raw.scale = await guarded(label, warnings, () =>
      browseSession(
        env,
        prepared.servers.scale,
        'scale.',
        { navMs: memoryRun ? options.scaleNavMs : 0, bootTimeoutMs: 180_000 },
        values,
        warnings,
        label,
      ),
    )
    // Over HTTP the app may hold only the rails' first pages at start: what it has is reported.
    if (raw.scale) {
      log(
        `  ${label}: the app held ${raw.scale.start.catalogueTitles} titles when home was drawn, ${raw.scale.catalogueTitlesAtEnd ?? '?'} at the end`,
      )
    }
    raw.scaleEmbedded = await scaleEmbeddedSession(env, raw.base, values, warnings)
  }
  return raw
}

/**
 * The scale catalogue shipped as the embedded one (split into pages): start, heap, keys and, in
 * full runs, search; its heap after start over the base catalogue's, against the 1.5 x budget.
 */
async function scaleEmbeddedSession(env, base, values, warnings) {
  const { options, prepared } = env
  const label = `scale ${prepared.scaleTitles} embedded`
  const raw = await guarded(label, warnings, () =>
    browseSession(
      env,
      prepared.servers.scaleEmbedded,
      'scale.embedded.',
      { navMs: 0, bootTimeoutMs: 180_000, search: !options.smoke },
      values,
      warnings,
      label,
    ),
  )
  const ratio = raw && base?.memStart.heap ? raw.memStart.heap / base.memStart.heap : null
  add(values, 'scale.embedded.memory.heapRatio', ratio)
  if (raw) {
    log(
      `  ${label}: held ${raw.start.catalogueTitles} titles at start; JS heap ${MB(raw.memStart.heap).toFixed(1)} MB` +
        (ratio === null ? '' : `, x${ratio.toFixed(2)} the base catalogue's (budget x1.5)`),
    )
  }
  return raw
}

async function writeResults(outDir, name, result, markdown) {
  await mkdir(outDir, { recursive: true })
  const json = JSON.stringify(result, null, 2) + '\n'
  for (const base of [name, name.startsWith('soak') ? 'soak-latest' : 'latest']) {
    await writeFile(path.join(outDir, `${base}.json`), json)
    await writeFile(path.join(outDir, `${base}.md`), markdown)
  }
  return [path.join(outDir, `${name}.json`), path.join(outDir, `${name}.md`)]
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.help) {
    console.log(USAGE)
    return
  }
  const startedAt = new Date()
  const outDir = path.resolve(options.out ?? path.join(ROOT, 'bench/results'))
  if (options.filmMemory) {
    await runFilmMemory({ root: ROOT, workDir: WORK, options, outDir, log, cleanups })
    return
  }
  const watchdogMs = options.soak
    ? options.soak + 20 * 60_000
    : (options.smoke ? 10 * 60_000 : 60 * 60_000) + options.longPlayMs
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${watchdogMs / 60_000} minutes; giving up`)
    cleanup().finally(() => process.exit(1))
  }, watchdogMs)
  watchdog.unref()

  const prepared = await prepare(options)
  const browser = await launchBrowser({ headed: options.headed })
  const cpuBefore = cpuAccount()
  const chromiumBefore = await browser.chromiumCpuSeconds()
  let browserClosed = false
  const closeBrowser = async () => {
    if (browserClosed) return
    browserClosed = true
    await browser.browser.close().catch(() => {})
  }
  cleanups.push(closeBrowser)
  /** How busy the rest of the machine was during the measurements (% of all CPUs). */
  const otherLoad = async () => {
    const chromium = (await browser.chromiumCpuSeconds()) - chromiumBefore
    const share = otherCpuShare(cpuBefore, cpuAccount(), meta.machine.cpus, chromium)
    return share === null ? null : Math.round(share * 100)
  }
  const git = gitInfo(ROOT)
  const sizes = await bundleSizes(prepared.appDir)
  const meta = {
    date: startedAt.toISOString(),
    mode: options.soak ? 'soak' : options.smoke ? 'smoke' : 'full',
    runs: options.runs,
    cpu: options.cpu,
    weakCpu: options.weak ? options.weakCpu : null,
    weakEs5: Boolean(prepared.servers.weakEs5),
    weakNormal: options.weakNormal,
    peer: prepared.peer ? (prepared.peer.served ?? prepared.peer.url) : null,
    presses: options.presses,
    memoryRuns: Math.min(options.memoryRuns, options.runs),
    holdMs: options.holdMs,
    navMs: options.navMs,
    scaleNavMs: options.scaleNavMs,
    target: options.target,
    build: `production, node scripts/dist.mjs --${options.target} --test-hooks (lng dist, NODE_ENV=production, minified, plus the test hook the marks come from); app bundle ${Math.round((sizes['js/appBundle.js'] ?? sizes['js/appBundle.es5.js'] ?? 0) / 1000)} KB raw`,
    bundleSizes: sizes,
    machine: machineInfo(),
    chromium: prepared.chromium,
    catalogueTitles: prepared.baseCatalogue.titles.length,
    scaleTitles: prepared.scaleTitles,
    scaleEmbedded: prepared.scaleEmbeddedSplit,
    scaleBackend: prepared.scaleTitles
      ? {
          backend: 'http',
          server: 'scripts/lib/catalogue-server.mjs',
          pageSize: options.scalePageSize,
          rails: prepared.scaleRails,
        }
      : null,
    playbackTitle: prepared.film?.id ?? null,
    zaps: options.live ? options.zaps : 0,
    longPlayback: prepared.longFilm
      ? {
          title: prepared.longFilm.id,
          manifest: prepared.longFilm.url,
          filmSeconds: prepared.longFilm.seconds,
          earlyMs: options.longPlayEarlyMs,
          lateMs: options.longPlayMs,
        }
      : null,
    commit: git.commit,
    dirty: git.dirty,
  }
  const env = { options, prepared, browser }
  describeMeta(meta).forEach((line) => log(line))

  if (options.soak) {
    const soak = await runSoak(env, { log })
    const name = `soak-${stamp(startedAt)}`
    const otherCpuPct = await otherLoad()
    if (otherCpuPct !== null && otherCpuPct > 25)
      soak.summary.problems.push(
        `other processes used ${otherCpuPct} % of the machine's CPU time during the soak`,
      )
    const result = {
      meta: {
        ...meta,
        otherCpuPct,
        soakMs: options.soak,
        sampleMs: soak.sampleMs,
        finished: new Date().toISOString(),
      },
      ...soak,
    }
    const files = await writeResults(outDir, name, result, soak.markdown(describeMeta(result.meta)))
    log('')
    log(soak.text)
    log(`\nwritten: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`)
    return
  }

  const values = {}
  const warnings = new Set()
  const runs = []
  for (let i = 0; i < options.runs; i++) runs.push(await runOnce(env, i, values, warnings))
  const rows = summariseFigures(values)
  const otherCpuPct = await otherLoad()
  if (otherCpuPct !== null && otherCpuPct > 25) {
    warnings.add(
      `other processes used ${otherCpuPct} % of the machine's CPU time during the run: figures are noisier and slower than on a quiet machine`,
    )
  }
  const result = {
    meta: {
      ...meta,
      otherCpuPct,
      finished: new Date().toISOString(),
      seconds: Math.round((Date.now() - startedAt) / 1000),
    },
    rows,
    figures: Object.fromEntries(
      rows.map((r) => [
        r.id,
        {
          median: r.median,
          min: r.min,
          max: r.max,
          unit: r.unit,
          budget: r.budget,
          overBudget: r.overBudget,
          values: r.values,
        },
      ]),
    ),
    warnings: [...warnings],
    runs,
  }
  const files = await writeResults(outDir, stamp(startedAt), result, markdownReport(result))
  log('')
  log(textTable(rows))
  const comparison = comparisonTable(rows, meta)
  if (comparison) log(`\n${comparison}`)
  const overs = rows.filter((r) => r.overBudget)
  log('')
  log(
    overs.length
      ? `over budget: ${overs.map((r) => r.id).join(', ')} (reported, not failed)`
      : 'every figure with a budget is within it',
  )
  for (const w of warnings) log(`warning: ${w}`)
  log(
    `written: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')} (and latest.json/.md)`,
  )
  log(`took ${Math.round((Date.now() - startedAt) / 1000)}s`)
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, stopping`)
    cleanup().finally(() => process.exit(130))
  })
}

main()
  .catch((error) => {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}`)
      process.exitCode = 2
      return
    }
    if (error instanceof BenchSetupError || error instanceof AppError)
      console.error(`bench: ${error.message}`)
    else console.error(`bench: cannot run: ${error.stack ?? error}`)
    process.exitCode = 1
  })
  .finally(() => cleanup())
