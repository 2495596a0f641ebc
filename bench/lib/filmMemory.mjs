// `npm run bench -- --film-memory 30m`: where the renderer's memory goes during one long film.
// The same long film plays for the given time in four fresh browser contexts side by side (each
// its own renderer process), read every minute after a forced GC:
//   app-multi   the app (release build with test hooks) playing the film as many Periods;
//   app-single  the app playing the same film as one Period (singlePeriodFilm.mjs);
//   bare-multi  a bare page (bench/film/index.html: one <video>, the app's Shaka build and the
//               configuration the app produces) playing the many-Period film;
//   bare-single the bare page playing the one-Period film.
// App vs bare tells what the app holds; multi vs single what the Periods cost in Shaka/Chromium.
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { importAppModule } from '../../scripts/lib/appModule.mjs'
import { startServer } from '../../scripts/lib/server.mjs'
import {
  BenchSetupError,
  chromiumVersion,
  collectGarbage,
  heapMetrics,
  launchBrowser,
  openSession,
  processMemory,
  RESPONSE_BODIES_KEPT,
} from './browser.mjs'
import {
  buildProduction,
  checkBuild,
  ensureAssets,
  makeVariant,
  productionDir,
  readInlineAppSettings,
  SHAKA_TARGET,
} from './build.mjs'
import { gitInfo, machineInfo } from './machine.mjs'
import { longFilmManifest, mediaView } from './media.mjs'
import {
  FILM_GROWTH_TARGET_PCT,
  markdownReport,
  summariseSeries,
  textReport,
} from './filmMemoryReport.mjs'
import { installFilmProbe } from './filmProbe.mjs'
import { AppError, keyDown, keyUp, openDeepLink, snapshot } from './scenarios.mjs'
import { singlePeriodFilm } from './singlePeriodFilm.mjs'

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Everything the four series need, in bench/.work/film-memory (its own copy of the build and its
 * own media view, so another benchmark rebuilding bench/.work meanwhile cannot pull files from
 * under a long run).
 */
async function prepare({ root, workDir, options, log }) {
  const version = chromiumVersion()
  if (!version) throw new BenchSetupError('Chromium not found: install it or set CHROMIUM_PATH')
  const built = productionDir(workDir, 'es6')
  if (options.skipBuild) await checkBuild(built)
  else {
    await ensureAssets({ root, log: (l) => log(`build: ${l}`) })
    await buildProduction({ root, workDir, target: 'es6', log: (l) => log(`build: ${l}`) })
  }
  const dir = path.join(workDir, 'film-memory')
  const appDir = path.join(dir, 'app')
  await rm(appDir, { recursive: true, force: true })
  await cp(built, appDir, { recursive: true })
  const catalogue = JSON.parse(
    await readFile(path.join(appDir, 'static/catalogue/titles.json'), 'utf8'),
  )
  // The film of the long playback (run.mjs): for all ages, so no PIN stands before playback.
  const playable = catalogue.titles.filter(
    (t) => t.kind === 'film' && t.stream?.dash && t.stream?.hls,
  )
  const film = playable.find((t) => t.rating?.csa === 'TP') ?? playable[0]
  if (!film) throw new AppError('film memory: the catalogue has no film with a DASH stream')

  const mediaDir = await mediaView({ root, workDir: dir })
  // Three minutes beyond the readings: the film must not end under the last one.
  const minSeconds = options.filmMemory / 1000 + 180
  const multi = await longFilmManifest({ mediaDir, manifest: film.stream.dash, minSeconds })
  const sampleSeconds = multi.seconds / Number(/long-(\d+)x/.exec(multi.url)[1])
  const repeats = Math.round(multi.seconds / sampleSeconds)
  // The one-Period film is kept between runs (about 6 MB per minute of film to write again).
  const filmsDir = path.join(dir, 'films')
  await mkdir(filmsDir, { recursive: true })
  const single = await singlePeriodFilm({
    mediaDir,
    outDir: filmsDir,
    manifest: film.stream.dash,
    repeats,
    log,
  })
  await symlink(single.dir, path.join(mediaDir, 'bench', path.basename(single.dir)))

  const variant = async (name, url) => {
    const copy = structuredClone(catalogue)
    copy.titles.find((t) => t.id === film.id).stream = { dash: url }
    return (
      await makeVariant({
        baseDir: appDir,
        dir: path.join(dir, name),
        catalogue: JSON.stringify(copy),
      })
    ).dir
  }
  const pageDir = path.join(dir, 'bare')
  await rm(pageDir, { recursive: true, force: true })
  await mkdir(path.join(pageDir, 'lib'), { recursive: true })
  await cp(path.join(root, 'bench/film/index.html'), path.join(pageDir, 'index.html'))
  // The app build's own copy of Shaka Player: the very file the app loads.
  await cp(path.join(appDir, SHAKA_TARGET), path.join(pageDir, SHAKA_TARGET))
  const appSettings = readInlineAppSettings(await readFile(path.join(appDir, 'index.html'), 'utf8'))
  const { appShakaConfig } = await importAppModule('bench/film/appShakaConfig.mjs', { root })
  return {
    version,
    film,
    repeats,
    filmSeconds: multi.seconds,
    films: { multi: multi.url, single: single.url },
    dirs: {
      appMulti: await variant('app-multi', multi.url),
      appSingle: await variant('app-single', single.url),
      bare: pageDir,
    },
    mediaDir,
    /** Writes the bare page's config.json for the browser's navigator.deviceMemory. */
    async writeBareConfig(deviceMemoryGb) {
      const result = appShakaConfig(appSettings, deviceMemoryGb)
      await writeFile(path.join(pageDir, 'config.json'), JSON.stringify(result.config, null, 2))
      return result
    },
  }
}

