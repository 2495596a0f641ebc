/**
 * Jest's automatic mock for the `shaka-player` npm package (a root `__mocks__` file next to
 * node_modules replaces the package in every unit test; `jest.requireActual('shaka-player')` gets
 * the real one). Real Shaka loads in jsdom but cannot play there (no MediaSource), so unit tests
 * use this fake and real playback is tested in Chromium (test/e2e).
 *
 * The fake records every call in `player.calls`, keeps the state a caller can observe (attached
 * element, loaded URI, configuration, selected languages, text visibility) and fires the events
 * real Shaka fires for those calls. What it does not do: fetch, parse or play anything.
 *
 * Test controls (not part of Shaka's API):
 * - `Player.instances`: every player constructed in this test file, oldest first.
 * - `Player.content`: the audio/text languages the next `load()` exposes (default: none).
 * - `player.failNextLoad(error)`: the next `load()` rejects with `error`.
 * - `player.emit(type, fields)`: fires an event such as `error` (`{ detail: shakaError }`) or
 *   `buffering` (`{ buffering: true }`) to the player's listeners.
 * - `Player.files`: what the fake networking engine answers, by URI (`{ status, body }`); a URI
 *   not listed answers 404, as a server does for a file it does not have. Every request it gets
 *   is kept in `Player.requests`. A file with `hold` is answered once that promise settles.
 *
 * The fake text parsers (`text.TextEngine.findParser`) count cues the way a reader would: one per
 * `-->` line in WebVTT (which must start with WEBVTT) and SRT, one per `<p` in TTML (which must
 * hold a `<tt` element); a file that breaks those rules throws Shaka's parse error.
 */

type Listener = (event: FakeEvent) => void
type ListenerObject = { handleEvent: Listener }

export interface FakeEvent {
  type: string
  target: FakePlayer
  [field: string]: unknown
}

export interface RecordedCall {
  method: string
  args: unknown[]
}

export interface FakeContent {
  audioLanguages: string[]
  textLanguages: string[]
  /**
   * Subtitle languages whose rendition cannot be read (an HLS media playlist answering 404): the
   * stream's createSegmentIndex() rejects, as Shaka's HLS parser does. The others' resolves.
   */
  unreadableText?: string[]
  /**
   * Audio renditions read only once chosen, as HLS ones are (their stream has no segment index
   * until createSegmentIndex()); the others are read at the load, as DASH ones are.
   */
  lazyAudio?: boolean
  /** Audio languages whose rendition cannot be read (with lazyAudio: a playlist answering 404). */
  unreadableAudio?: string[]
  /** The subtitle language the manifest marks primary (HLS DEFAULT=YES, DASH Role "main"). */
  primaryText?: string
}

/** A manifest stream as far as the session reads it. */
interface FakeStream {
  id: number
  language: string
  segmentIndex: object | null
  createSegmentIndex(): Promise<void>
}

/** Audio streams' ids start here, apart from the subtitle streams' (0, 1...). */
const AUDIO_ID = 100

export interface FakeFile {
  status?: number
  body?: string
  /** The answer waits for this to settle: a slow or hanging server. */
  hold?: Promise<unknown>
}

export interface FakeRequest {
  type: number
  uris: string[]
  method: string
  headers: Record<string, string>
  retryParameters: unknown
}

/** A text track added with addTextTrackAsync (sidecar subtitles). */
interface ExternalText {
  id: number
  uri: string
  language: string
  kind: string
  mimeType: string | null
  label: string | null
}

const Severity = { RECOVERABLE: 1, CRITICAL: 2 } as const

const Category = {
  NETWORK: 1,
  TEXT: 2,
  MEDIA: 3,
  MANIFEST: 4,
  STREAMING: 5,
  DRM: 6,
  PLAYER: 7,
  CAST: 8,
  STORAGE: 9,
  ADS: 10,
} as const

