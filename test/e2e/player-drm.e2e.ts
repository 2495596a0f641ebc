import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  browserContext,
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  waitForApp,
  waitRoute,
} from './support/browser'
import {
  startClearKeyLicenceServer,
  type ClearKeyLicenceServer,
} from '../harness/clearKeyLicenceServer'
import { checkFfmpeg, ROOT } from './support/environment'
import { backFromError, stopPlayback, waitPlayer } from './support/player'

const KID = '00112233445566778899aabbccddeeff'
const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const OUT = 'demo-drm-e2e'

type DrmOptions = { keepStorage?: boolean; player?: Record<string, unknown> }

/**
 * Opens Rosetta's details with the given DRM settings, its stream swapped for the ClearKey-encrypted
 * copy.
 */
async function detailsWithDrm(
  drm: Record<string, unknown>,
  options: DrmOptions = {},
): Promise<Page> {
  const context = await browserContext()
  await context.unrouteAll({ behavior: 'ignoreErrors' })
  await routeAppSettings((settings) => (settings.player = { ...options.player, drm }))
  await context.route('**/streams/demo-a/**', (route) =>
    route.continue({ url: route.request().url().replace('/demo-a/', `/${OUT}/`) }),
  )
  const page = await openApp('#details/rosetta', options)
  await waitForApp(page)
  return page
}

/** Rosetta's details with the given DRM settings, then OK (Play, or Resume when a position is saved). */
async function openWithDrm(drm: Record<string, unknown>, options: DrmOptions = {}): Promise<Page> {
  const page = await detailsWithDrm(drm, options)
  await press(page, 'Enter')
  return page
}

/** Rosetta's saved position (the app's progress store in localStorage), if any. */
const savedPosition = (page: Page): Promise<number | undefined> =>
  page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!
      if (!key.endsWith(':progress')) continue
      const raw = JSON.parse(localStorage.getItem(key)!) as unknown
      // The SDK's Storage may wrap the value in { value }.
      const map = (
        typeof raw === 'object' && raw && 'value' in raw ? (raw as { value: unknown }).value : raw
      ) as Record<string, { position?: number }> | null
      return map?.rosetta?.position
    }
    return undefined
  })

// Both groups play the same encrypted copy of Rosetta's stream, packaged once.
const streams = path.join(ROOT, 'media/streams')

beforeAll(() => {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'scripts/package-clearkey.mjs'),
      path.join(streams, 'demo-a'),
      path.join(streams, OUT),
      KID,
      KEY,
    ],
    { stdio: 'inherit' },
  )
  if (result.status !== 0) throw new Error('ClearKey packaging failed')
})

// The browser (and its routes) goes with the file's own afterAll in support/browser.ts.
afterAll(() => rm(path.join(streams, OUT), { recursive: true, force: true }))

describe('player: DRM (ClearKey keys in the configuration)', () => {
  it('plays encrypted content with the key from the configuration', async () => {
    const page = await openWithDrm({ clearKeys: `${KID}:${KEY}` })
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1.5")
    expect(state.error).toBeUndefined()
    await screenshot(page, 'player-clearkey')
  })

  it('a wrong key gives a licence error with Retry and Back, not a frozen picture', async () => {
    const page = await openWithDrm({ clearKeys: `${KID}:${'f'.repeat(32)}` })
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    expect(state.errorCode).toBe(2013)
    expect(state.errorMessage).toMatch(/licence/)
    await screenshot(page, 'player-clearkey-wrong-key')
    await backFromError(page, 'details/rosetta')
  })
})

