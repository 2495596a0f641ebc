import shaka from 'shaka-player'
import type { Player as FakePlayerType } from '../../../__mocks__/shaka-player'
import { DEFAULT_APP_CONFIG } from '../../../src/config/defaults'
import { PlaybackErrorCode, PlaybackFailure, type PlaybackError } from '../../../src/player/errors'
import type { Shaka } from '../../../src/player/loadShaka'
import { ShakaSession } from '../../../src/player/ShakaSession'

type Fake = FakePlayerType
const Fakes = (shaka as unknown as { Player: typeof FakePlayerType }).Player as unknown as {
  instances: Fake[]
  content: { audioLanguages: string[]; textLanguages: string[] }
}

const player = DEFAULT_APP_CONFIG.player

function session(config = player) {
  const errors: PlaybackError[] = []
  const s = new ShakaSession(shaka as unknown as Shaka, config, {
    onError: (e) => errors.push(e),
    onBuffering: () => undefined,
    onTracksChanged: () => undefined,
  })
  return { s, errors }
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
const last = () => Fakes.instances[Fakes.instances.length - 1]!

describe('ShakaSession', () => {
  beforeEach(() => (Fakes.content = { audioLanguages: ['fr', 'nl'], textLanguages: ['fr', 'nl'] }))

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

  test('network errors after the start are recoverable (retried); others stay critical', async () => {
    const { s, errors } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    last().emit('error', { detail: { category: 1, code: 1002, severity: 2, data: ['u'] } })
    last().emit('error', { detail: { category: 3, code: 3016, severity: 2 } })
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.NETWORK, 'recoverable'],
      [PlaybackErrorCode.MEDIA, 'critical'],
    ])
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
    // shaka.util.Error data: TIMEOUT [uri, type], BAD_HTTP_STATUS [uri, status, text, headers, type].
    onRetry!({ error: { category: 1, code: 1003, severity: 1, data: [url, 2] } })
    onRetry!({ error: { category: 1, code: 1001, severity: 1, data: [url, 403, '', {}, 2] } })
    onRetry!({ error: { category: 1, code: 1003, severity: 1, data: ['seg.m4s', 1] } })
    onRetry!({ error: null })
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.LICENCE_UNREACHABLE, 'recoverable'],
      [PlaybackErrorCode.LICENCE_REFUSED, 'recoverable'],
    ])
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