/** A subset of shaka.util.Error.Code, same numbers as Shaka 5.2. */
const Code = {
  BAD_HTTP_STATUS: 1001,
  HTTP_ERROR: 1002,
  TIMEOUT: 1003,
  MEDIA_SOURCE_OPERATION_FAILED: 3014,
  MEDIA_SOURCE_OPERATION_THREW: 3015,
  VIDEO_ERROR: 3016,
  INVALID_TEXT_HEADER: 2000,
  INVALID_XML: 2005,
  MISSING_TEXT_PLUGIN: 2014,
  UNABLE_TO_GUESS_MANIFEST_TYPE: 4000,
  DASH_INVALID_XML: 4001,
  REQUESTED_KEY_SYSTEM_CONFIG_UNAVAILABLE: 6001,
  LICENSE_REQUEST_FAILED: 6007,
  LICENSE_RESPONSE_REJECTED: 6008,
  NO_LICENSE_SERVER_GIVEN: 6012,
  LOAD_INTERRUPTED: 7000,
  NO_VIDEO_ELEMENT: 7002,
  OBJECT_DESTROYED: 7003,
  CONTENT_NOT_LOADED: 7004,
} as const

class ShakaError extends Error {
  static readonly Severity = Severity
  static readonly Category = Category
  static readonly Code = Code

  readonly data: unknown[]
  handled = false

  constructor(
    readonly severity: number,
    readonly category: number,
    readonly code: number,
    ...data: unknown[]
  ) {
    super(`Shaka Error ${code}`)
    this.name = 'ShakaError'
    this.data = data
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key]
    if (isPlainObject(value) && isPlainObject(current)) mergeInto(current, value)
    else if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {}
      mergeInto(copy, value)
      target[key] = copy
    } else target[key] = value
  }
}

/** `configure('a.b.c', 1)` -> `{ a: { b: { c: 1 } } }`, as Shaka does. */
function pathToObject(path: string, value: unknown): Record<string, unknown> {
  return path
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>
}

class FakePlayer {
  static readonly version = 'v5.2.12-fake'
  static readonly instances: FakePlayer[] = []
  static content: FakeContent = { audioLanguages: [], textLanguages: [] }
  static files: Record<string, FakeFile> = {}
  static readonly requests: FakeRequest[] = []

  static isBrowserSupported(): boolean {
    return true
  }

  readonly calls: RecordedCall[] = []
  mediaElement: HTMLMediaElement | null = null
  assetUri: string | null = null
  startTime: number | null = null
  mimeType: string | null = null
  configuration: Record<string, unknown> = {}
  selectedAudioLanguage: string | null = null
  selectedTextLanguage: string | null = null
  textVisible = false
  destroyed = false
  /** Test control: what isLive() says, and the presentation's duration (getManifest()). */
  live = false
  duration = Infinity
  private content: FakeContent | null = null
  /** Ids of the in-stream subtitle streams whose rendition was read (getManifest()). */
  private readText = new Set<number>()
  /** Ids of the audio streams whose rendition was read (FakeContent.lazyAudio). */
  private readAudio = new Set<number>()
  private externalText: ExternalText[] = []
  private pendingLoadError: Error | null = null
  private readonly listeners = new Map<string, Set<Listener | ListenerObject>>()

  constructor(mediaElement?: HTMLMediaElement | null) {
    this.record('constructor', [mediaElement])
    this.mediaElement = mediaElement ?? null
    FakePlayer.instances.push(this)
  }

  attach(mediaElement: HTMLMediaElement, initializeMediaSource = true): Promise<void> {
    this.record('attach', [mediaElement, initializeMediaSource])
    if (this.destroyed) return this.rejectDestroyed()
    this.mediaElement = mediaElement
    return Promise.resolve()
  }

  detach(): Promise<void> {
    this.record('detach', [])
    this.mediaElement = null
    this.content = null
    this.externalText = []
    this.assetUri = null
    return Promise.resolve()
  }

