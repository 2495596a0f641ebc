import shaka from 'shaka-player'
import type {
  FakeFile,
  FakeRequest,
  Player as FakePlayerType,
} from '../../../__mocks__/shaka-player'
import { defaultAppConfig } from '../../../src/config/defaults'
import { fakeAds } from './fakeAds'
import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import type { Shaka } from '../../../src/player/loadShaka'
import { ShakaSession, type LoadOptions } from '../../../src/player/ShakaSession'
import { sidecarTracks } from '../../../src/player/streamChoice'

type Fake = FakePlayerType
const Fakes = (shaka as unknown as { Player: typeof FakePlayerType }).Player as unknown as {
  instances: Fake[]
  content: { audioLanguages: string[]; textLanguages: string[] }
  files: Record<string, FakeFile>
  requests: FakeRequest[]
  prototype: Fake
}
const last = () => Fakes.instances[Fakes.instances.length - 1]!

const MP4 = 'https://cdn.example.be/film.mp4'
const FR_SRT = 'https://cdn.example.be/film.fr.srt'
const NL_VTT = 'https://cdn.example.be/film.nl.vtt'
const DE_TTML = 'https://cdn.example.be/film.de.ttml'
const SRT =
  '1\n00:00:00,000 --> 00:00:04,000\nSous-titre\n\n2\n00:00:04,000 --> 00:00:08,000\nEncore\n'
const VTT = 'WEBVTT\n\n00:00.000 --> 00:04.000\nOndertitel\n'

const SIDECARS = sidecarTracks([
  { url: FR_SRT, language: 'fr', format: 'srt' },
  { url: NL_VTT, language: 'nl', format: 'vtt', captions: true },
])

/** Blobs handed to URL.createObjectURL (jsdom has none), by the URL given back. */
let blobs: Map<string, Blob>
let revoked: string[]

