import type { ShakaAds } from '../ads/ShakaAds'
import type { AppConfig } from '../config/defaults'
import type { PlaybackStatsSample } from './playbackHub'
import {
  fromProgressiveError,
  fromLoadFailure,
  fromShakaError,
  isVideoError,
  PlaybackErrorCode,
  PlaybackFailure,
  type PlaybackError,
} from './errors'
import { cutIgnoredRange } from './ignoredRange'
import { LICENSE_REQUEST, licenceAttempt, manifestRefused } from './licenceAttempt'
import { closeEventPlaylist } from './hlsEvent'
import { variantUris, withoutVariants } from './hlsVariants'
import { HlsCodecCheck, type TsCodecs } from './hlsCodecCheck'
import { liveTitleStart } from './liveTitleStart'
import { hlsStartOffset } from './hlsStart'
import { keepMuxedAudioOnly } from './hlsMuxedAudio'
import { fillMissingChannels } from './mpdChannels'
import { fillMissingCodecs, type InitRequest } from './mpdCodecs'
import { unprefixMpd } from './mpdPrefix'
import { labelUnnamedAudio } from './mpdAudioSets'
import { looksLikeWebPage, webPageFailure } from './webPageAnswer'
import type { LicenceToken } from './licenceToken'
import type { Shaka } from './loadShaka'
import { shakaConfig } from './shakaConfig'
import { SubtitleRequests } from './subtitleFailure'
import { nameWebVttSegment } from './subtitleSegmentType'
import { isProgressive, type SidecarTrack } from './streamChoice'
import { codecName, undecodableFilePicture } from './progressivePicture'
import { unreadAudioStreams } from './unreadAudio'
import { TsMapTables } from './tsMapTables'
import {
  audioOptions,
  findAudioTrack,
  findTextTrack,
  planTracks,
  streamDefaultText,
  textOptions,
  type TrackOption,
  type TrackPreference,
} from './tracks'

type ShakaPlayer = InstanceType<Shaka['Player']>
type ShakaErrorLike = Parameters<typeof fromShakaError>[0]
type RetryParameters = ReturnType<typeof shakaConfig>['config']['manifest']['retryParameters']

export interface LoadOptions {
  startTime?: number
  /**
   * A title of the catalogue: it starts at its beginning (or `startTime`) even when its manifest
   * says live, as an HLS export marked EVENT without its ENDLIST does (without this Shaka starts
   * such a film at its live edge, a few seconds before the end), and such a playlist is read as
   * finished; a live sliding window is joined at its live edge (liveTitleStart). Live channels
   * leave it unset.
   */
  fromStart?: boolean
  preference: TrackPreference
  /** How the source is carried; a progressive file's ('video/mp4') plays through src=. */
  mimeType?: string
  /** Subtitle files next to the video, added once it has loaded. */
  subtitles?: readonly SidecarTrack[]
  /**
   * The title's ad breaks (src/ads): the pre-roll is resolved before the content loads (bounded
   * by the operator's timeout), the rest once it has; released with the session.
   */
  ads?: ShakaAds
}

export interface SessionListener {
  /** `ahead`: the failure is of data ahead of what is buffered (see PlaybackEvent 'error'). */
  onError(error: PlaybackError, ahead?: boolean): void
  onBuffering(buffering: boolean): void
  onTracksChanged(): void
  /** The subtitles on screen could not be loaded or read: they are off, the film plays on. */
  onSubtitlesFailed(): void
  /**
   * The subtitles the viewer chose (selectText), or the profile's at the load, could not be
   * loaded: those on screen before the choice (or none) stay.
   */
  onTextChoiceFailed(): void
  /** The audio the viewer chose (selectAudio) could not be loaded: the sound from before plays on. */
  onAudioChoiceFailed(): void
  /**
   * A stream that was live when it loaded is live no more: its manifest says the broadcast is
   * over. `end`: where its media stops (null while Shaka does not know).
   */
  onLiveEnded?(end: number | null): void
}

export interface TrackState {
  audio: TrackOption[]
  text: TrackOption[]
  audioLanguage: string | null
  textLanguage: string | null
}

/**
 * Text tracks with the sidecar files in the catalogue's order, after the stream's own (kept in
 * Shaka's order). `ranks`: a sidecar track's place in the catalogue's list, by track id.
 */
export function inCatalogueOrder<T extends { id: number }>(
  tracks: readonly T[],
  ranks: ReadonlyMap<number, number>,
): T[] {
  return tracks
    .map((track, index) => ({ track, index, rank: ranks.get(track.id) ?? -1 }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ track }) => track)
}

/** shaka.net.NetworkingEngine.RequestType.MANIFEST */
const MANIFEST_REQUEST = 0
/** shaka.net.NetworkingEngine.RequestType.SEGMENT */
const SEGMENT_REQUEST = 1
const NETWORK_CATEGORY = 1
const DRM_CATEGORY = 6
const LICENSE_REQUEST_FAILED = 6007
/** shaka.util.Error.Code.BAD_HTTP_STATUS: data[1] is the status. */
const BAD_HTTP_STATUS = 1001
/** shaka.util.Error.Code.HTTP_ERROR: the request failed without a status; data[0] the URI. */
const HTTP_ERROR = 1002

/**
 * One Shaka player bound to the page's single <video>. There is never more than one: `load`
 * replaces the previous content, `destroy` releases buffers, listeners and the MediaSource.
 */