  load(assetUri: string, startTime?: number | null, mimeType?: string | null): Promise<void> {
    this.record('load', [assetUri, startTime, mimeType])
    if (this.destroyed) return this.rejectDestroyed()
    if (!this.mediaElement) {
      return Promise.reject(
        new ShakaError(Severity.CRITICAL, Category.PLAYER, Code.NO_VIDEO_ELEMENT),
      )
    }
    this.emit('loading')
    if (this.pendingLoadError !== null) {
      const error = this.pendingLoadError
      this.pendingLoadError = null
      return Promise.reject(error)
    }
    this.assetUri = assetUri
    this.startTime = startTime ?? null
    this.mimeType = mimeType ?? null
    this.externalText = []
    this.content = {
      audioLanguages: [...FakePlayer.content.audioLanguages],
      textLanguages: [...FakePlayer.content.textLanguages],
      unreadableText: [...(FakePlayer.content.unreadableText ?? [])],
      lazyAudio: FakePlayer.content.lazyAudio ?? false,
      unreadableAudio: [...(FakePlayer.content.unreadableAudio ?? [])],
      primaryText: FakePlayer.content.primaryText,
    }
    this.readText = new Set()
    this.readAudio = new Set()
    this.selectedAudioLanguage = this.content.audioLanguages[0] ?? null
    this.selectedTextLanguage = null
    // Like Shaka: after the manifest is read and before streams are chosen by the preferences.
    this.emit('streaming')
    const preferredText = (this.configuration.preferredText ?? []) as { language: string }[]
    this.selectedTextLanguage =
      preferredText
        .map((preference) => preference.language)
        .find((language) => this.content!.textLanguages.includes(language)) ?? null
    this.emit('loaded')
    this.emit('trackschanged')
    return Promise.resolve()
  }

  unload(initializeMediaSource = true): Promise<void> {
    this.record('unload', [initializeMediaSource])
    if (this.destroyed) return this.rejectDestroyed()
    this.assetUri = null
    this.content = null
    this.externalText = []
    this.selectedAudioLanguage = null
    this.selectedTextLanguage = null
    this.emit('unloading')
    return Promise.resolve()
  }

  destroy(): Promise<void> {
    this.record('destroy', [])
    this.destroyed = true
    this.mediaElement = null
    this.assetUri = null
    this.content = null
    this.externalText = []
    this.listeners.clear()
    return Promise.resolve()
  }

  configure(config: string | Record<string, unknown>, value?: unknown): boolean {
    this.record('configure', [config, value])
    const patch = typeof config === 'string' ? pathToObject(config, value) : config
    mergeInto(this.configuration, patch)
    return true
  }

  getConfiguration(): Record<string, unknown> {
    this.record('getConfiguration', [])
    const copy: Record<string, unknown> = {}
    mergeInto(copy, this.configuration)
    return copy
  }

  getMediaElement(): HTMLMediaElement | null {
    return this.mediaElement
  }

  getAssetUri(): string | null {
    return this.assetUri
  }

  getAudioLanguages(): string[] {
    this.record('getAudioLanguages', [])
    return [...(this.content?.audioLanguages ?? [])]
  }

  selectAudioLanguage(language: string, role?: string): void {
    this.record('selectAudioLanguage', [language, role])
    if (this.content?.audioLanguages.includes(language)) {
      this.selectedAudioLanguage = language
      this.emit('variantchanged')
    }
  }

  getTextLanguages(): string[] {
    this.record('getTextLanguages', [])
    return [...(this.content?.textLanguages ?? [])]
  }

  selectTextLanguage(language: string, role?: string, forced?: boolean): void {
    this.record('selectTextLanguage', [language, role, forced])
    if (this.content?.textLanguages.includes(language)) {
      this.selectedTextLanguage = language
      this.emit('textchanged')
    }
  }