/** The app: details of the film, OK on Play, until its first video frame. */
async function startApp(session, url, titleId) {
  const { page, cdp } = session
  await openDeepLink(session, url, `details/${titleId}`, 'details')
  await sleep(1000)
  await page.evaluate(() => window.__bench.armVideo())
  await keyDown(cdp, 'Enter')
  await sleep(60)
  await keyUp(cdp, 'Enter')
  await page.waitForFunction(() => window.__bench.videoFirstFrame !== null, null, {
    timeout: 60_000,
    polling: 200,
  })
}

/** The bare page: it loads and plays by itself. */
async function startBare(session, url) {
  await session.page.goto(url, { waitUntil: 'commit' })
  await session.page.waitForFunction(
    () => {
      const v = document.querySelector('video')
      return window.__filmPage?.state !== 'loading' && v && v.currentTime > 0
    },
    null,
    { timeout: 60_000, polling: 200 },
  )
  const status = await session.page.evaluate(() => window.__filmPage)
  if (status.state !== 'playing') throw new AppError(`bare page: ${status.error ?? status.state}`)
}

/** One reading of one series: renderer memory, JS heap after GC, textures, media state. */
async function read(series, atSeconds) {
  const { session } = series
  await collectGarbage(session.cdp)
  await sleep(300)
  const heap = await heapMetrics(session.cdp)
  // Main-thread time the page has used so far (s): a busy main thread is what the growth follows.
  const { metrics } = await session.cdp.send('Performance.getMetrics')
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null
  const memory = await processMemory(series.pid)
  const probe = await session.page.evaluate(() => window.__filmProbe.read())
  const app = series.page === 'app' ? await snapshot(session) : null
  const sb = probe.sourceBuffers
  return {
    atSeconds,
    // The machine's 1-minute load average: the growth came and went with CPU contention.
    load: Math.round(os.loadavg()[0] * 10) / 10,
    renderer: memory?.pss ?? null,
    rendererAnon: memory?.anon ?? null,
    rendererShmem: memory?.shmem ?? null,
    rendererFile: memory?.file ?? null,
    heap: heap.used,
    mainThreadSeconds: metric('TaskDuration'),
    scriptSeconds: metric('ScriptDuration'),
    texture: app?.render?.textureMemory ?? null,
    currentTime: probe.video?.currentTime ?? null,
    videoBuffered: probe.video?.buffered ?? null,
    appendedBytes: sb.reduce((sum, b) => sum + b.appendedBytes, 0),
    removedSeconds: Math.round(sb.reduce((sum, b) => sum + b.removedSeconds, 0)),
    sourceBuffers: sb,
    shaka: probe.shaka,
    video: probe.video,
    screen: app?.page?.screen ?? null,
    state: app?.page?.state ?? null,
  }
}