export class ShakaSession {
  private player?: ShakaPlayer
  private video?: HTMLMediaElement
  private loaded = false
  /** What plays now: a progressive file (src=) or a manifest (MediaSource). */
  /** onDemand: a title of the catalogue (LoadOptions.fromStart), not a live channel. */
  private source = { url: '', progressive: false, onDemand: false }
  /** Counts loads, so work for an earlier one (sidecars, a probe) never touches a later one. */
  private generation = 0
  /** The viewer picked subtitles in this load: late sidecars do not override the choice. */
  private textChosen = false
  /** Counts the viewer's subtitle choices: a rendition that arrives late counts for the last only. */
  private textSelection = 0
  /** Counts the viewer's audio choices, as textSelection does. */
  private audioSelection = 0
  /** An HLS title's own start (EXT-X-START), read from its playlists during the load. */
  private startOffset: number | null = null
  /** The load under way resumes at a saved position, which wins over the title's own start. */
  private resuming = false
  /** The household's track preference for the load under way. */
  private textPreference: TrackPreference = {}
  /** A subtitle stream was started only so that Shaka times subtitles chosen later (onStreaming). */
  private textWarmed = false
  /** The HLS variants of the load under way, and those dropped after failing (dropFailedVariant). */
  private variants: string[] = []
  private failedVariants = new Set<string>()
  /**
   * This session's own load() is under way. Shaka's interstitials load the content again after a
   * break, through the same player: that load keeps its own start and choices.
   */
  private ownLoad = false
  /** What the last load played was live once loaded, and its manifest has not said otherwise. */
  private live = false
  /**
   * Each sidecar track's place in the catalogue's list, by Shaka's track id: they are added as
   * they arrive, and the menu lists them in the catalogue's order whatever that was.
   */
  private readonly sidecarRanks = new Map<number, number>()
  /** The manifest URL that was answered with a web page during this load, if one was. */
  private webPageAt?: string
  private objectUrls: string[] = []
  private ads?: ShakaAds
  private retryParameters?: RetryParameters
  /** Codecs read from streams' first bytes, by URL: a live manifest asks again at each refresh. */
  private readonly codecCache = new Map<string, string>()
  /** Channel counts read from DASH initialisation segments (mpdChannels.ts), by URL and range. */
  private readonly channelCache = new Map<string, number | null>()
  /** Whether an HLS master's CODECS say what its TS segments carry (hlsCodecCheck.ts). */
  private readonly codecCheck = new HlsCodecCheck((bytes) => readTsCodecs(this.shaka, bytes))
  /** TS segments whose program tables are in their EXT-X-MAP (tsMapTables.ts). */
  private readonly tsMaps = new TsMapTables()
  private readonly subtitleRequests = new SubtitleRequests()
  /** The element's crossorigin attribute as the app left it (see addSidecars). */
  private crossOrigin: string | null = null
  /** Settles once the last load's sidecar subtitles are added or skipped. Never rejects. */
  sidecars: Promise<void> = Promise.resolve()
  private readonly onShakaError = (event: Event) => {
    const detail = (event as Event & { detail?: ShakaErrorLike }).detail
    if (this.source.progressive && isVideoError(detail)) {
      // Before the load resolves, load() rejects with the same error and reports it.
      if (this.loaded) void this.reportProgressiveError(detail ?? {})
      return
    }
    if (this.subtitleRequests.failed(detail ?? {})) return this.dropSubtitles(detail ?? {})
    const error = this.withDevice(fromShakaError(detail ?? {}, this.encrypted))
    // Mid-stream network trouble (a cut, a timeout, a 5xx) is ridden out: Shaka retries through
    // the failure callback, and the screen's stall watchdog ends it if nothing moves for too long.
    const transient =
      this.loaded &&
      (error.code === PlaybackErrorCode.NETWORK || error.code === PlaybackErrorCode.SERVER_ERROR)
    // A segment missing once playing (a CDN that lost one): the seconds already buffered play
    // before the viewer is told, rather than being cut off at the moment it is fetched.
    const ahead = this.loaded && error.code === PlaybackErrorCode.NOT_FOUND
    this.listener.onError(transient ? { ...error, severity: 'recoverable' } : error, ahead)
  }
  /**
   * Shaka reports a licence failure only once its retries are spent. A refusal (401/403) would get
   * the same answer again, so its retry is cancelled and the viewer is told at once. Other failures
   * are retried; for a server that hangs those retries outlast the stall watchdog, so each retried
   * attempt is reported as a recoverable licence error and the watchdog names the licence server.
   */
  private readonly onRetry = (event: Event) => {
    const error = (event as Event & { error?: ShakaErrorLike | null }).error
    // A manifest refused (401, 403, 451) is refused again: the viewer is told at once.
    if (error && manifestRefused(error)) return event.preventDefault()
    const attempt = error ? licenceAttempt(error) : null
    if (attempt === 'refused') {
      // A 401 with a device token: one retry with a fresh token (licenceToken.ts).
      const unauthorized = error?.code === BAD_HTTP_STATUS && Number(error.data?.[1]) === 401
      if (unauthorized && this.licence?.unauthorized()) return
      event.preventDefault()
    }
    if (attempt !== 'failed') return
    const licence = { category: DRM_CATEGORY, code: LICENSE_REQUEST_FAILED, data: [error] }
    this.listener.onError({ ...fromShakaError(licence), severity: 'recoverable' })
  }
  private readonly onBuffering = (event: Event) =>
    this.listener.onBuffering(Boolean((event as Event & { buffering?: boolean }).buffering))
  private readonly onTracks = () => this.listener.onTracksChanged()

