import shaka from 'shaka-player'
import type { FakeContent, Player as FakePlayerType } from '../../../__mocks__/shaka-player'
import { defaultAppConfig } from '../../../src/config/defaults'
import { fakeAds } from './fakeAds'
import { PlaybackErrorCode, PlaybackFailure, type PlaybackError } from '../../../src/player/errors'
import type { Shaka } from '../../../src/player/loadShaka'
import { LicenceToken } from '../../../src/player/licenceToken'
import { inCatalogueOrder, ShakaSession } from '../../../src/player/ShakaSession'
import type { TrackPreference } from '../../../src/player/tracks'

type Fake = FakePlayerType
const Fakes = (shaka as unknown as { Player: typeof FakePlayerType }).Player as unknown as {
  instances: Fake[]
  content: FakeContent
}

const player = defaultAppConfig().player

/**
 * A session whose listener records errors, subtitle failures ('off': the subtitles went off,
 * 'choice': a chosen rendition could not be read) and the ends of live broadcasts.
 */
function session(config = player, licence: LicenceToken | null = null) {
  const errors: PlaybackError[] = []
  const subtitles: ('off' | 'choice')[] = []
  const liveEnds: (number | null)[] = []
  const audioFailures: 'choice'[] = []
  const s = new ShakaSession(
    shaka as unknown as Shaka,
    config,
    {
      onError: (e) => errors.push(e),
      onBuffering: () => undefined,
      onTracksChanged: () => undefined,
      onSubtitlesFailed: () => subtitles.push('off'),
      onTextChoiceFailed: () => subtitles.push('choice'),
      onAudioChoiceFailed: () => audioFailures.push('choice'),
      onLiveEnded: (end) => liveEnds.push(end),
    },
    licence,
  )
  return { s, errors, subtitles, liveEnds, audioFailures }
}

const video = () => document.createElement('video')

/** Player settings with one key system's licence server and headers. */
const withLicenceServer = (
  system: 'widevine' | 'playready' | 'clearkey',
  licenseUrl: string,
  headers: string,
) => ({ ...player, drm: { ...player.drm, [system]: { licenseUrl, headers } } })

