// Headless Chromium through playwright-core (Debian's /usr/bin/chromium, never a downloaded one),
// one browser per benchmark, a fresh browser context (own cache, storage and renderer process)
// per measured session, CPU throttling through the DevTools protocol.
import { execFileSync } from 'node:child_process'
import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { access, readFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import { installProbe } from './probe.mjs'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
]

export class BenchSetupError extends Error {}

export function chromiumPath() {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium'
}

export function chromiumVersion(executable = chromiumPath()) {
  try {
    return execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return null
  }
}

/** BENCH_CHROMIUM_FLAGS (space-separated) adds flags; the GPU-related defaults, e.g. to try a GPU. */
function launchArgs() {
  const extra = process.env.BENCH_CHROMIUM_FLAGS
  if (!extra) return CHROMIUM_ARGS
  const flags = extra.split(/\s+/).filter(Boolean)
  const base = flags.includes('--no-disable-gpu')
    ? CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu')
    : CHROMIUM_ARGS
  return [...base, ...flags.filter((f) => f !== '--no-disable-gpu')]
}

export async function launchBrowser({ headed = false } = {}) {
  const executablePath = chromiumPath()
  try {
    await access(executablePath, constants.X_OK)
  } catch {
    throw new BenchSetupError(
      `Chromium not found at ${executablePath}.\n` +
        '  Install it with: sudo apt-get install chromium   (Debian/Ubuntu)\n' +
        '  or point CHROMIUM_PATH at a Chromium/Chrome binary. The benchmark never downloads a browser.',
    )
  }
  let playwright
  try {
    playwright = await import('playwright-core')
  } catch {
    throw new BenchSetupError('playwright-core is not installed: run npm ci')
  }
  // launch() gives the browser a fresh temporary profile (user-data-dir) and removes it on close.
  const browser = await playwright.chromium.launch({
    executablePath,
    headless: !headed,
    args: launchArgs(),
  })
  const browserCdp = await browser.newBrowserCDPSession()
  // CPU seconds used by every Chromium process, sampled every 2 s and before each context closes
  // (a renderer's time is lost once it exits): to tell our load from the rest of the machine's.
  const cpuSeen = new Map()
  const sampleCpu = async () => {
    try {
      for (const p of (await browserCdp.send('SystemInfo.getProcessInfo')).processInfo) {
        cpuSeen.set(p.id, Math.max(cpuSeen.get(p.id) ?? 0, p.cpuTime))
      }
    } catch {
      // the browser is closing
    }
  }
  const timer = setInterval(sampleCpu, 2000)
  timer.unref()
  browser.on('disconnected', () => clearInterval(timer))
  await sampleCpu()
  return {
    browser,
    browserCdp,
    version: browser.version(),
    sampleCpu,
    async chromiumCpuSeconds() {
      await sampleCpu()
      let total = 0
      for (const seconds of cpuSeen.values()) total += seconds
      return total
    },
  }
}

/** pid -> { type, cpuTime } of every Chromium process. */
async function processes(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo')
  return new Map(processInfo.map((p) => [p.id, { type: p.type, cpuTime: p.cpuTime }]))
}

/**
 * Resident and proportional memory of a process, from /proc (Linux), in bytes. The proportional
 * set splits into anonymous memory (the process's own allocations: where a leak shows) and
 * file-backed pages (Chromium's code and fonts, paged in as code paths first run; each process
 * mapping a page counts a share of it, so this part rises when other Chromium processes exit).
 */
export async function processMemory(pid) {
  if (!pid) return null
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024
    let pss = null
    let anon = null
    let file = null
    let shmem = null
    try {
      const rollup = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8')
      const kb = (name) => {
        const value = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1]
        return value === undefined ? null : Number(value) * 1024
      }
      pss = kb('Pss')
      anon = kb('Pss_Anon')
      file = kb('Pss_File')
      shmem = kb('Pss_Shmem')
    } catch {
      pss = null
    }
    return { rss, pss, anon, file, shmem }
  } catch {
    return null
  }
}

/**
 * A fresh context and page at 1920x1080 with the probe installed, a CDP session with the
 * Performance domain enabled and the CPU throttled. Call `close()` when done.
 *
 * `networkRecords: false` turns DevTools' Network domain off for the page, for the long memory
 * runs (soak, film memory): a box runs no DevTools, and with the domain on the renderer keeps a
 * record of every request for it (see stopNetworkRecords). Requests are then not listed.
 */