  /**
   * Shaka reads a live manifest again and again; the end of a live event turns it static (DASH-IF
   * IOP), gives it a duration, or ends the HLS playlist. Shaka then plays up to that end, and
   * says so here first.
   */
  private readonly onManifestUpdated = (event: Event) => {
    if (!this.live || (event as Event & { isLive?: boolean }).isLive !== false) return
    this.live = false
    this.listener.onLiveEnded?.(this.presentationEnd())
  }

  /** Shaka asks here, once the manifest is read and before it places the playhead. */
  private readonly onCanUpdateStartTime = () => {
    const player = this.player
    if (!player || !this.ownLoad || this.resuming || !this.source.onDemand) return
    if (this.startOffset !== null) player.updateStartTime(this.startOffset)
    else if (player.isLive()) {
      const timeline = player.getManifest()?.presentationTimeline
      const start = liveTitleStart(timeline?.getSegmentAvailabilityDuration() ?? Infinity)
      // Shaka reads null as the live edge, as in load(); its typing says number only.
      if (start === null) player.updateStartTime(null as unknown as number)
    }
  }

  /**
   * Shaka places a subtitle segment by the last picture it appended after its subtitle engine
   * was made, and makes that engine only when a subtitle stream is first chosen. Chosen once the
   * rest of the title was appended (a short title, the last 20 s of one), the segments waited for
   * a picture that never came, and nothing showed. So when the household starts without
   * subtitles (or in a language this title lacks), the manifest's first subtitle stream is chosen
   * for the start (this event comes after the manifest is read and before any stream is), and
   * dropped once the load is done.
   */
  private readonly onStreaming = () => {
    const player = this.player
    if (!player || !this.ownLoad || this.source.progressive) return
    const tracks = player.getTextTracks()
    const first =
      streamDefaultText(this.textPreference, tracks, player.getManifestType()) ?? tracks[0]
    const wanted = this.textPreference.text
    if (!first || (wanted && findTextTrack(tracks, wanted))) return
    player.configure({ preferredText: [{ language: first.language }] })
    this.textWarmed = true
  }

  constructor(
    private readonly shaka: Shaka,
    private readonly config: AppConfig['player'],
    private readonly listener: SessionListener,
    /** The device token for licence requests; null sends none (device.auth "none"). */
    private readonly licence: LicenceToken | null = null,
  ) {}

  /** A licence refused even with a fresh device token: the operator does not know this box. */
  private withDevice(error: PlaybackError): PlaybackError {
    return this.licence?.notRecognised && error.code === PlaybackErrorCode.LICENCE_REFUSED
      ? { ...error, code: PlaybackErrorCode.DEVICE_NOT_RECOGNISED }
      : error
  }