/** Headers the session's request filters add to a request of `type` (2 = licence). */
function filteredHeaders(fake: Fake, keySystem: string, type: number): Record<string, string> {
  jest.spyOn(fake, 'keySystem').mockReturnValue(keySystem)
  const request = { headers: {} as Record<string, string> }
  fake.requestFilters.forEach((filter) => filter(type, request))
  return request.headers
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const last = () => Fakes.instances[Fakes.instances.length - 1]!

describe('ShakaSession', () => {
  beforeEach(() => (Fakes.content = { audioLanguages: ['fr', 'nl'], textLanguages: ['fr', 'nl'] }))

  test("Shaka's stats for analytics once loaded: the variant's bandwidth and dropped frames", async () => {
    const { s } = session()
    expect(s.stats()).toBeNull()
    await s.load(video(), 'https://cdn.example.be/a.mpd', { preference: {} })
    expect(s.stats()).toEqual({ bandwidth: 1_500_000, droppedFrames: 3 })
  })

  test('configures buffers, retries and DRM from settings before loading at the start time', async () => {
    const { s } = session(
      withLicenceServer('playready', 'https://lic.example.be/pr', 'X-Token: t1'),
    )
    await s.load(video(), 'https://cdn.example.be/a.mpd', { startTime: 42, preference: {} })
    const fake = last()
    expect(fake.configuration).toMatchObject({
      streaming: { bufferingGoal: 20, retryParameters: { maxAttempts: 4 } },
      drm: { servers: { 'com.microsoft.playready': 'https://lic.example.be/pr' } },
    })
    expect(fake.calls.find((c) => c.method === 'load')?.args.slice(0, 2)).toEqual([
      'https://cdn.example.be/a.mpd',
      42,
    ])
    // Licence requests (type 2) carry the operator's headers for the key system in use.
    expect(filteredHeaders(fake, 'com.microsoft.playready', 2)).toEqual({ 'X-Token': 't1' })
    expect(filteredHeaders(fake, 'com.microsoft.playready', 1)).toEqual({})
    await s.destroy()
  })

  test.each([
    [{ fromStart: true }, 0],
    [{ fromStart: true, startTime: 0 }, 0],
    [{}, null],
    [{ startTime: 0 }, null],
  ])(
    'a title from the catalogue starts at 0 even on a live manifest; a channel at its edge (%p)',
    async (options, start) => {
      const { s } = session()
      await s.load(video(), 'a.m3u8', { ...options, preference: {} })
      expect(last().calls.find((c) => c.method === 'load')?.args[1]).toBe(start)
      await s.destroy()
    },
  )

  test('malformed DRM settings fail the load with a DRM_CONFIG error', async () => {
    const { s } = session({ ...player, drm: { ...player.drm, clearKeys: 'oops' } })
    await expect(s.load(video(), 'a.mpd', { preference: {} })).rejects.toBeInstanceOf(
      PlaybackFailure,
    )
    await expect(s.load(video(), 'a.mpd', { preference: {} })).rejects.toMatchObject({
      error: { code: PlaybackErrorCode.DRM_CONFIG },
    })
  })

  test('applies the household preference and switches tracks without reloading', async () => {
    const { s } = session()
    await s.load(video(), 'a.mpd', { preference: { audio: 'nl', text: 'fr' } })
    expect(s.tracks()).toMatchObject({ audioLanguage: 'nl', textLanguage: 'fr' })
    expect(s.selectAudio('fr')).toBe(true)
    expect(s.selectText(null)).toBe(true)
    expect(s.tracks()).toMatchObject({ audioLanguage: 'fr', textLanguage: null })
    expect(s.selectAudio('de')).toBe(false)
    expect(
      last()
        .callNames()
        .filter((n) => n === 'load'),
    ).toHaveLength(1)
  })

  test.each<[string, TrackPreference, string | null]>([
    ['no choice: the rendition HLS marks DEFAULT=YES', {}, 'nl'],
    ['subtitles off by choice', { text: null }, null],
    ['another language by choice', { text: 'fr' }, 'fr'],
  ])('an HLS title with default subtitles, %s', async (_, preference, shown) => {
    Fakes.content = { audioLanguages: ['fr'], textLanguages: ['fr', 'nl'], primaryText: 'nl' }
    const { s } = session()
    await s.load(video(), 'a.m3u8', { preference })
    await flush()
    expect(s.tracks().textLanguage).toBe(shown)
  })

  test("a DASH title's Role main subtitles are not shown unasked", async () => {
    Fakes.content = { audioLanguages: ['fr'], textLanguages: ['fr', 'nl'], primaryText: 'nl' }
    const { s } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    await flush()
    expect(s.tracks().textLanguage).toBeNull()
  })

  test('starting without subtitles, the first subtitle stream runs through the start and is dropped', async () => {
    // So that Shaka can time subtitles chosen once the whole title is appended.
    const { s } = session()
    await s.load(video(), 'a.m3u8', { preference: { text: null } })
    const fake = last()
    const textCalls = fake.calls.filter((c) => c.method === 'selectTextTrack')
    expect(textCalls.map((c) => c.args[0])).toEqual([null])
    expect(s.tracks().textLanguage).toBeNull()
    expect(fake.configuration.preferredText).toEqual([])
    // Chosen later, it plays once its rendition is read.
    expect(s.selectText('nl')).toBe(true)
    await flush()
    expect(s.tracks().textLanguage).toBe('nl')
  })

  test('a chosen subtitle rendition that cannot be read leaves the subtitles from before, and says so', async () => {
    Fakes.content = { audioLanguages: ['fr'], textLanguages: ['en', 'es'], unreadableText: ['es'] }
    const { s, subtitles: chosenFailed } = session()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await s.load(video(), 'a.m3u8', { preference: { text: 'en' } })
    expect(s.selectText('en')).toBe(true)
    await flush()
    expect(s.tracks().textLanguage).toBe('en')
    expect(s.selectText('es')).toBe(true)
    await flush()
    // Shaka was never asked to switch to it: English stays on screen and ticked in the menu.
    expect(s.tracks().textLanguage).toBe('en')
    expect(chosenFailed).toEqual(['choice'])
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/subtitles es .*could not be loaded.*1001/)
    // A rendition that arrives after another choice does not override it.
    Fakes.content.unreadableText = []
    await s.load(video(), 'a.m3u8', { preference: {} })
    expect(s.selectText('es')).toBe(true)
    expect(s.selectText(null)).toBe(true)
    await flush()
    expect(s.tracks().textLanguage).toBeNull()
    warn.mockRestore()
    await s.destroy()
  })

  test('a chosen audio rendition that cannot be read leaves the sound from before playing, and says so', async () => {
    Fakes.content = {
      audioLanguages: ['fr', 'nl', 'de'],
      textLanguages: [],
      lazyAudio: true,
      unreadableAudio: ['nl'],
    }
    const { s, audioFailures, errors } = session()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await s.load(video(), 'a.m3u8', { preference: {} })
    const fake = last()
    expect(s.selectAudio('nl')).toBe(true)
    await flush()
    // Shaka was never asked to switch: French plays on, without a reload or an error.
    expect(s.tracks().audioLanguage).toBe('fr')
    expect(fake.calls.filter((c) => c.method === 'selectAudioTrack')).toHaveLength(0)
    expect(audioFailures).toEqual(['choice'])
    expect(errors).toEqual([])
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/audio nl .*could not be loaded.*1001/)
    // One that can be read is read, then chosen.
    expect(s.selectAudio('de')).toBe(true)
    await flush()
    expect(s.tracks().audioLanguage).toBe('de')
    expect(fake.calls.filter((c) => c.method === 'selectAudioTrack')).toHaveLength(1)
    // A later choice wins over one still being read.
    expect(s.selectAudio('nl')).toBe(true)
    expect(s.selectAudio('fr')).toBe(true)
    await flush()
    expect(s.tracks().audioLanguage).toBe('fr')
    expect(audioFailures).toEqual(['choice'])
    warn.mockRestore()
    await s.destroy()
  })

  // Shaka chooses the profile's language itself during the load, before reading its playlist.
  test("the profile's subtitle rendition that cannot be read goes off at the load, and says so", async () => {
    Fakes.content = { audioLanguages: ['fr'], textLanguages: ['fr', 'en'], unreadableText: ['en'] }
    const { s, subtitles: failed } = session()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await s.load(video(), 'b.m3u8', { preference: { text: 'en' } })
    await flush()
    expect(s.tracks().textLanguage).toBeNull()
    expect(failed).toEqual(['choice'])
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /subtitles en .*could not be loaded.*1001.*playing on without them/,
    )
    // One that can be read stays on, read once by the session (Shaka's own read, in Shaka).
    const fake = last()
    fake.calls.length = 0
    failed.length = 0
    Fakes.content.unreadableText = []
    await s.load(video(), 'b.m3u8', { preference: { text: 'en' } })
    await flush()
    expect(s.tracks().textLanguage).toBe('en')
    expect(failed).toEqual([])
    expect(fake.calls.filter((c) => c.method === 'createSegmentIndex')).toHaveLength(1)
    warn.mockRestore()
    await s.destroy()
  })

  test("a subtitle file arriving after the profile's rendition failed does not try it again", async () => {
    Fakes.content = { audioLanguages: ['fr'], textLanguages: ['fr', 'en'], unreadableText: ['en'] }
    const vtt = 'https://cdn.example.be/late.de.vtt'
    const files = (shaka as unknown as { Player: { files: Record<string, { body?: string }> } })
      .Player.files
    files[vtt] = { body: 'WEBVTT\n\n00:00.000 --> 00:04.000\nUntertitel\n' }
    const created = jest.fn(() => 'blob:late')
    const before = Object.getOwnPropertyDescriptors(URL)
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => undefined })
    const { s, subtitles: failed } = session()
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await s.load(video(), 'b.m3u8', {
      preference: { text: 'en' },
      subtitles: [{ url: vtt, language: 'de', kind: 'subtitles', mimeType: 'text/vtt' }],
    })
    for (let i = 0; i < 5; i++) await flush()
    expect(created).toHaveBeenCalled()
    expect(failed).toEqual(['choice'])
    expect(last().calls.filter((c) => c.method === 'createSegmentIndex')).toHaveLength(1)
    warn.mockRestore()
    delete files[vtt]
    await s.destroy()
    Object.defineProperties(URL, before)
  })

  test('no subtitle stream is started for a household that asked for one, or a title with none', async () => {
    const { s } = session()
    await s.load(video(), 'a.mpd', { preference: { text: 'nl' } })
    expect(last().configuration.preferredText).toEqual([{ language: 'nl' }])
    expect(s.tracks().textLanguage).toBe('nl')
    Fakes.content = { audioLanguages: ['fr'], textLanguages: [] }
    await s.load(video(), 'b.mpd', { preference: {} })
    expect(last().calls.filter((c) => c.method === 'selectTextTrack')).toHaveLength(0)
  })

  test("the content loaded again after an ad break (Shaka's own load) keeps its choices", async () => {
    const { s } = session()
    await s.load(video(), 'a.m3u8', { preference: {} })
    const fake = last()
    const before = fake.calls.length
    fake.emit('streaming')
    fake.emit('canupdatestarttime')
    expect(fake.configuration.preferredText).toEqual([])
    expect(fake.calls.slice(before).map((c) => c.method)).not.toContain('configure')
  })

  test('a preferred subtitle language the title lacks starts like no subtitles', async () => {
    const { s } = session()
    await s.load(video(), 'a.m3u8', { preference: { text: 'de' } })
    expect(
      last()
        .calls.filter((c) => c.method === 'selectTextTrack')
        .map((c) => c.args[0]),
    ).toEqual([null])
    expect(s.tracks().textLanguage).toBeNull()
  })

  test('network errors after the start are recoverable (retried); others stay critical', async () => {
    const { s, errors } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    last().emit('error', { detail: { category: 1, code: 1002, severity: 2, data: ['u'] } })
    last().emit('error', { detail: { category: 1, code: 1001, severity: 2, data: ['u', 502] } })
    last().emit('error', { detail: { category: 1, code: 1001, severity: 2, data: ['u', 403] } })
    last().emit('error', { detail: { category: 3, code: 3016, severity: 2 } })
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.NETWORK, 'recoverable'],
      [PlaybackErrorCode.SERVER_ERROR, 'recoverable'],
      [PlaybackErrorCode.ACCESS_REFUSED, 'critical'],
      [PlaybackErrorCode.MEDIA, 'critical'],
    ])
  })

  test("a subtitle file's failure turns the subtitles off and says so; the film's own is its error", async () => {
    const { s, errors, subtitles: failed } = session()
    await s.load(video(), 'a.mpd', { preference: { text: 'fr' } })
    expect(s.tracks().textLanguage).toBe('fr')
    const request = (contentType: string, uri: string) => ({
      headers: {},
      contentType,
      uris: [uri],
    })
    last().requestFilters.forEach((filter) => {
      filter(1, request('text', 'https://cdn.example.be/fr.vtt'))
      filter(1, request('video', 'https://cdn.example.be/v/7.m4s'))
    })
    const notFound = (uri: string) => ({ category: 1, code: 1001, severity: 2, data: [uri, 404] })
    last().emit('error', { detail: notFound('https://cdn.example.be/fr.vtt') })
    expect(failed).toEqual(['off'])
    expect(errors).toEqual([])
    expect(s.tracks().textLanguage).toBeNull()
    // A cue Shaka cannot read is the subtitles' too.
    last().emit('error', { detail: { category: 2, code: 2001, severity: 2 } })
    expect(failed).toHaveLength(2)
    // A video segment missing stays the film's.
    last().emit('error', { detail: notFound('https://cdn.example.be/v/7.m4s') })
    expect(errors.map((e) => e.code)).toEqual([PlaybackErrorCode.NOT_FOUND])
    await s.destroy()
  })

  test('the ads hear where a resumed title starts, so the mid-rolls before it are not played again', async () => {
    const { s } = session()
    const ads = fakeAds()
    const resumedAt = () => ads.attach.mock.calls.at(-1)?.[3] as number | undefined
    await s.load(video(), 'a.mpd', { preference: {}, startTime: 120, ads: ads as never })
    expect(resumedAt()).toBe(120)
    await s.load(video(), 'a.mpd', { preference: {}, fromStart: true, ads: ads as never })
    expect(ads.attach).toHaveBeenCalledTimes(2)
    expect(resumedAt()).toBeUndefined()
    await s.destroy()
  })

  test('a ClearKey licence server gets the operator headers like Widevine and PlayReady', async () => {
    const url = 'http://127.0.0.1:9/licence'
    const { s } = session(withLicenceServer('clearkey', url, 'X-Operator-Token: t2'))
    await s.load(video(), 'a.mpd', { preference: {} })
    expect(last().configuration).toMatchObject({
      drm: { servers: { 'org.w3.clearkey': url }, clearKeys: {} },
    })
    expect(filteredHeaders(last(), 'org.w3.clearkey', 2)).toEqual({ 'X-Operator-Token': 't2' })
    // Another key system's licence requests do not get them.
    expect(filteredHeaders(last(), 'com.widevine.alpha', 2)).toEqual({})
  })

  test('a licence failure after the start stays critical: the viewer gets its message', async () => {
    const { s, errors } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    const network = { category: 1, code: 1002, severity: 2, data: ['http://lic'] }
    last().emit('error', { detail: { category: 6, code: 6007, severity: 2, data: [network] } })
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.LICENCE_UNREACHABLE, 'critical'],
    ])
  })

  test('each retried licence attempt is a recoverable licence error (the stall watchdog names it)', async () => {
    // The fake player's engine has no events: this one keeps the 'retry' listener.
    let onRetry: ((event: unknown) => void) | undefined
    const PlayerClass = (shaka as unknown as { Player: { prototype: object } }).Player
    jest.spyOn(PlayerClass.prototype as Fake, 'getNetworkingEngine').mockReturnValue({
      registerRequestFilter: () => undefined,
      addEventListener: (type: string, listener: (event: unknown) => void) => {
        if (type === 'retry') onRetry = listener
      },
    } as unknown as ReturnType<Fake['getNetworkingEngine']>)
    const { s, errors } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    const url = 'https://lic.example.be/ck'
    const retry = (error: unknown) => {
      const event = { error, defaultPrevented: false, preventDefault: () => undefined }
      event.preventDefault = () => void (event.defaultPrevented = true)
      onRetry!(event)
      return event.defaultPrevented
    }
    // shaka.util.Error data: TIMEOUT [uri, type], BAD_HTTP_STATUS [uri, status, text, headers, type].
    expect(retry({ category: 1, code: 1003, severity: 1, data: [url, 2] })).toBe(false)
    expect(retry({ category: 1, code: 1001, severity: 1, data: [url, 503, '', {}, 2] })).toBe(false)
    // A refusal is not retried, and not reported here: Shaka's licence error follows at once.
    expect(retry({ category: 1, code: 1001, severity: 1, data: [url, 403, '', {}, 2] })).toBe(true)
    expect(retry({ category: 1, code: 1003, severity: 1, data: ['seg.m4s', 1] })).toBe(false)
    expect(retry(null)).toBe(false)
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.LICENCE_UNREACHABLE, 'recoverable'],
      [PlaybackErrorCode.LICENCE_UNREACHABLE, 'recoverable'],
    ])
  })

  test("a live stream whose manifest stops saying live: the listener hears of the broadcast's end once, with where it stops", async () => {
    const { s, liveEnds: ended } = session()
    // Not live: its updates say nothing.
    await s.load(video(), 'https://cdn.example.be/film.mpd', { preference: {} })
    const fake = last()
    fake.emit('manifestupdated', { isLive: false })
    expect(ended).toEqual([])
    // Live: an update that is still live says nothing; the one that is not any more ends it.
    fake.live = true
    await s.load(video(), 'https://live.example.be/channel.mpd', { preference: {} })
    fake.emit('manifestupdated', { isLive: true, isInProgress: false })
    expect(ended).toEqual([])
    fake.live = false
    fake.duration = 1_796_502_425.6
    fake.emit('manifestupdated', { isLive: false, isInProgress: true })
    fake.emit('manifestupdated', { isLive: false, isInProgress: false })
    expect(ended).toEqual([1_796_502_425.6])
    expect(s.presentationEnd()).toBe(1_796_502_425.6)
    await s.destroy()
    expect(fake.listenerCount('manifestupdated')).toBe(0)
  })

  test('destroy removes its listeners and destroys the player', async () => {
    const { s } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    const fake = last()
    await s.destroy()
    expect(fake.callNames()).toContain('destroy')
    expect(fake.listenerCount('error')).toBe(0)
  })
})