  setTextTrackVisibility(visible: boolean): void {
    this.record('setTextTrackVisibility', [visible])
    if (this.textVisible !== visible) {
      this.textVisible = visible
      this.emit('texttrackvisibility')
    }
  }

  isTextTrackVisible(): boolean {
    return this.textVisible
  }

  /** Shaka 5 track API: one audio track per language (the first active), text tracks by id. */
  getAudioTracks(): { language: string; roles: string[]; label: null; active: boolean }[] {
    this.record('getAudioTracks', [])
    return (this.content?.audioLanguages ?? []).map((language) => ({
      language,
      roles: [],
      label: null,
      active: language === this.selectedAudioLanguage,
    }))
  }

  /** One variant per audio language; its audio stream's id is AUDIO_ID + its index. */
  getVariantTracks(): {
    language: string
    label: null
    audioRoles: string[]
    audioId: number
    active: boolean
  }[] {
    return (this.content?.audioLanguages ?? []).map((language, index) => ({
      language,
      label: null,
      audioRoles: [],
      audioId: AUDIO_ID + index,
      active: language === this.selectedAudioLanguage,
    }))
  }

  selectAudioTrack(track: { language: string }, safeMargin?: number): void {
    this.record('selectAudioTrack', [track, safeMargin])
    this.selectedAudioLanguage = track.language
    this.emit('variantchanged')
  }

  getTextTracks(): {
    id: number
    language: string
    roles: string[]
    label: string | null
    active: boolean
    kind: string
    forced: boolean
    primary: boolean
    mimeType: string | null
  }[] {
    this.record('getTextTracks', [])
    const inStream = (this.content?.textLanguages ?? []).map((language, id) => ({
      id,
      language,
      roles: [],
      label: null,
      active: language === this.selectedTextLanguage,
      kind: 'subtitle',
      forced: false,
      primary: language === this.content?.primaryText,
      mimeType: 'text/vtt',
    }))
    const sidecars = this.externalText.map((track) => ({
      id: track.id,
      language: track.language,
      roles: [],
      label: track.label,
      active: track.language === this.selectedTextLanguage,
      kind: track.kind,
      forced: false,
      primary: false,
      mimeType: track.mimeType,
    }))
    return [...inStream, ...sidecars]
  }

  /** Adds a sidecar text track; like Shaka, only after load() and for a type it can parse. */
  addTextTrackAsync(
    uri: string,
    language: string,
    kind: string,
    mimeType?: string,
    codec?: string,
    label?: string,
    forced?: boolean,
  ): Promise<ReturnType<FakePlayer['getTextTracks']>[number]> {
    this.record('addTextTrackAsync', [uri, language, kind, mimeType, codec, label, forced])
    if (!this.content) {
      return Promise.reject(
        new ShakaError(Severity.RECOVERABLE, Category.PLAYER, Code.CONTENT_NOT_LOADED),
      )
    }
    if (!mimeType || !PARSERS[mimeType]) {
      return Promise.reject(
        new ShakaError(Severity.CRITICAL, Category.TEXT, Code.MISSING_TEXT_PLUGIN, mimeType),
      )
    }
    const id = (this.content.textLanguages.length || 0) + this.externalText.length
    this.externalText.push({ id, uri, language, kind, mimeType, label: label ?? null })
    this.emit('trackschanged')
    return Promise.resolve(this.getTextTracks().find((track) => track.id === id)!)
  }

  selectTextTrack(track?: { language: string } | null): void {
    this.record('selectTextTrack', [track])
    this.selectedTextLanguage = track ? track.language : null
    this.emit('textchanged')
  }

  /** Request filters registered by the app (run them with `requestFilters[i](type, request)`). */
  readonly requestFilters: ((
    type: number,
    request: { headers: Record<string, string> },
  ) => void)[] = []