  async load(video: HTMLMediaElement, url: string, options: LoadOptions): Promise<void> {
    if (!this.shaka.Player.isBrowserSupported()) {
      throw new PlaybackFailure({
        code: PlaybackErrorCode.PLAYER_UNAVAILABLE,
        category: 'player',
        severity: 'critical',
        detail: 'this browser cannot play adaptive streams (no MediaSource)',
      })
    }
    const setup = shakaConfig(this.config, options.preference, (error) => {
      // After a network cut, go on fetching by ourselves: the stall watchdog bounds the wait.
      if (error.category === NETWORK_CATEGORY) this.player?.retryStreaming(1)
    })
    if (setup.problems.length) {
      throw new PlaybackFailure({
        code: PlaybackErrorCode.DRM_CONFIG,
        category: 'drm',
        severity: 'critical',
        detail: setup.problems.join('; '),
      })
    }
    if (!this.player) {
      this.player = new this.shaka.Player()
      this.player.addEventListener('error', this.onShakaError)
      this.player.addEventListener('buffering', this.onBuffering)
      for (const type of ['trackschanged', 'variantchanged', 'textchanged', 'adaptation'])
        this.player.addEventListener(type, this.onTracks)
      this.player.addEventListener('streaming', this.onStreaming)
      this.player.addEventListener('canupdatestarttime', this.onCanUpdateStartTime)
      this.player.addEventListener('manifestupdated', this.onManifestUpdated)
      const headers = setup.licenceHeaders
      const networking = this.player.getNetworkingEngine?.()
      networking?.registerRequestFilter((type, request) => {
        this.subtitleRequests.note(
          Number(type),
          request as { contentType?: string; uris?: string[] },
        )
        if (Number(type) !== LICENSE_REQUEST) return
        const system = this.player?.keySystem() ?? ''
        Object.assign(request.headers, headers[system] ?? {})
        return this.licence?.addTo(request.headers)
      })
      networking?.registerResponseFilter?.((type, response, context) => {
        if (Number(type) === SEGMENT_REQUEST) {
          const cut = cutIgnoredRange(response)
          if (cut) response.data = cut
          const bytes = toBytes(response.data)
          if (nameWebVttSegment(response.headers, bytes)) return
          if (context?.stream?.type !== 'text') this.codecCheck.segment(bytes)
          return this.tsMaps.active ? this.addMapTables(response, bytes) : undefined
        }
        if (Number(type) === LICENSE_REQUEST) this.licence?.licenceReceived()
        if (Number(type) === MANIFEST_REQUEST) return this.adjustManifest(response)
      })
      // Optional: the unit tests' fake engine has no events. Destroyed with the player.
      networking?.addEventListener?.('retry', this.onRetry)
      await this.player.attach(video)
    }
    this.player.configure(setup.config)
    this.video = video
    this.crossOrigin = video.getAttribute('crossorigin')
    this.loaded = false
    this.live = false
    this.subtitleRequests.clear()
    this.sidecarRanks.clear()
    this.textChosen = false
    this.textWarmed = false
    this.textPreference = options.preference
    const generation = ++this.generation
    this.revokeObjectUrls()
    this.source = {
      url,
      progressive: isProgressive(options.mimeType),
      onDemand: options.fromStart === true,
    }
    this.startOffset = null
    this.codecCheck.reset()
    this.tsMaps.clear()
    this.resuming = Boolean(options.startTime && options.startTime > 0)
    // For the session's own small requests (sidecar subtitles, probes): capped as a whole.
    const retryParameters = setup.config.manifest.retryParameters
    this.retryParameters = retryParameters
    this.ads?.release()
    this.ads = options.ads
    if (options.ads) {
      // An ad server that fails or hangs costs at most its timeout: content starts regardless.
      await options.ads.prepare(0)
      if (generation !== this.generation || !this.player) return
      options.ads.veil(video)
    }
    this.ownLoad = true
    this.webPageAt = undefined
    this.variants = []
    this.failedVariants = new Set()
    try {
      for (;;) {
        try {
          await this.player.load(
            url,
            options.startTime && options.startTime > 0
              ? options.startTime
              : options.fromStart
                ? 0
                : null,
            options.mimeType,
          )
          if (generation !== this.generation) break
          const misled = await this.codecCheck.misled()
          // Left or superseded while the first segment was awaited: the newer load goes on alone.
          if (generation !== this.generation || !this.player) return
          if (!misled) break
          console.warn(
            `playback: ${url} names codecs in its CODECS that its TS segments do not carry; read without them`,
          )
        } catch (error) {
          if (generation === this.generation && this.dropFailedVariant(error)) continue
          throw error
        }
      }
    } catch (error) {
      const shakaError = error as ShakaErrorLike
      if (this.source.progressive && isVideoError(shakaError))
        throw new PlaybackFailure(await this.diagnose(shakaError, retryParameters))
      if (this.webPageAt) throw new PlaybackFailure(this.withDevice(webPageFailure(this.webPageAt)))
      throw new PlaybackFailure(this.withDevice(fromLoadFailure(error, this.encrypted)))
    } finally {
      this.ownLoad = false
    }
    this.loaded = true
    this.live = this.player.isLive()
    if (this.source.progressive && (video as HTMLVideoElement).videoWidth === 0)
      void this.checkPicture(video as HTMLVideoElement, generation)
    options.ads?.attach(
      this.player,
      video,
      this.shaka.util.FakeEvent,
      this.resuming ? options.startTime : undefined,
      this.source.progressive
        ? (at) => this.restoreProgressive(url, at, options, generation)
        : undefined,
    )
    this.applyPreference(options.preference)
    const streamDefault = streamDefaultText(
      options.preference,
      this.player.getTextTracks(),
      this.player.getManifestType(),
    )
    if (this.textWarmed) {
      this.player.configure({ preferredText: setup.config.preferredText })
      // "Off" (null) was applied just above; no preference, or one this title lacks, is off too,
      // unless the stream names subtitles to show when the household has not chosen.
      if (options.preference.text !== null && !streamDefault) this.player.selectTextTrack(null)
    }
    if (streamDefault && (!streamDefault.active || !this.textRead(this.player, streamDefault)))
      this.selectTextRead(this.player, streamDefault, ++this.textSelection)
    // Playback does not wait for subtitle files: they join the menu when they arrive.
    this.sidecars = this.addSidecars(
      this.player,
      options.subtitles ?? [],
      options.preference,
      generation,
      retryParameters,
    )
  }

  /**
   * A progressive file back in the element after an ad break played in it (ShakaAds.bringBack):
   * loaded again at `at` with the household's tracks and the title's sidecar subtitles, and
   * playing. Should it not load, the viewer is told as for any failed load.
   */
  private async restoreProgressive(
    url: string,
    at: number,
    options: LoadOptions,
    generation: number,
  ): Promise<void> {
    const player = this.player
    const video = this.video
    if (!player || !video || generation !== this.generation) return
    try {
      if (!player.getMediaElement()) await player.attach(video)
      if (generation !== this.generation) return
      await player.load(url, at, options.mimeType)
    } catch (error) {
      if (generation === this.generation)
        this.listener.onError(this.withDevice(fromLoadFailure(error, this.encrypted)))
      return
    }
    if (generation !== this.generation) return
    this.applyPreference(options.preference)
    this.sidecars = this.addSidecars(
      player,
      options.subtitles ?? [],
      options.preference,
      generation,
      this.retryParameters ?? player.getConfiguration().manifest.retryParameters,
    )
    void video.play().catch(() => undefined)
  }