export async function openSession({
  browser,
  browserCdp,
  sampleCpu,
  cpu,
  onConsole,
  networkRecords = true,
}) {
  const before = await processes(browserCdp)
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
  })
  const page = await context.newPage()
  const responseBodiesLimited = networkRecords
    ? await stopKeepingResponseBodies(page)
    : await stopNetworkRecords(page)
  await page.addInitScript(installProbe)
  await page.addInitScript(seedHouseholdPins, householdPins())
  await page.addInitScript(seedConsent, { purposes: CONSENT_PURPOSES, version: '1', at: 0 })
  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
  const consoleErrors = []
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error' || /texture load error/i.test(text)) {
      if (consoleErrors.length < 50) consoleErrors.push(text)
    }
    onConsole?.(message)
  })
  page.on('pageerror', (error) => {
    if (consoleErrors.length < 50) consoleErrors.push(`pageerror: ${error.message}`)
  })

  // Every request the page and its workers (Lightning decodes images in a worker) completed, with
  // its end time (ms since the epoch) and transferred size (headers + encoded body).
  const requests = []
  // Without the Network domain Playwright never learns a response's size, and `sizes()` would
  // wait for ever: nothing is listed then (the soak and film runs report no requests).
  page.on('requestfinished', (request) => {
    if (!networkRecords) return
    const url = request.url()
    if (!/^https?:/.test(url)) return
    const timing = request.timing()
    const entry = {
      url,
      end: timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : Date.now(),
      bytes: 0,
    }
    entry.ready = request
      .sizes()
      .then((sizes) => {
        entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize
      })
      .catch(() => {})
    requests.push(entry)
  })

  let rendererPid = null
  const session = {
    context,
    page,
    cdp,
    consoleErrors,
    requests,
    /**
     * False when the renderer's memory includes DevTools' copies of responses (see below); with
     * `networkRecords: false`, false when the Network domain could not be turned off.
     */
    responseBodiesLimited,
    /** The requests finished so far, once their sizes are known. */
    async finishedRequests() {
      await Promise.all(requests.map((r) => r.ready))
      return requests.map(({ url, end, bytes }) => ({ url, end, bytes }))
    },
    /** The renderer process of this page: the busiest renderer that did not exist before it. */
    async rendererPid() {
      if (rendererPid) return rendererPid
      const now = await processes(browserCdp)
      let best = null
      for (const [pid, info] of now) {
        if (info.type !== 'renderer' || before.has(pid)) continue
        if (!best || info.cpuTime > best.cpuTime) best = { pid, cpuTime: info.cpuTime }
      }
      rendererPid = best?.pid ?? null
      return rendererPid
    },
    async gpuPid() {
      const now = await processes(browserCdp)
      for (const [pid, info] of now) if (info.type === 'GPU') return pid
      return null
    },
    async close() {
      await sampleCpu?.()
      await context.close().catch(() => {})
    },
  }
  return session
}

/** What a report says when stopKeepingResponseBodies could not set the limit. */
export const RESPONSE_BODIES_KEPT =
  "the renderer's figure includes DevTools' records of every request (the Network domain could not be turned off on Playwright's session)"

/**
 * Playwright enables the DevTools Network domain on its own session with Chromium's default
 * buffers, and the renderer then keeps a copy of the body of every response the page fetched, for
 * DevTools to show: about 10 MB per 30 s of playback (the video segments), up to hundreds of MB.
 * Measured with memory-infra dumps over the same play cycles, the renderer's "buffer" partition
 * went 4 -> 57 MB in 4 plays with the Network domain enabled and stayed at 4 MB without it (a
 * Chromium driven over a bare CDP pipe); a box runs no DevTools. Playwright has no option for the
 * buffer sizes, so the same command is sent again on Playwright's own session (an internal of
 * playwright-core, hence the fallback): request events and sizes still come, bodies are not kept.
 */
async function stopKeepingResponseBodies(page) {
  try {
    const client = page._connection?.toImpl?.(page)?.delegate?._mainFrameSession?._client
    if (!client) return false
    await client.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 })
    return true
  } catch {
    return false
  }
}

/**
 * Turns DevTools' Network domain off on Playwright's own session (the same internal as above).
 * Even with no bodies kept, the renderer keeps a record of every request while the domain is on
 * (blink::NetworkResourcesData, 96 -> 545 over 7 minutes of a film in heap snapshots): a steady
 * growth of the renderer that a box, with no DevTools attached, does not have. Over 12 minutes
 * of the long film with the domain off, the app and a bare Shaka page stayed within 2 %, where
 * 30-minute runs with it on grew 0.13-0.29 MB a minute.
 */
async function stopNetworkRecords(page) {
  try {
    const client = page._connection?.toImpl?.(page)?.delegate?._mainFrameSession?._client
    if (!client) return false
    await client.send('Network.disable')
    return true
  } catch {
    return false
  }
}

/** JSHeapUsedSize and friends from the Performance domain. */
export async function heapMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null
  return {
    used: get('JSHeapUsedSize'),
    total: get('JSHeapTotalSize'),
    nodes: get('Nodes'),
    listeners: get('JSEventListeners'),
  }
}

export async function collectGarbage(cdp) {
  await cdp.send('HeapProfiler.enable').catch(() => {})
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
}

/**
 * A box past its first start: the household chose its parental and purchase PINs, so the
 * first-start PIN choice does not stand between the benchmark and the home it measures. Records
 * in the app's format (src/parental/pin.ts: salted PBKDF2-SHA-256, base64).
 */
function householdPins() {
  const record = (pin) => {
    const salt = randomBytes(16)
    const iterations = 1000
    const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256')
    return { v: 1, salt: salt.toString('base64'), iterations, hash: hash.toString('base64') }
  }
  return { 'parental-pin': record('1234'), 'purchase-pin': record('5678') }
}

/**
 * Every profile answered the consent question (src/consent/): the question does not stand
 * between the benchmark and what it measures. All refused, so a build with a collector sends
 * nothing from the bench. Version '1', the default appSettings.consent.version.
 */
const CONSENT_PURPOSES = { ads: false, audience: false, quality: false }

/**
 * Runs in the page before the app: a profile with no stored answer reads this one (profiles are
 * created with random ids, so the keys cannot be written beforehand); an answer the app stores
 * wins.
 */
function seedConsent(record) {
  const proto = globalThis.Storage.prototype
  const read = proto.getItem
  proto.getItem = function (key) {
    const value = read.call(this, key)
    if (value !== null || !/(^|\.)profile:[^:]+:consent$/.test(key)) return value
    return JSON.stringify(record)
  }
}

/** Runs in the page before the app: stores the PINs where none are stored yet. */
function seedHouseholdPins(records) {
  for (const [key, value] of Object.entries(records)) {
    if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify(value))
  }
}