  getNetworkingEngine(): {
    registerRequestFilter(filter: FakePlayer['requestFilters'][0]): void
    request(type: number, request: FakeRequest): { promise: Promise<FakeResponse> }
  } {
    return {
      registerRequestFilter: (filter) => void this.requestFilters.push(filter),
      request: (type, request) => ({ promise: fakeRequest(type, request) }),
    }
  }

  keySystem(): string {
    return ''
  }

  drmInfo(): null {
    return null
  }

  isLive(): boolean {
    return this.live
  }

  /** As Shaka names the parser that read the manifest (by the file's extension here). */
  getManifestType(): string | null {
    if (/\.m3u8(\?|$)/.test(this.assetUri ?? '')) return 'HLS'
    if (/\.mpd(\?|$)/.test(this.assetUri ?? '')) return 'DASH'
    return null
  }

  /**
   * The presentation's duration, and its in-stream subtitle streams: like an HLS rendition, each
   * has no segment index until createSegmentIndex() has read it (see FakeContent.unreadableText).
   */
  getManifest(): {
    presentationTimeline: { getDuration(): number }
    textStreams: FakeStream[]
    variants: { audio: FakeStream }[]
  } | null {
    const duration = this.duration
    if (this.assetUri === null) return null
    const content = this.content
    const textStreams = (content?.textLanguages ?? []).map((language, id) => ({
      id,
      language,
      segmentIndex: this.readText.has(id) ? {} : null,
      createSegmentIndex: async () => {
        this.record('createSegmentIndex', [id])
        await Promise.resolve()
        if (content?.unreadableText?.includes(language)) {
          const uri = `https://cdn.example.be/subs-${language}.m3u8`
          throw new ShakaError(Severity.CRITICAL, Category.NETWORK, Code.BAD_HTTP_STATUS, uri, 404)
        }
        this.readText.add(id)
      },
    }))
    const variants = (content?.audioLanguages ?? []).map((language, index) => {
      const id = AUDIO_ID + index
      return {
        audio: {
          id,
          language,
          segmentIndex: !content?.lazyAudio || this.readAudio.has(id) ? {} : null,
          createSegmentIndex: async () => {
            this.record('createSegmentIndex', [id])
            await Promise.resolve()
            if (content?.unreadableAudio?.includes(language)) {
              const uri = `https://cdn.example.be/audio-${language}.m3u8`
              throw new ShakaError(
                Severity.CRITICAL,
                Category.NETWORK,
                Code.BAD_HTTP_STATUS,
                uri,
                404,
              )
            }
            this.readAudio.add(id)
          },
        },
      }
    })
    return { presentationTimeline: { getDuration: () => duration }, textStreams, variants }
  }

  /** The two figures analytics reads (src/player/ShakaSession.ts stats()). */
  getStats(): { streamBandwidth: number; droppedFrames: number } {
    return { streamBandwidth: 1_500_000, droppedFrames: 3 }
  }

  seekRange(): { start: number; end: number } {
    return { start: 0, end: 0 }
  }

  retryStreaming(delay?: number): boolean {
    this.record('retryStreaming', [delay])
    return true
  }

  addEventListener(type: string, listener: Listener | ListenerObject): void {
    this.record('addEventListener', [type, listener])
    let set = this.listeners.get(type)
    if (!set) {
      set = new Set()
      this.listeners.set(type, set)
    }
    set.add(listener)
  }

  removeEventListener(type: string, listener: Listener | ListenerObject): void {
    this.record('removeEventListener', [type, listener])
    this.listeners.get(type)?.delete(listener)
  }

  /** Number of listeners for `type`, so a test can check that a wrapper cleans up after itself. */
  listenerCount(type: string): number {
    return this.listeners.get(type)?.size ?? 0
  }

  /** Test control: the next `load()` rejects with `error` (e.g. a `shaka.util.Error`). */
  failNextLoad(error: Error): void {
    this.pendingLoadError = error
  }