  /**
   * A load that failed on one variant's media playlist (HTTP error), while the multivariant
   * playlist has others: that variant is left out of the next read of it (hlsVariants.ts), and
   * true says to load again. Each variant is dropped once; the last one's failure stands.
   */
  private dropFailedVariant(error: unknown): boolean {
    const { code, data } = error as ShakaErrorLike
    if (code !== BAD_HTTP_STATUS && code !== HTTP_ERROR) return false
    const uri = typeof data?.[0] === 'string' ? data[0] : undefined
    if (!uri || !this.variants.includes(uri) || this.failedVariants.has(uri)) return false
    const others = this.variants.filter((v) => v !== uri && !this.failedVariants.has(v))
    if (!others.length) return false
    this.failedVariants.add(uri)
    console.warn(`player: variant ${uri} failed (${code}); loading again without it`)
    return true
  }

  /**
   * An HLS playlist as Shaka should read it, or null when it reads it as it is: variants that
   * failed at this load are left out (hlsVariants.ts), and so are its CODECS once they misled the
   * load (hlsCodecCheck.ts); a catalogue title's playlist marked EVENT, or with no type from its
   * first segment, without its ENDLIST is read as finished unless its dates show it still being
   * written (hlsEvent.ts). Its EXT-X-START is noted for the start (hlsStart.ts).
   */
  private adjustPlaylist(text: string, uri: string): string | null {
    let mended: string | null = null
    const variants = variantUris(text, uri)
    if (variants.length) {
      this.variants = variants
      mended = withoutVariants(text, uri, this.failedVariants)
      const muxed = keepMuxedAudioOnly(mended ?? text)
      if (muxed) {
        console.warn(
          `player: ${uri} carries its main sound in the picture's stream beside separate renditions, which cannot be played together; ${muxed.dropped.join(', ')} left out`,
        )
        mended = muxed.text
      }
    }
    const role = variants.length ? 'master' : this.variants.includes(uri) ? 'variant' : 'other'
    mended = this.codecCheck.playlist(mended ?? text, role) ?? mended
    this.tsMaps.playlist(text, uri)
    if (!this.source.onDemand) return mended
    // The tag may be in the multivariant playlist or a media playlist: the first one counts.
    this.startOffset ??= hlsStartOffset(text)
    return closeEventPlaylist(mended ?? text) ?? mended
  }