describe("ShakaSession with Shaka's own networking engine: licence retries", () => {
  // The real engine, so what is checked is Shaka's retry loop, not a model of it. Its requests
  // go to a fake scheme that answers each attempt with the next status (0: no answer).
  const real = jest.requireActual<Shaka>('shaka-player/dist/shaka-player.compiled.js')
  const { NetworkingEngine } = real.net
  const SCHEME = 'belgica-test'
  let answers: number[] = []
  let attempts = 0
  /** The Authorization header of each attempt. */
  let sent: string[] = []

  const answer: shaka.extern.SchemePlugin = (uri, sentRequest, type) => {
    sent.push(sentRequest.headers.Authorization ?? '')
    const status = answers[attempts++] ?? 200
    if (status === 200) {
      const response = { uri, originalUri: uri, data: new ArrayBuffer(0), headers: {}, status }
      return real.util.AbortableOperation.completed(response)
    }
    const error =
      status === 0
        ? new real.util.Error(1, 1, 1002, uri, null, type)
        : new real.util.Error(1, 1, 1001, uri, status, '', {}, type, uri)
    return real.util.AbortableOperation.failed(error)
  }

  beforeAll(() => {
    // As loadShaka does: Shaka 5.2 relies on its polyfills (Map.getOrInsertComputed) in Node 20.
    real.polyfill.installAll()
    NetworkingEngine.registerScheme(SCHEME, answer)
  })
  afterAll(() => NetworkingEngine.unregisterScheme(SCHEME))

  /** Loads a session on a real engine, then makes one request of `type` with the DRM retry settings. */
  async function request(type: number, statuses: number[], licence: LicenceToken | null = null) {
    answers = statuses
    attempts = 0
    sent = []
    const engine = new NetworkingEngine()
    engine.configure(real.util.PlayerConfiguration.createDefault().networking)
    const PlayerClass = (shaka as unknown as { Player: { prototype: object } }).Player
    jest
      .spyOn(PlayerClass.prototype as Fake, 'getNetworkingEngine')
      .mockReturnValue(engine as unknown as ReturnType<Fake['getNetworkingEngine']>)
    const { s, errors } = session({ ...player, retryBaseDelayMs: 1 }, licence)
    await s.load(video(), 'a.mpd', { preference: {} })
    const { retryParameters } = (last().configuration as shaka.extern.PlayerConfiguration).drm
    const pending = engine.request(
      type,
      NetworkingEngine.makeRequest([`${SCHEME}://lic`], retryParameters),
    )
    const failure = await pending.promise.then(
      () => null,
      (error: shaka.util.Error) => error,
    )
    await s.destroy()
    await engine.destroy()
    return { attempts, failure, errors }
  }

  test('a refused licence request (401/403) fails after one attempt', async () => {
    for (const status of [401, 403]) {
      const { attempts, failure, errors } = await request(2, Array(4).fill(status))
      expect(attempts).toBe(1)
      expect(failure).toMatchObject({ code: 1001, severity: 2 })
      expect(failure?.data[1]).toBe(status)
      expect(errors).toEqual([])
    }
  })

  test('no answer, a 5xx or a refusal of another request type is still retried', async () => {
    expect((await request(2, [500, 500, 500, 500])).attempts).toBe(player.retryAttempts)
    const recovered = await request(2, [0, 503])
    expect([recovered.attempts, recovered.failure]).toEqual([3, null])
    expect(recovered.errors.map((e) => e.code)).toEqual([
      PlaybackErrorCode.LICENCE_UNREACHABLE,
      PlaybackErrorCode.LICENCE_UNREACHABLE,
    ])
    // A 403 after a failed attempt stops there; a segment's 403 keeps Shaka's usual retries.
    expect((await request(2, [0, 403, 403, 403])).attempts).toBe(2)
    expect((await request(1, [403, 403, 403, 403])).attempts).toBe(player.retryAttempts)
  })

  test('a refused manifest (401, 403, 451) fails after one attempt; a failing one is retried', async () => {
    for (const status of [401, 403, 451]) {
      const { attempts, failure } = await request(0, Array(4).fill(status))
      expect([attempts, failure?.data[1]]).toEqual([1, status])
    }
    expect((await request(0, [503, 503, 503, 503])).attempts).toBe(player.retryAttempts)
  })

  describe('with a device token', () => {
    const device = (...tokens: string[]) => {
      let i = 0
      return {
        getDeviceToken: async () => ({ token: tokens[i]! }),
        refresh: async () => ({ token: tokens[++i]! }),
      }
    }

    test('a 401 refreshes the token once and the licence request is sent again with it', async () => {
      const licence = new LicenceToken(device('old', 'new'), 'Authorization')
      const { attempts, failure } = await request(2, [401, 200], licence)
      expect([attempts, failure]).toEqual([2, null])
      expect(sent).toEqual(['Bearer old', 'Bearer new'])
      expect(licence.notRecognised).toBe(false)
    })

    test('a second 401 stops there and the box is reported as not recognised', async () => {
      const licence = new LicenceToken(device('old', 'new', 'newer'), 'Authorization')
      const { attempts, failure } = await request(2, [401, 401, 401, 401], licence)
      expect(attempts).toBe(2)
      expect(sent).toEqual(['Bearer old', 'Bearer new'])
      expect(failure?.data[1]).toBe(401)
      expect(licence.notRecognised).toBe(true)
    })

    test('segment requests never carry the token', async () => {
      const licence = new LicenceToken(device('old'), 'Authorization')
      await request(1, [200], licence)
      expect(sent).toEqual([''])
    })
  })
})

describe('inCatalogueOrder', () => {
  test("the stream's own tracks first, in Shaka's order, then the sidecars in the catalogue's", () => {
    const tracks = [{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }]
    // Sidecars 2, 3 and 4 arrived in the order nl (3rd listed), de (1st), fr (2nd).
    const ranks = new Map([
      [2, 2],
      [3, 0],
      [4, 1],
    ])
    expect(inCatalogueOrder(tracks, ranks).map((t) => t.id)).toEqual([0, 1, 3, 4, 2])
    expect(inCatalogueOrder(tracks, new Map()).map((t) => t.id)).toEqual([0, 1, 2, 3, 4])
  })
})