  /** Test control: fires an event to the listeners, with `fields` copied onto the event. */
  emit(type: string, fields: Record<string, unknown> = {}): FakeEvent {
    const event: FakeEvent = { ...fields, type, target: this }
    for (const listener of [...(this.listeners.get(type) ?? [])]) {
      if (typeof listener === 'function') listener(event)
      else listener.handleEvent(event)
    }
    return event
  }

  /** Names of the recorded calls, in order (handy for `toEqual([...])`). */
  callNames(): string[] {
    return this.calls.map((call) => call.method)
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args })
  }

  private rejectDestroyed(): Promise<never> {
    return Promise.reject(new ShakaError(Severity.CRITICAL, Category.PLAYER, Code.OBJECT_DESTROYED))
  }
}

interface FakeResponse {
  uri: string
  status: number
  headers: Record<string, string>
  data: ArrayBuffer
}

/** Answers from `Player.files`, after a tick as a network would; a missing URI is a 404. */
async function fakeRequest(type: number, request: FakeRequest): Promise<FakeResponse> {
  FakePlayer.requests.push({ ...request, type })
  await Promise.resolve()
  const uri = request.uris[0] ?? ''
  const file = FakePlayer.files[uri]
  await file?.hold
  const status = file ? (file.status ?? 200) : 404
  if (status === 0)
    throw new ShakaError(Severity.CRITICAL, Category.NETWORK, Code.HTTP_ERROR, uri, null, type)
  if (status >= 400) {
    throw new ShakaError(Severity.CRITICAL, Category.NETWORK, Code.BAD_HTTP_STATUS, uri, status)
  }
  const body = request.method === 'HEAD' ? '' : (file?.body ?? '')
  return { uri, status, headers: {}, data: utf8(body).buffer }
}

const RequestType = { MANIFEST: 0, SEGMENT: 1, LICENSE: 2, APP: 3 } as const

const NetworkingEngine = {
  RequestType,
  makeRequest(uris: string[], retryParameters: unknown): FakeRequest {
    return { type: -1, uris: [...uris], method: 'GET', headers: {}, retryParameters }
  },
}

type FakeCue = { startTime: number; endTime: number; payload: string }

// jsdom has no TextEncoder/TextDecoder: UTF-8 through the URI escapes instead.
const utf8 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0))
const textOf = (data: Uint8Array): string =>
  decodeURIComponent(escape(String.fromCharCode(...data)))

/** Cue counts only (see the header comment); a broken file throws as Shaka's parsers do. */
const PARSERS: Record<string, (text: string) => FakeCue[]> = {
  'text/vtt': (text) => {
    if (!text.startsWith('WEBVTT'))
      throw new ShakaError(Severity.CRITICAL, Category.TEXT, Code.INVALID_TEXT_HEADER)
    return cuesOf(text, '-->')
  },
  'text/srt': (text) => cuesOf(text, '-->'),
  'application/ttml+xml': (text) => {
    if (!text.includes('<tt'))
      throw new ShakaError(Severity.CRITICAL, Category.TEXT, Code.INVALID_XML)
    return cuesOf(text, '<p')
  },
}

const cuesOf = (text: string, marker: string): FakeCue[] =>
  text
    .split(marker)
    .slice(1)
    .map((_, i) => ({ startTime: i, endTime: i + 1, payload: '' }))

const TextEngine = {
  findParser(mimeType: string) {
    const parse = PARSERS[mimeType]
    if (!parse) return null
    return () => ({
      parseInit: () => undefined,
      setManifestType: () => undefined,
      parseMedia: (data: Uint8Array) => parse(textOf(data)),
    })
  },
}

const polyfill = {
  installed: false,
  installAll(): void {
    polyfill.installed = true
  },
}

const shaka = {
  Player: FakePlayer,
  polyfill,
  util: { Error: ShakaError },
  net: { NetworkingEngine },
  text: { TextEngine },
}

export { FakePlayer as Player, ShakaError }
export default shaka