  /**
   * Deviations of real exports mended before Shaka reads the manifest; every other manifest
   * passes untouched. A DASH manifest that leaves out its codecs gets them from the streams' first
   * bytes, and an on-demand SegmentBase without its Initialization gets the bytes before its index
   * (mpdCodecs.ts); audio sets beside others that state no channel layout get their count from
   * theirs (mpdChannels.ts); one whose elements carry a namespace prefix loses it (mpdPrefix.ts);
   * audio sets with neither language nor label are labelled, to be told apart (mpdAudioSets.ts). An
   * HLS playlist is read once for what adjustPlaylist mends.
   */
  private async adjustManifest(response: {
    uri: string
    data: ArrayBuffer | ArrayBufferView
  }): Promise<void> {
    const bytes = toBytes(response.data)
    const { StringUtils } = this.shaka.util
    if (!startsAsXml(bytes)) {
      const mended = this.adjustPlaylist(StringUtils.fromUTF8(bytes), response.uri)
      if (mended !== null) response.data = StringUtils.toUTF8(mended)
      return
    }
    const text = StringUtils.fromUTF8(bytes)
    if (looksLikeWebPage(text)) {
      this.webPageAt = response.uri
      return
    }
    const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml')
    const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc)
    const unprefixed = unprefixMpd(text)
    // Codecs and channel counts may both be read from one initialisation segment: fetched once.
    const fetched = new Map<string, Promise<Uint8Array>>()
    const fetchInit = (init: InitRequest): Promise<Uint8Array> => {
      const key = `${init.url}#${init.range?.join('-') ?? ''}`
      if (!fetched.has(key)) fetched.set(key, this.fetchBytes(init.url, init.range))
      return fetched.get(key)!
    }
    const filled = await fillMissingCodecs(unprefixed ?? text, response.uri, {
      parse,
      serialize,
      fetchInit,
      cache: this.codecCache,
    })
    const withChannels = await fillMissingChannels(filled ?? unprefixed ?? text, response.uri, {
      parse,
      serialize,
      fetchInit,
      cache: this.channelCache,
    })
    const mended = withChannels ?? filled ?? unprefixed ?? text
    const labelled = labelUnnamedAudio(mended, parse, serialize)
    if (labelled !== null || mended !== text) {
      response.data = StringUtils.toUTF8(labelled ?? mended)
    }
  }

  /** A TS segment without its program tables gets those of its playlist's EXT-X-MAP. */
  private async addMapTables(
    response: { uri: string; originalUri?: string; data: ArrayBuffer | ArrayBufferView },
    bytes: Uint8Array,
  ): Promise<void> {
    const url = response.originalUri || response.uri
    const mended = await this.tsMaps.mend(url, bytes, (map) => this.fetchBytes(map.url, map.range))
    if (mended) response.data = mended
  }

  private async fetchBytes(url: string, range?: [number, number]): Promise<Uint8Array> {
    const engine = this.player?.getNetworkingEngine?.()
    if (!engine || !this.retryParameters) throw new Error('no networking engine')
    const { NetworkingEngine } = this.shaka.net
    const request = NetworkingEngine.makeRequest([url], this.retryParameters)
    if (range) request.headers['Range'] = `bytes=${range[0]}-${range[1]}`
    const response = await engine.request(NetworkingEngine.RequestType.SEGMENT, request).promise
    return toBytes(response.data)
  }

  /** Why the progressive file failed: the server is asked whether it is there at all. */
  private async diagnose(
    videoError: ShakaErrorLike,
    retryParameters: RetryParameters | undefined,
  ): Promise<PlaybackError> {
    const engine = this.player?.getNetworkingEngine?.()
    if (!engine || !retryParameters) return fromProgressiveError(videoError, null)
    const { NetworkingEngine } = this.shaka.net
    const request = NetworkingEngine.makeRequest([this.source.url], {
      ...retryParameters,
      maxAttempts: 1,
    })
    request.method = 'HEAD'
    try {
      await engine.request(NetworkingEngine.RequestType.MANIFEST, request).promise
      return fromProgressiveError(videoError, null)
    } catch (error) {
      return fromProgressiveError(videoError, error as ShakaErrorLike)
    }
  }

  /**
   * A progressive file that shows no picture: audio only, or a picture this engine cannot decode
   * (progressivePicture.ts), which is told as a format the device does not support.
   */
  private async checkPicture(video: HTMLVideoElement, generation: number): Promise<void> {
    const url = this.source.url
    if (typeof fetch !== 'function') return
    try {
      const codec = await undecodableFilePicture(
        fetch.bind(globalThis),
        url,
        (type) => video.canPlayType(type) !== '',
      )
      if (!codec || generation !== this.generation || !this.player || video.videoWidth > 0) return
      const detail = `the picture of ${url} is ${codecName(codec)} (${codec}), which this device does not decode`
      console.warn(`playback: ${detail}`)
      this.listener.onError({
        code: PlaybackErrorCode.UNSUPPORTED,
        category: 'media',
        severity: 'critical',
        detail,
      })
    } catch (error) {
      console.warn(`playback: what ${url} carries could not be read (${describeError(error)})`)
    }
  }

  /** The file failed while playing (the element gives up after its own retries). */
  private async reportProgressiveError(videoError: ShakaErrorLike): Promise<void> {
    const generation = this.generation
    const error = await this.diagnose(videoError, this.retryParameters)
    if (generation === this.generation && this.player) this.listener.onError(error)
  }

  /**
   * Adds each sidecar file as a text track as soon as it has arrived, then applies the household's
   * subtitle preference again (Shaka never selects an added track by itself). Each file is fetched
   * and parsed here first, so one that is missing, unreadable or empty is skipped and logged
   * instead of failing later: with MediaSource Shaka would only fetch it once selected, and a
   * failure then stops playback; with src= a WebVTT file is left to the <track> element, which
   * fails silently. What was fetched is handed to Shaka as a blob: URL, so the file is not
   * fetched twice and the <track> element needs no CORS. The files do not wait for one another:
   * a dead host costs its retries (four timeouts, some 40 s), and waiting for all of them kept
   * the subtitles that had arrived in a tenth of a second out of the menu for that long.
   */
  private async addSidecars(
    player: ShakaPlayer,
    tracks: readonly SidecarTrack[],
    preference: TrackPreference,
    generation: number,
    retryParameters: RetryParameters,
  ): Promise<void> {
    if (!tracks.length) return
    const current = () => generation === this.generation && player === this.player
    // Shaka is handed one file at a time, in the order they arrive.
    let adding = Promise.resolve()
    const add = async (track: SidecarTrack, file: Blob | null): Promise<void> => {
      if (!file || !current()) return
      const url = URL.createObjectURL(file)
      this.objectUrls.push(url)
      try {
        const added = await player.addTextTrackAsync(
          url,
          track.language,
          track.kind,
          track.mimeType,
        )
        this.sidecarRanks.set(added.id, tracks.indexOf(track))
      } catch (error) {
        console.warn(
          `player: subtitles ${track.url} (${track.language}) skipped: ${describeError(error)}`,
        )
      }
      if (!current()) return
      // Shaka marks the element crossorigin for src= text tracks and never unmarks it; a later
      // progressive file from a CDN that sends no CORS headers would then fail to load.
      if (this.crossOrigin === null) this.video?.removeAttribute('crossorigin')
      if (!this.textChosen) this.applyText(preference)
    }
    await Promise.all(
      tracks.map(async (track) => {
        const file = await this.fetchSidecar(track, retryParameters)
        // One file that throws must not stop the ones after it.
        adding = adding
          .then(() => add(track, file))
          .catch((error: unknown) =>
            console.warn(`player: subtitles ${track.url} skipped: ${describeError(error)}`),
          )
        await adding
      }),
    )
  }

  /** The file's bytes when it is there and Shaka's parser reads cues from it, else null. */
  private async fetchSidecar(
    track: SidecarTrack,
    retryParameters: RetryParameters,
  ): Promise<Blob | null> {
    const skip = (why: string) => {
      console.warn(`player: subtitles ${track.url} (${track.language}) skipped: ${why}`)
      return null
    }
    const engine = this.player?.getNetworkingEngine?.()
    const parser = this.shaka.text.TextEngine.findParser(track.mimeType)
    if (!engine) return skip('no networking engine')
    if (!parser) return skip(`no parser for ${track.mimeType}`)
    const { NetworkingEngine } = this.shaka.net
    try {
      const request = NetworkingEngine.makeRequest([track.url], retryParameters)
      const response = await engine.request(NetworkingEngine.RequestType.SEGMENT, request).promise
      const bytes = toBytes(response.data)
      // Only a check that cues can be read: the parsers want an end time, not a precise one.
      const duration = this.video?.duration
      const time = {
        periodStart: 0,
        segmentStart: 0,
        segmentEnd: duration && Number.isFinite(duration) ? duration : 86_400,
        vttOffset: 0,
        isMpegTs: false,
      }
      const cues = parser().parseMedia(bytes, time, track.url, [])
      if (!cues.length) return skip('no cues in it')
      return new Blob([bytes.slice()], { type: track.mimeType })
    } catch (error) {
      return skip(describeError(error))
    }
  }

  private revokeObjectUrls(): void {
    for (const url of this.objectUrls) URL.revokeObjectURL(url)
    this.objectUrls = []
  }

  /** Selects the preferred tracks the stream has (Shaka's preferences may not cover roles). */
  applyPreference(preference: TrackPreference): void {
    const player = this.player
    if (!player) return
    const plan = planTracks(preference, player.getAudioTracks(), [])
    if (plan.audio) player.selectAudioTrack(plan.audio)
    this.applyText(preference)
  }

  private applyText(preference: TrackPreference): void {
    const player = this.player
    if (!player) return
    const { text, textHardOfHearing } = preference
    const plan = planTracks({ text, textHardOfHearing }, [], player.getTextTracks())
    if (plan.text === null) player.selectTextTrack(null)
    // The profile's language may be a rendition this title lists but its server lacks: read
    // first, as a choice in the menu is, so its failure is said rather than silent. Shaka has
    // usually chosen it already during the load (its preferredText, shakaConfig.ts), before
    // reading its playlist, and a 404 there is silent: the menu ticked it, nothing showed. So
    // one chosen but not read yet is read here too (the same read as Shaka's, not another).
    else if (plan.text && (!plan.text.active || !this.textRead(player, plan.text)))
      this.selectTextRead(player, plan.text, ++this.textSelection)
  }

  /** Whether `track`'s playlist has been read (always, for a track that has none to read). */
  private textRead(player: ShakaPlayer, track: { id: number }): boolean {
    const stream = player.getManifest()?.textStreams.find((s) => s.id === track.id)
    return !stream || Boolean(stream.segmentIndex)
  }

  get encrypted(): boolean {
    try {
      return Boolean(this.player?.drmInfo())
    } catch {
      return false
    }
  }

  tracks(): TrackState {
    const audio = audioOptions(this.player?.getAudioTracks() ?? [])
    const text = textOptions(
      inCatalogueOrder(this.player?.getTextTracks() ?? [], this.sidecarRanks),
      true,
    )
    return {
      audio,
      text,
      audioLanguage: audio.find((o) => o.active)?.language ?? null,
      textLanguage: text.find((o) => o.active)?.language ?? null,
    }
  }

  /**
   * `label`: the name of a track of no known language (TrackOption.label). A rendition whose
   * playlist is not read yet is read first (unreadAudio.ts): when it cannot be, the sound from
   * before plays on and the listener is told.
   */
  selectAudio(language: string, audioDescription = false, label?: string): boolean {
    const player = this.player
    const track =
      player && findAudioTrack(player.getAudioTracks(), language, audioDescription, label)
    if (!player || !track) return false
    const selection = ++this.audioSelection
    const unread = unreadAudioStreams(
      track,
      player.getVariantTracks(),
      player.getManifest()?.variants.map((variant) => variant.audio) ?? [],
    )
    // Keep a little of what is buffered, so the switch does not stall on a slow box.
    if (!unread.length) player.selectAudioTrack(track, 2)
    else void this.selectAudioRead(player, track, unread, selection)
    return true
  }

  private async selectAudioRead(
    player: ShakaPlayer,
    track: ReturnType<ShakaPlayer['getAudioTracks']>[number],
    unread: readonly { createSegmentIndex(): Promise<unknown> }[],
    selection: number,
  ): Promise<void> {
    const generation = this.generation
    const current = () =>
      selection === this.audioSelection && generation === this.generation && player === this.player
    try {
      await Promise.all(unread.map((stream) => stream.createSegmentIndex()))
    } catch (error) {
      if (!current()) return
      console.warn(
        `player: audio ${track.language} of ${this.source.url} could not be loaded (${describeError(error)}); keeping the sound from before`,
      )
      this.listener.onAudioChoiceFailed()
      return
    }
    if (current()) player.selectAudioTrack(track, 2)
  }

  /** A language, or null for subtitles off. */
  selectText(language: string | null, hardOfHearing = false, label?: string): boolean {
    const player = this.player
    if (!player) return false
    this.textChosen = true
    const selection = ++this.textSelection
    if (language === null) {
      player.selectTextTrack(null)
      return true
    }
    const track = findTextTrack(player.getTextTracks(), language, hardOfHearing, label)
    if (!track) return false
    this.selectTextRead(player, track, selection)
    return true
  }

  /** Selects `track`, its playlist read first when Shaka has not read it yet (selectUnread). */
  private selectTextRead(
    player: ShakaPlayer,
    track: ReturnType<ShakaPlayer['getTextTracks']>[number],
    selection: number,
  ): void {
    const stream = player.getManifest()?.textStreams.find((s) => s.id === track.id)
    if (!stream || stream.segmentIndex) player.selectTextTrack(track)
    else void this.selectUnread(player, stream, track, selection)
  }

  /**
   * Selects a subtitle rendition whose playlist has not been read yet: Shaka reads an HLS
   * rendition's media playlist only once it is chosen, inside a switch whose promise nobody holds.
   * A playlist the server does not have (404) was asked for with its retries, then nothing: no
   * error event, the menu ticking a language that never showed, the subtitles from before gone.
   * So it is read here first and selected once it is there; when it cannot be read, the subtitles
   * on screen stay and the listener is told. Reading it twice costs nothing: Shaka keeps the
   * read it made and hands it to the switch. One Shaka chose itself at the load (applyText) is
   * already "on" with nothing before it: it goes off.
   */
  private async selectUnread(
    player: ShakaPlayer,
    stream: { createSegmentIndex(): Promise<unknown> },
    track: ReturnType<ShakaPlayer['getTextTracks']>[number],
    selection: number,
  ): Promise<void> {
    const generation = this.generation
    const current = () =>
      selection === this.textSelection && generation === this.generation && player === this.player
    try {
      await stream.createSegmentIndex()
    } catch (error) {
      if (!current()) return
      // Chosen by Shaka at the load (applyText): it is what is "on", and nothing was before.
      const shown = player.getTextTracks().some((t) => t.id === track.id && t.active)
      console.warn(
        `player: subtitles ${track.language} of ${this.source.url} could not be loaded (${describeError(error)}); ${shown ? 'playing on without them' : 'keeping those from before'}`,
      )
      if (shown) player.selectTextTrack(null)
      // As dropSubtitles: a sidecar file arriving later must not choose the failed track again
      // (another read of the missing playlist, another toast).
      this.textChosen = true
      this.listener.onTextChoiceFailed()
      return
    }
    if (current()) player.selectTextTrack(track)
  }

  /**
   * Turning the subtitles off unloads their stream, so Shaka stops asking for the missing file;
   * the household is told and may pick another language from the menu.
   */
  private dropSubtitles(detail: ShakaErrorLike): void {
    console.warn(
      `player: subtitles of ${this.source.url} failed (${fromShakaError(detail).detail}); playing on without them`,
    )
    // As a choice of the viewer's: subtitle files added late do not bring the failed set back.
    this.textChosen = true
    this.player?.selectTextTrack(null)
    this.listener.onSubtitlesFailed()
  }

  /** Skips the ad on screen if it may be skipped now. */
  skipAd(): boolean {
    return this.ads?.skip() ?? false
  }

  /** Offsets (s) of the title's mid-roll breaks, for the progress bar. */
  adMarkers(): readonly number[] {
    return this.ads?.markers ?? []
  }

  isLive(): boolean {
    return Boolean(this.player?.isLive())
  }

  /** Shaka's stats of the load: the variant's bandwidth and the frames dropped (for QoE). */
  stats(): PlaybackStatsSample | null {
    if (!this.player || !this.loaded) return null
    const stats = this.player.getStats()
    return { bandwidth: stats.streamBandwidth, droppedFrames: stats.droppedFrames }
  }

  /** Where the presentation stops, in media time; null while it has no known end (live). */
  presentationEnd(): number | null {
    const duration = this.player?.getManifest()?.presentationTimeline.getDuration()
    return duration !== undefined && Number.isFinite(duration) ? duration : null
  }

  seekRange(): { start: number; end: number } {
    return this.player?.seekRange() ?? { start: 0, end: 0 }
  }

  async destroy(): Promise<void> {
    const player = this.player
    this.player = undefined
    this.ads?.release()
    this.ads = undefined
    if (!player) return
    player.removeEventListener('error', this.onShakaError)
    player.removeEventListener('buffering', this.onBuffering)
    player.removeEventListener('manifestupdated', this.onManifestUpdated)
    for (const type of ['trackschanged', 'variantchanged', 'textchanged', 'adaptation'])
      player.removeEventListener(type, this.onTracks)
    await player.destroy()
    this.revokeObjectUrls()
  }
}