describe('player: DRM through a ClearKey licence server', () => {
  const TOKEN = 'belgica-e2e-token'
  let licences: ClearKeyLicenceServer
  const drm = () => ({
    clearkey: { licenseUrl: licences.url, headers: `X-Operator-Token: ${TOKEN}` },
  })

  beforeAll(async () => {
    licences = await startClearKeyLicenceServer({
      keys: { [KID]: KEY },
      header: { name: 'X-Operator-Token', value: TOKEN },
    })
  })
  afterAll(() => licences.stop())
  beforeEach(async () => {
    await licences.start()
    licences.mode = 'grant'
    licences.keys.set(KID, KEY)
    licences.requests.length = 0
  })

  it('plays with the licence from the server, asked with the operator header', async () => {
    const page = await openWithDrm(drm())
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1.5")
    expect(state.error).toBeUndefined()
    const granted = licences.requests.filter((r) => r.status === 200)
    expect(granted.length).toBeGreaterThan(0)
    expect(granted[0]!.headers['x-operator-token']).toBe(TOKEN)
    expect(granted[0]!.kids).toContain(KID)
    // Watch on past the first seconds, so Back saves a position the next tests must keep.
    await press(page, 'ArrowRight', 2)
    await waitPlayer(page, 'p.currentTime >= 20 && p.seekTarget === undefined')
    await stopPlayback(page)
    await waitRoute(page, 'details/rosetta')
    expect(await savedPosition(page)).toBeGreaterThanOrEqual(19)
  })

  // Uses the position the test above saved (the tests of this group run in order).
  it('a refused licence (403) says so at once; Back returns to details with the position kept', async () => {
    licences.mode = 'refuse'
    const page = await detailsWithDrm(drm(), { keepStorage: true })
    const before = await savedPosition(page)
    expect(before).toBeGreaterThanOrEqual(19)
    const played = Date.now()
    await press(page, 'Enter')
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    // A refusal is not retried: with Shaka's default retries it took about 3.5 s and 4 requests.
    expect(Date.now() - played).toBeLessThan(1500)
    expect(state.errorCode).toBe(2012)
    expect(state.errorMessage).toMatch(/licence de lecture a été refusée/)
    expect(licences.requests.map((r) => r.status)).toEqual([403])
    await screenshot(page, 'player-licence-refused')
    await backFromError(page, 'details/rosetta')
    expect((await snapshot(page)).page).toMatchObject({ screen: 'details', action: 'resume' })
    expect(await savedPosition(page)).toBe(before)
  })

  it('a licence server that is down says so; once it is back, Retry plays', async () => {
    await licences.stop()
    const page = await openWithDrm(drm())
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    expect(state.errorCode).toBe(2011)
    expect(state.errorMessage).toMatch(/serveur de licences ne répond pas/)
    await screenshot(page, 'player-licence-unreachable')
    await licences.start()
    await press(page, 'Enter')
    await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1.5")
    expect(licences.requests.some((r) => r.status === 200)).toBe(true)
  })

  it('a licence without the key for this content says so', async () => {
    // The server answers 200 with an empty key set; Chromium's ClearKey CDM rejects it (6008).
    licences.keys.delete(KID)
    const page = await openWithDrm(drm())
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    expect(state.errorCode).toBe(2013)
    expect(state.error?.shakaCode).toBe(6008)
    expect(state.errorMessage).toMatch(/pas de clé valable/)
    expect(licences.requests.length).toBeGreaterThan(0)
    expect(licences.requests.every((r) => r.status === 200)).toBe(true)
    await backFromError(page, 'details/rosetta')
  })

  it('a licence server that hangs ends in the unreachable message, not a frozen picture', async () => {
    licences.mode = 'hang'
    // As with the defaults (10 s per attempt, a 20 s watchdog), Shaka's retries outlast the stall
    // watchdog, which then names the licence server; shorter here to keep the test quick.
    const player = { requestTimeoutMs: 2000, retryBaseDelayMs: 2000, stallTimeoutSeconds: 5 }
    const page = await openWithDrm(drm(), { player })
    const state = await waitPlayer(page, 'p.errorCode !== undefined')
    expect(state.errorCode).toBe(2011)
    expect(state.error?.detail).toMatch(/^Shaka error 6007 \(1003, /)
    await backFromError(page, 'details/rosetta')
  })
})

describe('player: HLS encrypted with AES-128, its key fetched from the playlist', () => {
  // The clear-key encryption of RFC 8216 (METHOD=AES-128): no licence server, the key is a file.
  const dir = mkdtempSync(path.join(tmpdir(), 'belgica-aes-'))
  const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex')
  // Free and for all ages: no offer or parental PIN stands before it.
  const FILM = 'misere-au-borinage'

  beforeAll(() => {
    checkFfmpeg()
    writeFileSync(path.join(dir, 'film.key'), key)
    writeFileSync(path.join(dir, 'key-info'), `film.key\n${path.join(dir, 'film.key')}\n`)
    const encode =
      '-hide_banner -loglevel error -y -f lavfi -i testsrc2=size=426x240:rate=25 ' +
      '-f lavfi -i sine=frequency=440:sample_rate=48000 -t 12 -preset veryfast -g 50 ' +
      '-pix_fmt yuv420p -b:a 64k -c:v libx264 -c:a aac -f hls -hls_time 4 -hls_playlist_type vod'
    const encoded = spawnSync(
      'ffmpeg',
      [
        ...encode.split(' '),
        ...['-hls_key_info_file', path.join(dir, 'key-info')],
        ...['-hls_segment_filename', path.join(dir, 's%d.ts'), path.join(dir, 'film.m3u8')],
      ],
      { stdio: 'inherit' },
    )
    if (encoded.status !== 0) throw new Error('ffmpeg could not encode the AES-128 film')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /** Plays a free film for all ages as the encrypted HLS film, its key file answered with `served`. */
  async function playEncrypted(served: Buffer): Promise<Page> {
    const context = await browserContext()
    await context.unrouteAll({ behavior: 'ignoreErrors' })
    const page = await openApp(`#details/${FILM}`, { keepStorage: false })
    await page.route('**/catalogue/titles.json', async (route) => {
      // Not a revalidation of the copy an earlier test left in the browser's cache: a 304 has no
      // body to edit.
      const headers = { ...route.request().headers() }
      delete headers['if-none-match']
      delete headers['if-modified-since']
      const response = await route.fetch({ headers })
      const catalogue = (await response.json()) as { titles: { id: string; stream?: object }[] }
      catalogue.titles.find((title) => title.id === FILM)!.stream = {
        hls: 'media/streams/aes/film.m3u8',
      }
      await route.fulfill({ response, json: catalogue })
    })
    await page.route('**/streams/aes/*', (route) => {
      const file = path.basename(new URL(route.request().url()).pathname)
      if (file === 'film.key') return route.fulfill({ body: served })
      return route.fulfill({
        path: path.join(dir, file),
        contentType: file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t',
      })
    })
    await page.reload()
    await waitForApp(page)
    await press(page, 'Enter')
    return page
  }

  it('plays with the right key', async () => {
    const page = await playEncrypted(key)
    const state = await waitPlayer(page, "p.state === 'playing' && p.currentTime > 1")
    expect(state.errorCode).toBeUndefined()
    await stopPlayback(page)
    await page.close()
  })

  it('a key that does not decrypt it says the video cannot be decrypted, not "unexpected error"', async () => {
    const page = await playEncrypted(Buffer.from('ffeeddccbbaa99887766554433221100', 'hex'))
    const state = await waitPlayer(page, 'p.errorCode !== undefined', 30_000)
    expect(state.errorCode).toBe(2013)
    expect(state.errorMessage).toMatch(/déchiffrée/)
    await screenshot(page, 'aes-wrong-key')
    await backFromError(page, `details/${FILM}`)
    await page.close()
  })
})