const SERIES = [
  { id: 'app-multi', label: 'app, film in many Periods', page: 'app', periods: 'multi' },
  { id: 'app-single', label: 'app, film in one Period', page: 'app', periods: 'single' },
  { id: 'bare-multi', label: 'bare Shaka page, many Periods', page: 'bare', periods: 'multi' },
  { id: 'bare-single', label: 'bare Shaka page, one Period', page: 'bare', periods: 'single' },
]

function stamp(date) {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
}

/** The mode: prepares, plays the four series side by side, writes JSON and Markdown. */
export async function runFilmMemory({ root, workDir, options, outDir, log, cleanups }) {
  const startedAt = new Date()
  const durationMs = options.filmMemory
  const sampleMs = options.sample ?? 60_000
  const prepared = await prepare({ root, workDir, options, log })
  const servers = {}
  for (const [name, dir] of Object.entries(prepared.dirs)) {
    const server = await startServer({ buildDir: dir, mediaDir: prepared.mediaDir })
    cleanups.push(() => server.close())
    servers[name] = server.url
  }
  const browser = await launchBrowser({ headed: options.headed })
  cleanups.push(() => browser.browser.close())
  const cpu = options.filmCpu
  const notes = []
  const series = []
  try {
    log(
      `film memory: ${prepared.film.id} (${prepared.repeats} x the sample, ${prepared.filmSeconds}s) for ${durationMs / 60_000} min, a reading every ${sampleMs / 1000}s, 4 contexts, CPU x${cpu}`,
    )
    for (const spec of SERIES) {
      const session = await openSession({ ...browser, cpu, networkRecords: false })
      cleanups.push(() => session.close())
      await session.page.addInitScript(installFilmProbe)
      const one = { ...spec, session, pid: null, readings: [], problems: [] }
      if (!session.responseBodiesLimited) one.problems.push(RESPONSE_BODIES_KEPT)
      series.push(one)
      if (spec.page === 'bare' && !prepared.bareConfig) {
        const deviceMemory = await session.page.evaluate(() => navigator.deviceMemory ?? null)
        prepared.bareConfig = await prepared.writeBareConfig(deviceMemory ?? undefined)
      }
      const film = prepared.films[spec.periods]
      if (spec.page === 'app')
        await startApp(
          session,
          servers[spec.periods === 'multi' ? 'appMulti' : 'appSingle'],
          prepared.film.id,
        )
      else await startBare(session, `${servers.bare}?src=${encodeURIComponent(film)}`)
      // Sessions open one after the other: the newest renderer is this page's.
      one.pid = await session.rendererPid()
      one.t0 = Date.now()
      log(`  ${spec.id}: playing ${film} (renderer pid ${one.pid})`)
    }
    const rounds = Math.floor(durationMs / sampleMs)
    const begin = Date.now()
    for (let k = 0; k <= rounds; k++) {
      await sleep(Math.max(0, begin + k * sampleMs - Date.now()))
      const line = []
      for (const one of series) {
        try {
          const r = await read(one, Math.round((Date.now() - one.t0) / 1000))
          one.readings.push(r)
          line.push(
            `${one.id} ${(r.renderer / 1e6).toFixed(0)} MB @${Math.round(r.currentTime ?? 0)}s`,
          )
          if (r.video?.ended || r.video?.paused)
            one.problems.push(
              `at ${r.atSeconds}s the video was ${r.video.ended ? 'ended' : 'paused'}`,
            )
          if (one.page === 'app' && r.screen !== 'player')
            one.problems.push(`at ${r.atSeconds}s the app showed ${r.screen}`)
        } catch (error) {
          one.problems.push(`reading ${k} failed: ${error.message.split('\n')[0]}`)
        }
      }
      log(`  ${Math.round((Date.now() - begin) / 1000)}s: ${line.join(', ')}`)
    }
  } finally {
    for (const one of series) await one.session.close()
  }

  const result = summarise({ prepared, series, notes, options, startedAt, cpu, sampleMs, root })
  const name = `film-memory-${stamp(startedAt)}`
  await mkdir(outDir, { recursive: true })
  const json = JSON.stringify(result, null, 2) + '\n'
  const markdown = markdownReport({ metaLines: result.metaLines, series: result.series, notes })
  for (const base of [name, 'film-memory-latest']) {
    await writeFile(path.join(outDir, `${base}.json`), json)
    await writeFile(path.join(outDir, `${base}.md`), markdown)
  }
  log('')
  log(textReport(result.series))
  for (const note of notes) log(`note: ${note}`)
  for (const s of result.series) for (const p of s.problems) log(`problem (${s.id}): ${p}`)
  log(`written: ${path.relative(process.cwd(), path.join(outDir, name))}.json/.md`)
}