const describeError = (error: unknown): string => {
  const shakaError = error as ShakaErrorLike
  if (typeof shakaError?.code === 'number')
    return `Shaka error ${shakaError.code}${shakaError.data?.length ? ` ${JSON.stringify(shakaError.data.slice(0, 2))}` : ''}`
  return String(error)
}

/** A manifest in XML (DASH), after any byte order mark and white space; HLS starts with '#'. */
function startsAsXml(bytes: Uint8Array): boolean {
  for (let i = 0; i < Math.min(bytes.length, 64); i++) {
    const byte = bytes[i]!
    if (byte === 0x3c) return true
    // UTF-8 byte order mark, or white space.
    if (![0xef, 0xbb, 0xbf, 0x20, 0x09, 0x0a, 0x0d].includes(byte)) return false
  }
  return false
}

const toBytes = (data: ArrayBuffer | ArrayBufferView): Uint8Array =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/**
 * The codecs a TS segment's program map names, by Shaka's own TS parser; null when not TS. It runs
 * in the segment's response filter, where a throw would fail the segment: a TS the parser cannot
 * read is not checked.
 */
function readTsCodecs(shaka: Shaka, bytes: Uint8Array): TsCodecs | null {
  const parser = (shaka.util as { TsParser?: typeof shaka.util.TsParser }).TsParser
  try {
    if (!parser || !parser.probe(bytes)) return null
    return new parser().parse(bytes).getCodecs()
  } catch {
    return null
  }
}