beforeEach(() => {
  Fakes.content = { audioLanguages: ['fr'], textLanguages: [] }
  Fakes.files = { [MP4]: {}, [FR_SRT]: { body: SRT }, [NL_VTT]: { body: VTT } }
  Fakes.requests.length = 0
  blobs = new Map()
  revoked = []
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`
      blobs.set(url, blob)
      return url
    },
    revokeObjectURL: (url: string) => void revoked.push(url),
  })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})

afterEach(() => jest.restoreAllMocks())

function session() {
  const errors: PlaybackError[] = []
  const s = new ShakaSession(shaka as unknown as Shaka, defaultAppConfig().player, {
    onError: (e) => errors.push(e),
    onBuffering: () => undefined,
    onTracksChanged: () => undefined,
    onSubtitlesFailed: () => undefined,
    onAudioChoiceFailed: () => undefined,
    onTextChoiceFailed: () => undefined,
  })
  return { s, errors }
}

const video = () => document.createElement('video')
const mp4 = (more: Partial<LoadOptions> = {}): LoadOptions => ({
  preference: {},
  mimeType: 'video/mp4',
  subtitles: SIDECARS,
  ...more,
})
const added = (fake: Fake) => fake.calls.filter((c) => c.method === 'addTextTrackAsync')
/** A VIDEO_ERROR as Shaka reports the element's MediaError (4: source not supported). */
const videoError = () => {
  const { Error: ShakaError } = (
    shaka as unknown as { util: { Error: new (...a: unknown[]) => Error } }
  ).util
  return new ShakaError(2, 3, 3016, 4, null, 'MEDIA_ELEMENT_ERROR: Format error')
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('ShakaSession: a progressive MP4 file', () => {
  test('loads with its MIME type and the resume position', async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4({ startTime: 42, subtitles: [] }))
    expect(last().calls.find((c) => c.method === 'load')?.args).toEqual([MP4, 42, 'video/mp4'])
  })

  test('plays its ad breaks, and after each loads the file again where it stopped, subtitles and all', async () => {
    const { s } = session()
    const ads = fakeAds()
    await s.load(video(), MP4, mp4({ ads: ads as never }))
    await s.sidecars
    expect(ads.prepare).toHaveBeenCalled()
    expect(ads.release).not.toHaveBeenCalled()
    const restore = (ads.attach.mock.calls[0] as unknown[])[4] as (at: number) => Promise<void>
    expect(restore).toEqual(expect.any(Function))
    const fake = last()
    const before = added(fake).length
    await restore(20.4)
    await s.sidecars
    const loads = fake.calls.filter((c) => c.method === 'load')
    expect(loads[loads.length - 1]?.args).toEqual([MP4, 20.4, 'video/mp4'])
    expect(added(fake).length).toBe(before * 2)
  })

  test('a file that does not come back after a break is reported as a failed load', async () => {
    const { s, errors } = session()
    const ads = fakeAds()
    await s.load(video(), MP4, mp4({ subtitles: [], ads: ads as never }))
    const restore = (ads.attach.mock.calls[0] as unknown[])[4] as (at: number) => Promise<void>
    last().failNextLoad(videoError())
    await restore(20)
    expect(errors).toHaveLength(1)
  })

  test('a manifest leaves its return after a break to Shaka', async () => {
    const { s } = session()
    const ads = fakeAds()
    await s.load(video(), 'a.mpd', {
      preference: {},
      mimeType: 'application/dash+xml',
      ads: ads as never,
    })
    expect((ads.attach.mock.calls[0] as unknown[])[4]).toBeUndefined()
  })

  test('a manifest gets its own MIME type, and no start position from the beginning', async () => {
    const { s } = session()
    await s.load(video(), 'a.mpd', { preference: {}, mimeType: 'application/dash+xml' })
    expect(last().calls.find((c) => c.method === 'load')?.args).toEqual([
      'a.mpd',
      null,
      'application/dash+xml',
    ])
  })

  test('a missing file (404) fails the load as "not found", after asking the server', async () => {
    const { s } = session()
    delete Fakes.files[MP4]
    await s.load(video(), MP4, mp4({ subtitles: [] }))
    last().failNextLoad(videoError())
    await expect(s.load(video(), MP4, mp4({ subtitles: [] }))).rejects.toMatchObject({
      error: { code: PlaybackErrorCode.NOT_FOUND, severity: 'critical' },
    })
    const probe = Fakes.requests.find((r) => r.uris[0] === MP4)
    expect(probe).toMatchObject({ method: 'HEAD', retryParameters: { maxAttempts: 1 } })
  })

  test('a file that is there but cannot be played is "unsupported"', async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4({ subtitles: [] }))
    last().failNextLoad(videoError())
    await expect(s.load(video(), MP4, mp4({ subtitles: [] }))).rejects.toMatchObject({
      error: { code: PlaybackErrorCode.UNSUPPORTED },
    })
  })

  test('an element error while playing is reported once, with what the server says', async () => {
    const { s, errors } = session()
    await s.load(video(), MP4, mp4({ subtitles: [] }))
    delete Fakes.files[MP4]
    last().emit('error', { detail: videoError() })
    await flush()
    expect(errors.map((e) => [e.code, e.severity])).toEqual([
      [PlaybackErrorCode.NOT_FOUND, 'critical'],
    ])
  })

  test('a manifest keeps the usual mapping of an element error (no probe)', async () => {
    const { s, errors } = session()
    await s.load(video(), 'a.mpd', { preference: {} })
    last().emit('error', { detail: videoError() })
    await flush()
    expect(errors.map((e) => e.code)).toEqual([PlaybackErrorCode.MEDIA])
    expect(Fakes.requests).toEqual([])
  })
})

describe('ShakaSession: sidecar subtitles', () => {
  test('each file is added after the load with its language, kind and MIME type', async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4())
    await s.sidecars
    const fake = last()
    expect(fake.callNames().indexOf('load')).toBeLessThan(
      fake.callNames().indexOf('addTextTrackAsync'),
    )
    expect(added(fake).map((c) => c.args.slice(1, 4))).toEqual([
      ['fr', 'subtitles', 'text/srt'],
      ['nl', 'captions', 'text/vtt'],
    ])
    // What was fetched is what Shaka gets, as a blob: URL of the right type.
    const urls = added(fake).map((c) => c.args[0] as string)
    expect(urls.map((url) => blobs.get(url)?.type)).toEqual(['text/srt', 'text/vtt'])
    expect(s.tracks().text.map((o) => [o.key, o.mimeType])).toEqual([
      ['text:off', undefined],
      ['text:fr', 'text/srt'],
      ['text:nl:sdh', 'text/vtt'],
    ])
  })

  test('they join the in-stream subtitles of a manifest the same way', async () => {
    Fakes.content.textLanguages = ['fr']
    Fakes.files[DE_TTML] = { body: '<tt><body><div><p>Untertitel</p></div></body></tt>' }
    const { s } = session()
    await s.load(video(), 'a.mpd', {
      preference: {},
      mimeType: 'application/dash+xml',
      subtitles: sidecarTracks([{ url: DE_TTML, language: 'de', format: 'ttml' }]),
    })
    await s.sidecars
    expect(added(last()).map((c) => c.args.slice(1, 4))).toEqual([
      ['de', 'subtitles', 'application/ttml+xml'],
    ])
    expect(s.tracks().text.map((o) => o.key)).toEqual(['text:off', 'text:fr', 'text:de'])
  })

  test("the household's subtitle language is selected once its file is added", async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4({ preference: { text: 'nl' } }))
    await s.sidecars
    expect(s.tracks().textLanguage).toBe('nl')
    expect(s.selectText('fr')).toBe(true)
    expect(s.tracks().textLanguage).toBe('fr')
  })

  test('a choice made while the files load is not overridden by the preference', async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4({ preference: { text: 'nl' } }))
    expect(s.selectText(null)).toBe(true)
    await s.sidecars
    expect(s.tracks().textLanguage).toBeNull()
  })

  test('a missing, empty or unreadable file is skipped and logged; playback goes on', async () => {
    Fakes.files[NL_VTT] = { body: '<html>Not here</html>' }
    Fakes.files[DE_TTML] = { body: '<tt><body></body></tt>' }
    const subtitles = sidecarTracks([
      { url: 'https://cdn.example.be/gone.vtt', language: 'en', format: 'vtt' },
      { url: NL_VTT, language: 'nl', format: 'vtt' },
      { url: DE_TTML, language: 'de', format: 'ttml' },
      { url: FR_SRT, language: 'fr', format: 'srt' },
    ])
    const { s, errors } = session()
    await expect(
      s.load(video(), MP4, mp4({ subtitles, preference: { text: 'fr' } })),
    ).resolves.toBeUndefined()
    await s.sidecars
    expect(added(last()).map((c) => c.args[1])).toEqual(['fr'])
    expect(s.tracks()).toMatchObject({ textLanguage: 'fr' })
    expect(errors).toEqual([])
    const warnings = (console.warn as jest.Mock).mock.calls.map((c) => String(c[0]))
    expect(warnings).toEqual([
      expect.stringMatching(/gone\.vtt \(en\) skipped: Shaka error 1001 .*404/),
      expect.stringMatching(/film\.nl\.vtt \(nl\) skipped: Shaka error 2000/),
      expect.stringMatching(/film\.de\.ttml \(de\) skipped: no cues/),
    ])
  })

  test('a file Shaka refuses to add is skipped; the next one is still added', async () => {
    // The spy falls back to the fake's own method after this once.
    jest
      .spyOn(Fakes.prototype, 'addTextTrackAsync')
      .mockImplementationOnce(() => Promise.reject(new Error('CANNOT_ADD')))
    const { s, errors } = session()
    await s.load(video(), MP4, mp4())
    await s.sidecars
    expect(s.tracks().text.map((o) => o.key)).toEqual(['text:off', 'text:nl:sdh'])
    expect(errors).toEqual([])
    expect(String((console.warn as jest.Mock).mock.calls[0]?.[0])).toMatch(
      /film\.fr\.srt .*CANNOT_ADD/,
    )
  })

  test('each file joins the menu once it has arrived: a slow or dead one keeps no other out', async () => {
    let answer = () => undefined as void
    // French hangs (a dead host costs its four timeouts); Dutch answers at once.
    Fakes.files[FR_SRT] = { body: SRT, hold: new Promise<void>((resolve) => (answer = resolve)) }
    const { s } = session()
    await s.load(video(), MP4, mp4({ preference: { text: 'nl' } }))
    await flush()
    expect(s.tracks().text.map((o) => o.key)).toEqual(['text:off', 'text:nl:sdh'])
    expect(s.tracks().textLanguage).toBe('nl')
    answer()
    await s.sidecars
    // Listed in the catalogue's order, as at every play, whichever arrived first.
    expect(s.tracks().text.map((o) => o.key)).toEqual(['text:off', 'text:fr', 'text:nl:sdh'])
    // The household's subtitles stay selected when a later file arrives.
    expect(s.tracks().textLanguage).toBe('nl')
  })

  test("the element's crossorigin mark Shaka leaves for src= text tracks is taken off again", async () => {
    // As Shaka does in src= mode when it appends its <track>.
    jest.spyOn(Fakes.prototype, 'addTextTrackAsync').mockImplementation(function (this: Fake) {
      this.getMediaElement()?.setAttribute('crossorigin', 'anonymous')
      return Promise.reject(new Error('not needed here'))
    })
    const element = video()
    const { s } = session()
    await s.load(element, MP4, mp4())
    await s.sidecars
    expect(element.hasAttribute('crossorigin')).toBe(false)
  })

  test('files of an earlier load are not added to the next one, and their URLs are released', async () => {
    const { s } = session()
    await s.load(video(), MP4, mp4())
    await s.load(video(), 'b.mpd', { preference: {}, mimeType: 'application/dash+xml' })
    await s.sidecars
    expect(added(last())).toEqual([])
    await s.load(video(), MP4, mp4())
    await s.sidecars
    const urls = added(last()).map((c) => c.args[0])
    expect(urls).toHaveLength(2)
    await s.destroy()
    expect(revoked).toEqual(expect.arrayContaining(urls))
  })
})