function summarise({ prepared, series, notes, options, startedAt, cpu, sampleMs, root }) {
  // The bare page must play with the app's configuration: any difference Shaka reports is noted.
  const streamingOf = (id) => series.find((s) => s.id === id)?.readings.at(-1)?.shaka?.streaming
  const app = streamingOf('app-multi')
  const bare = streamingOf('bare-multi')
  if (app && bare && JSON.stringify(app) !== JSON.stringify(bare))
    notes.push(
      `the app and the bare page run different Shaka settings: app ${JSON.stringify(app)}, bare ${JSON.stringify(bare)}`,
    )
  const git = gitInfo(root)
  const machine = machineInfo()
  const meta = {
    date: startedAt.toISOString(),
    finished: new Date().toISOString(),
    mode: 'film-memory',
    durationMs: options.filmMemory,
    sampleMs,
    cpu,
    film: prepared.film.id,
    sampleStream: prepared.film.stream.dash,
    repeats: prepared.repeats,
    filmSeconds: prepared.filmSeconds,
    manifests: prepared.films,
    shakaStreaming: bare ?? app ?? null,
    bareConfigLite: prepared.bareConfig?.lite ?? null,
    targetPct: FILM_GROWTH_TARGET_PCT,
    machine,
    chromium: prepared.version,
    commit: git.commit,
    dirty: git.dirty,
  }
  const metaLines = [
    `date: ${meta.date}; machine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGB} GB RAM`,
    `browser: ${meta.chromium} (headless, --disable-gpu), four contexts side by side, CPU x${cpu}`,
    `film: ${meta.film}, its sample ${meta.sampleStream} repeated ${meta.repeats} times (${meta.filmSeconds} s); many Periods: ${prepared.films.multi}, one Period: ${prepared.films.single}`,
    `played ${meta.durationMs / 60_000} min, a reading every ${sampleMs / 1000} s after a forced GC; Shaka streaming settings (both pages): ${JSON.stringify(meta.shakaStreaming)}`,
    `commit: ${meta.commit ?? 'unknown'}${meta.dirty ? ' (with uncommitted changes)' : ''}`,
  ]
  return {
    meta,
    metaLines,
    notes,
    series: series.map((one) => {
      const s = { ...one, summary: summariseSeries(one.readings) }
      delete s.session
      delete s.t0
      return s
    }),
  }
}
