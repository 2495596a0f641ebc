import { installDigitKeys } from '../../focus/digitKeys'
import { DigitEntry, type DigitState } from '../../player/liveZap'
import { Lightning, Router } from '@lightningjs/sdk'
import { Subscription, map, scan, share } from 'rxjs'
import { adSpeech, adView } from '../../ads/adView'
import { readyCatalogue, type AppContext } from '../../app/context'
import { fireUp } from '../../components/fire'
import { whyAdModel } from '../WhyAd/whyAdModel'
import { planAds, type AdSource } from '../../ads/plan'
import { adsOfItem, createTitleAds } from '../../ads/titleAds'
import type { Episode, Title } from '../../catalogue/schema'
import ButtonRow from '../../components/ButtonRow'
import Countdown from '../../components/Countdown'
import ProgressBar from '../../components/ProgressBar'
import TrackMenu from '../../components/TrackMenu'
import { pickText } from '../../i18n/localize'
import { errorMessageKey, PlaybackErrorCode, type PlaybackError } from '../../player/errors'
import { LicenceToken } from '../../player/licenceToken'
import { nextEpisode, NextEpisodeCountdown, type CountdownState } from '../../player/nextEpisode'
import { OverlayMachine, type OverlayPlayback, type OverlayState } from '../../player/overlay'
import { PlaybackController } from '../../player/PlaybackController'
import type { PlaybackEvent } from '../../player/playbackEvents'
import {
  initialPlaybackState,
  reducePlayback,
  type AdState,
  type PlaybackState,
} from '../../player/playbackState'
import { saveProgress, type PlaybackStep } from '../../player/progressSaving'
import { SEEK_COMMIT_MS, SeekAccumulator } from '../../player/seek'
import { SubtitleLift } from '../../player/SubtitleLift'
import { zap } from '../../player/liveChannels'
import { theme } from '../../components/theme'
import { liveBadgeText, liveLag } from '../../player/liveLag'
import type { LiveChannel } from '../../catalogue/live'
import type { Programme } from '../../guide/contract'
import { saveLastChannel } from '../../player/lastChannel'
import LiveLayer, { type LiveHost, type LiveLayerSnapshot } from './LiveLayer'
import {
  chooseSource,
  fallbackSources,
  movesOn,
  sidecarTracks,
  type PlaybackSource,
  type SidecarTrack,
  type SourceKind,
} from '../../player/streamChoice'
import {
  loadTrackPreference,
  replaceTrackPreference,
  saveTrackPreference,
} from '../../state/playbackPreferences'
import {
  afterAudioChoiceFailure,
  afterSubtitleFailure,
  recoverFromTrackFailure,
  type TrackChoice,
} from '../../player/trackRecovery'
import type { TrackPreference } from '../../player/tracks'
import NotFound, { type NotFoundSnapshot, type RefusalAction } from '../NotFound'
import { playerTemplate } from './playerTemplate'
import { loadingLabel } from '../../player/loadingLabel'
import { isPartMissing, partMessageKey, SKIP_AHEAD_S } from '../../player/partMissing'
import {
  activeTracks,
  parseTrackKey,
  trackMenuColumns,
  type ActiveAudio,
  type ActiveText,
} from './trackMenuModel'

export type PlayerState = OverlayPlayback

export interface PlayerSnapshot {
  screen: 'player'
  id: string
  state: PlayerState
  url: string
  /** How the source is carried: a DASH or HLS manifest, or a progressive MP4 file. */
  format: SourceKind | undefined
  currentTime: number
  duration: number
  buffered: number
  live: boolean
  /** For live: the live edge (seek range end); the position stays close behind it. */
  liveEdge: number
  overlayVisible: boolean
  /** The keys the overlay's hint line names (a film's, or a live channel's). */
  hint: string
  menuOpen: boolean
  menuFocus: string | undefined
  /** The track menu's lines (key, label, active), empty while it is closed. */
  menuItems: { key: string; label: string; active: boolean }[]
  /** The open menu's lower edge in stage pixels (subtitles must stay clear of it), else null. */
  menuBottom: number | null
  seekTarget: number | undefined
  tracks: { audio: string[]; text: string[] }
  audioLanguage: string | null
  textLanguage: string | null
  activeAudio: ActiveAudio | null
  /** null while subtitles are off. */
  activeText: ActiveText | null
  /** 'ad' while an ad of a break plays in the element (Shaka interstitials). */
  mode: 'content' | 'ad'
  /** The ad on screen: its place in the break, seconds left, seconds until Skip (null: none). */
  ad: AdState | null
  /** What the ad badge and the skip button say, while an ad plays. */
  adText: { heading: string; skip: string | null } | null
  /** Offsets (s) of the title's mid-roll breaks, marked on the progress bar. */
  adMarkers: readonly number[]
  /** The elapsed time the progress bar shows, e.g. "0:12". */
  progressElapsed: string
  /** Whether the controls are drawn: the overlay is up and no live banner covers it. */
  controlsDrawn: boolean
  /** What "Pourquoi cette publicité ?" says over the ad (Info), null while it is closed. */
  adWhy: string | null
  startPosition: number
  /** ms from play() to the first 'playing' event. */
  startupMs: number | undefined
  countdown: CountdownState
  nextId: string | undefined
  error?: PlaybackError
  errorCode?: number
  errorMessage?: string
  /** The overlay's line under the title: loading, slow, paused. */
  stateLine: string
  /** The error panel's heading: on a channel, it names the channel. */
  errorTitle?: string
  /** The error panel's code line, for support: no URL, no English. */
  errorCodeLine?: string
  /** A live channel's banner, digits and channel list. */
  liveUi?: LiveLayerSnapshot
  /** The overlay's live badge: "DIRECT", or how far behind ("-30:00"). */
  liveBadge?: string
}

export interface PlayTarget {
  title: Title
  episode?: { episode: Episode; season: number }
}

/**
 * Full-screen playback: the video plays behind the (transparent) canvas. Thin: playback state is
 * one pure reducer (src/player/playbackState.ts) over one stream of events (the controller's
 * `events$`: element, Shaka, tick, intents); this screen maps keys to intents, draws the states,
 * and runs the side effects a state change asks for. Saving the resume position is a separate
 * subscriber (progressSaving.ts). The overlay's timing, seeking, tracks and next episode are pure
 * modules in src/player, the layout is playerTemplate.ts, the track menu's content
 * trackMenuModel.ts.
 */
export default class Player extends Lightning.Component {
  private _context?: AppContext
  private _controller?: PlaybackController
  private _target?: PlayTarget
  private _live?: LiveChannel
  /** What the overlay machine last said, and whether a live channel's banner covers it. */
  private _bannerShown = false
  /** The channel list the live channel came from, for channel up/down. */
  private _channels: readonly LiveChannel[] = []
  /** A channel asked for but not playing (its programme is locked): zapping goes on from it. */
  private _heldChannelId?: string
  /**
   * Channel numbers typed while a channel is held behind its lock (the live layer is stopped
   * there): the household leaves a locked channel by its number, as by channel up and down.
   */
  private _heldDigits = new DigitEntry(
    () => this._channels.map((channel) => channel.number),
    (number) => {
      const channel = this._channels.find((c) => c.number === number)
      if (channel && channel.id !== this._heldChannelId) this._zapTo(channel.id)
    },
    (state) => this._renderHeldDigits(state),
  )
  /** The programme replayed from its channel's catch-up stream, if that is what plays. */
  private _replayId?: string
  private _url = ''
  private _source?: PlaybackSource
  /** The title's subtitle files (not in the stream), added once it loads. */
  private _sidecars: SidecarTrack[] = []
  /** Offsets of the mid-rolls this viewing has watched, its resumed one's included. */
  private _breaksSeen: number[] = []
  /** Where this title's ads come from, or none (not an ad-supported access, live, replay). */
  private _adSource?: AdSource
  /** The reducer's latest state; written only by the subscription in _connect. */
  private _playback: PlaybackState = initialPlaybackState(20_000)
  private _subscription?: Subscription
  private _overlay = new OverlayMachine((state) => this._renderOverlay(state))
  private _subtitles = new SubtitleLift()
  private _seek = new SeekAccumulator()
  private _seekTimer?: ReturnType<typeof setTimeout>
  /** A refused play() asked again shortly; dropped if the viewer leaves before it runs. */
  private _retryTimer?: ReturnType<typeof setTimeout>
  /** The title's progressive file, tried once if its manifest fails before playing (streamChoice). */
  /** The other sources of what is starting, to try in turn when one fails before it plays. */
  private _fallbacks: PlaybackSource[] = []
  /** The household's last track choice in the menu (trackRecovery.ts). */
  private _choice?: TrackChoice
  /** The last subtitle choice: an audio choice made while it loads must not hide it. */
  private _textChoice?: TrackChoice
  /** This title plays with its stream's default tracks: the profile's failed to load. */
  private _streamDefaults = false
  /** "Pourquoi cette publicité ?" is open over the ad (Info). */
  private _whyShown = false
  /** The ad (and whether it could be skipped) last said, e.g. "1/2 skip"; '' out of ads. */
  private _adSaid = ''
  private _countdown?: NextEpisodeCountdown
  /** The last start skipped past a part missing on the server. */
  private _skipped = false
  private _next?: { episode: Episode; season: number }

  static override _template(): Lightning.Component.Template {
    return playerTemplate()
  }

  bind(context: AppContext): void {
    this._context = context
  }

  /**
   * Nothing to play under this id: say so rather than show a black screen; 'unavailable' when the
   * catalogue service could not be asked.
   */
  showMissing(
    id: string,
    route: 'play' | 'live' | 'replay' = 'play',
    reason: NotFoundSnapshot['reason'] = 'missing',
    values: Record<string, string> = {},
    action?: RefusalAction,
  ): void {
    this.stop()
    if (route !== 'live') this._heldChannelId = undefined
    const missing = this.tag('Missing') as NotFound
    if (this._context) missing.show(this._context, `${route}/${id}`, reason, values, action)
    missing.visible = true
    this._refocus()
  }

  play(target: PlayTarget): void {
    const context = this._context
    if (!context) return
    const order = context.contentOrder()
    this._prepare(
      pickText(target.title.title, order),
      target.episode
        ? `${context.t('details.season', { n: target.episode.season })} · ${target.episode.episode.number}. ${pickText(target.episode.episode.title, order)}`
        : '',
    )
    this._target = target
    this._live = undefined
    this._replayId = undefined
    this._setupNext(target)
    const stream = target.episode
      ? target.episode.episode.stream
      : target.title.kind === 'film'
        ? target.title.stream
        : undefined
    const source = stream ? chooseSource(stream, context.config.player.preferredFormat) : undefined
    if (!source) {
      this._controller?.signal({
        type: 'error',
        at: this._controller.now(),
        error: {
          code: PlaybackErrorCode.NO_STREAM,
          category: 'player',
          severity: 'critical',
          detail: 'no stream for this title',
        },
      })
      return
    }
    this._setSource(source, sidecarTracks(stream?.subtitles))
    if (stream) {
      this._fallbacks = fallbackSources(stream, context.config.player.preferredFormat, source)
    }
    const startAt = context.progress.startPosition(this._playingId())
    // Breaks watched in the viewing this one resumes; a start from the beginning plays them all.
    const seen = startAt > 0 ? (context.progress.get(this._playingId())?.breaksSeen ?? []) : []
    this._breaksSeen = [...seen]
    const planned = this._planAds(context, target)
    this._adSource = planned ? { ...planned, seen: this._breaksSeen } : undefined
    this._open(startAt)
  }

  /** A mid-roll watched to its end (or skipped): saved with the position, not played on Resume. */
  private _noteBreakSeen(offset: number): void {
    if (!this._breaksSeen.includes(offset)) this._breaksSeen.push(offset)
  }

  /** Ads only through an ad-supported access; targeting as the consent allows, never for kids. */
  private _planAds(context: AppContext, target: PlayTarget): AdSource | null {
    const item =
      target.episode?.episode ?? (target.title.kind === 'film' ? target.title : undefined)
    if (!item) return null
    const profile = context.profiles.active
    return planAds({
      settings: context.config.ads,
      access: context.entitlements.access(target.title),
      ads: adsOfItem(item),
      kids: profile.kids,
      targeting: context.adTargeting(),
      titleId: item.id,
      now: context.platform.wallClock(),
    })
  }

  /**
   * The channel the household tuned to, before its gate answers: channel up and down go on from
   * it even while its programme waits for the PIN, as on any set-top box.
   */
  tuneTo(id: string, channels: readonly LiveChannel[]): void {
    this._heldChannelId = id
    this._channels = channels
  }

  /**
   * A live channel of the operator's list, from its live edge; channel up/down zaps along the
   * list (in channel-number order). False when the list has no such channel. `recheck` runs when
   * the programme on air changes (the parental gate looks at it again).
   */
  playLive(id: string, channels: readonly LiveChannel[], recheck?: () => void): boolean {
    this._heldChannelId = undefined
    const channel = channels.find((c) => c.id === id)
    const context = this._context
    if (!channel || !context) return false
    const source = chooseSource(channel.stream, context.config.player.preferredFormat)
    if (!source) return false
    this._prepare(`${channel.number} · ${channel.name}`, '')
    this._target = undefined
    this._live = channel
    this._replayId = undefined
    this._channels = channels
    this._setupNext(undefined)
    this._setSource(source, sidecarTracks(channel.stream.subtitles))
    this._fallbacks = fallbackSources(channel.stream, context.config.player.preferredFormat, source)
    this._adSource = undefined
    this._open(0)
    saveLastChannel(context.platform.storage, context.profiles.active.id, channel.id)
    this._liveLayer().start(context, channel, channels, this._liveHost(recheck))
    this._refocus()
    return true
  }

  /** A past programme from its channel's catch-up stream (requestReplay checked the rights). */
  playReplay(
    channel: LiveChannel,
    programme: Programme,
    catchup: { url: string; format: 'dash' | 'hls' },
  ): boolean {
    const context = this._context
    const source = chooseSource({ [catchup.format]: catchup.url }, catchup.format)
    if (!context || !source) return false
    const order = context.contentOrder()
    this._prepare(pickText(programme.title, order), `${channel.number} · ${channel.name}`)
    this._target = undefined
    this._live = undefined
    this._replayId = programme.id
    this._setupNext(undefined)
    this._setSource(source, [])
    this._adSource = undefined
    this._open(0)
    return true
  }

  private _liveLayer(): LiveLayer {
    return this.tag('LiveLayer') as LiveLayer
  }

  private _liveHost(recheck?: () => void): LiveHost {
    return {
      position: () => {
        const range = this._controller?.activeSession?.seekRange() ?? { start: 0, end: 0 }
        return { current: this._controller?.currentTime ?? 0, ...range }
      },
      seek: (seconds) => {
        this._controller?.seek(seconds)
        this._overlay.activity()
      },
      zap: (id) => this._zapTo(id),
      recheck: () => recheck?.(),
      bannerShown: (shown) => {
        this._bannerShown = shown
        this._fadeOverlay()
      },
      bannerDismissed: () => this._overlay.dismiss(),
    }
  }

  private _setSource(source: PlaybackSource, sidecars: SidecarTrack[]): void {
    this._heldChannelId = undefined
    this._fallbacks = []
    this._choice = undefined
    this._textChoice = undefined
    this._streamDefaults = false
    this._source = source
    this._url = source.url
    this._sidecars = sidecars
  }

  /** Everything a new start needs, whatever plays: screen state, controller, subscriptions. */
  private _prepare(title: string, subtitle: string): void {
    const context = this._context!
    if ((this._target || this._live) && this._playback.status !== 'ended') this.stop()
    this.tag('Missing').visible = false
    this.tag('ErrorPanel').visible = false
    this.tag('Overlay.Title').text.text = title
    this.tag('Overlay.Subtitle').text.text = subtitle
    this._connect(context)
    this._overlay.closeMenu()
    this._seek.cancel()
    // A refusal (the PIN's locked screen) or an error panel had the focus: without this the next
    // key still went to the hidden panel, whose Back leaves for home.
    this._refocus()
  }

  /**
   * The controller and the one reduced stream, made once per screen: the progress saver subscribes
   * first (a position is saved before an error closes the player), then the screen's own effects.
   */
  private _connect(context: AppContext): void {
    if (this._controller) return
    const player = context.config.player
    // The operator's CMCD choice (appSettings.analytics.cmcd) travels with the player's settings.
    const settings = { ...player, cmcd: context.config.analytics.cmcd }
    const device = context.device
    const controller = new PlaybackController(settings, {
      onTracksChanged: () => this._renderMenu(),
      onSubtitlesFailed: () => this._subtitlesFailed(false),
      onTextChoiceFailed: () => this._subtitlesFailed(true),
      onAudioChoiceFailed: () => this._audioChoiceFailed(),
      // The box's token on licence requests, refreshed once on a 401 (src/device).
      licence: device.auth ? new LicenceToken(device.auth, device.header) : null,
    })
    this._controller = controller
    const initial = initialPlaybackState(player.stallTimeoutSeconds * 1000)
    this._playback = initial
    const steps$ = controller.events$.pipe(
      scan<PlaybackEvent, PlaybackStep>(
        (step, event) => ({ prev: step.state, state: reducePlayback(step.state, event), event }),
        { prev: initial, state: initial, event: { type: 'stop', at: 0 } },
      ),
      share(),
    )
    const subscription = new Subscription()
    subscription.add(
      saveProgress(steps$, {
        enabled: () => Boolean(this._target) && !controller.live,
        media: () => ({ currentTime: controller.currentTime, duration: controller.duration }),
        save: (position, duration) => {
          const target = this._target
          if (target)
            context.progress.save({
              id: this._playingId(),
              titleId: target.title.id,
              position,
              duration,
              ...(this._breaksSeen.length ? { breaksSeen: [...this._breaksSeen] } : {}),
            })
        },
        now: controller.now,
        intervalMs: player.progressIntervalSeconds * 1000,
      }),
    )
    subscription.add(steps$.subscribe((step) => this._apply(step)))
    // The same events for the rest of the app (analytics), one tick stream for all.
    subscription.add(
      context.playback.connect(steps$.pipe(map((step) => step.event)), () => controller.stats()),
    )
    this._subscription = subscription
  }

  /** The side effects of one step of the reducer: drawing, and what a transition asks for. */
  private _apply({ prev, state, event }: PlaybackStep): void {
    this._playback = state
    if (event.type === 'ad-break-ended' && event.offset !== undefined)
      this._noteBreakSeen(event.offset)
    // stop() tears the screen down itself; drawing 'ended' would only flash the overlay.
    if (event.type === 'stop') return
    if (state.error && !prev.error) {
      if (this._recoverTracks(state)) return
      if (this._tryFallback(state)) return
      this._showError(state.error)
      return
    }
    // Each tick of a start still loading: past SLOW_START_MS the line says the server is slow.
    if (state.status !== prev.status || (event.type === 'tick' && state.status === 'loading'))
      this._renderPlayback(state.status)
    const adPaused =
      state.mode === 'ad' && (state.status === 'paused') !== (prev.status === 'paused')
    if (state.mode !== prev.mode || state.ad !== prev.ad || adPaused) this._renderAd(state)
    if (state.playRetries > prev.playRetries) {
      clearTimeout(this._retryTimer)
      this._retryTimer = setTimeout(() => this._controller?.play(), 250)
    }
    if (state.endedCount > prev.endedCount) this._onEnded(state)
    if (event.type === 'timeupdate' && state.mode === 'content' && !state.error) {
      if (this._next) this._countdown?.update(event.time, this._controller?.duration ?? 0)
      this._renderProgress()
    }
  }

  snapshot(): PlayerSnapshot | NotFoundSnapshot {
    const missing = this.tag('Missing') as NotFound
    if (missing.visible) return { ...missing.snapshot(), digits: this.tag('HeldDigits').text.text }
    const c = this._controller
    const tracks = c?.tracks()
    const overlay = this._overlay.value
    return {
      screen: 'player',
      id: this._playingId(),
      state: this._playback.status,
      url: this._url,
      format: this._source?.kind,
      currentTime: c?.currentTime ?? 0,
      duration: c?.duration ?? 0,
      buffered: c?.buffered ?? 0,
      live: c?.live ?? false,
      liveEdge: c?.live ? c.liveEdge : 0,
      overlayVisible: overlay.visible,
      stateLine: String(this.tag('Overlay.State')?.text?.text ?? ''),
      hint: String(this.tag('Overlay.Hint')?.text?.text ?? ''),
      menuOpen: overlay.menuOpen,
      menuFocus: overlay.menuOpen ? (this.tag('Menu') as TrackMenu).focusedKey : undefined,
      menuItems: overlay.menuOpen ? (this.tag('Menu') as TrackMenu).items : [],
      menuBottom: overlay.menuOpen ? this.tag('Menu').finalY + this.tag('Menu').finalH : null,
      seekTarget: this._seek.pending,
      tracks: {
        audio: (tracks?.audio ?? []).map((o) => o.key.slice('audio:'.length)),
        text: (tracks?.text ?? []).map((o) => o.key.slice('text:'.length)),
      },
      audioLanguage: tracks?.audioLanguage ?? null,
      textLanguage: tracks?.textLanguage ?? null,
      ...activeTracks(tracks),
      mode: this._playback.mode,
      ad: this._playback.ad ?? null,
      adText: this._adText(),
      adMarkers: c?.activeSession?.adMarkers() ?? [],
      progressElapsed: String(this.tag('Overlay.Progress.Elapsed').text?.text ?? ''),
      controlsDrawn: this._overlay.value.visible && !this._bannerShown,
      adWhy: this._whyShown ? this.tag('AdWhy.Intro').text.text : null,
      startPosition: this._playback.startPosition,
      startupMs: this._playback.startupMs,
      countdown: this._countdown?.value ?? { phase: 'idle' },
      nextId: this._next?.episode.id,
      error: this._playback.error,
      errorCode: this._playback.error?.code,
      errorMessage: this._playback.error ? this._errorHelp(this._playback.error) : undefined,
      errorTitle: this._playback.error ? this._errorTitle() : undefined,
      errorCodeLine: this._playback.error
        ? String(this.tag('ErrorPanel.Detail').text?.text ?? '')
        : undefined,
      ...(this._live
        ? {
            liveUi: this._liveLayer().snapshot(),
            liveBadge: String(this.tag('Overlay.Live.Label').text?.text ?? ''),
          }
        : {}),
    }
  }

  /** Stops playback, keeps the position and releases the player; safe to call twice. */
  stop(): void {
    clearTimeout(this._seekTimer)
    clearTimeout(this._retryTimer)
    // Saves the position (the progress subscriber) and stops the tick.
    this._controller?.signal({ type: 'stop', at: this._controller.now() })
    this._countdown?.dispose()
    this._overlay.dispose()
    this._liveLayer().stop()
    this._subtitles.detach()
    this._controller?.close()
  }

  override _active(): void {
    // The video is under the canvas: the stage stops painting the background over it.
    fireUp(this, '$videoShown', this, true)
  }

  override _inactive(): void {
    this._heldDigits.clear()
    this.stop()
    fireUp(this, '$videoShown', this, false)
  }

  override _detach(): void {
    this.stop()
    fireUp(this, '$videoShown', this, false)
    // Off the stage: the stream and its subscribers go; the next start makes them again.
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._controller = undefined
  }

  override _getFocused(): Lightning.Component {
    if (this.tag('Missing').visible) return this.tag('Missing')
    if (this._playback.error) return this.tag('ErrorPanel.Buttons')
    if (this._overlay.value.menuOpen) return this.tag('Menu')
    if (this._live && this._liveLayer().running) return this._liveLayer()
    return this
  }

  /**
   * Info during an ad says why this ad, over the picture: going to the settings page would leave
   * the title (and relock it). Info again, or Back, closes it; the ad plays on meanwhile.
   */
  _handleInfo(): boolean {
    // Outside an ad, Info is the key a household presses to see where the film stands: the
    // controls, as any key brings them (a handler that declines would skip _handleKey).
    if (this._playback.mode !== 'ad') return this._handleKey()
    this._showWhy(!this._whyShown)
    return true
  }

  override _handleBack(): boolean {
    if (this._whyShown) {
      this._showWhy(false)
      return true
    }
    // During an ad, as from the content: the title is left (its content position is kept).
    if (this._playback.error || this._playback.mode === 'ad') return this._leave()
    if (this._countdown?.value.phase === 'counting') {
      this._countdown.cancel()
      return true
    }
    const outcome = this._overlay.back()
    if (outcome === 'stop') return this._leave()
    this._refocus()
    return true
  }

  override _handleEnter(): boolean {
    if (this._playback.mode === 'ad') {
      this._controller?.activeSession?.skipAd()
      return true
    }
    if (this._countdown?.value.phase === 'counting') {
      this._countdown.playNow()
      return true
    }
    if (!this._overlay.value.visible) {
      this._overlay.activity()
      return true
    }
    this._togglePause()
    return true
  }

  _handlePlayPause(): boolean {
    this._togglePause()
    return true
  }

  _handlePlay(): boolean {
    if (this._playback.status === 'paused') this._togglePause()
    return true
  }

  _handlePause(): boolean {
    if (this._playback.status === 'playing') this._togglePause()
    return true
  }

  _handleStop(): boolean {
    return this._leave()
  }

  override _handleLeft(event?: KeyboardEvent): boolean {
    this._seekBy(-1, event)
    return true
  }

  override _handleRight(event?: KeyboardEvent): boolean {
    this._seekBy(1, event)
    return true
  }

  _handleRewind(event?: KeyboardEvent): boolean {
    this._seekBy(-1, event)
    return true
  }

  _handleFastForward(event?: KeyboardEvent): boolean {
    this._seekBy(1, event)
    return true
  }

  /** On a film there is no channel to change: as any other key, it brings the controls back. */
  _handleChannelUp(): boolean {
    return this._zap(1) || this._handleKey()
  }

  _handleChannelDown(): boolean {
    return this._zap(-1) || this._handleKey()
  }

  /** A held Left/Right crossed the long-press threshold: bigger steps from now on. */
  _handleLeftLong(): boolean {
    this._seek.markLongPress()
    return false
  }

  _handleRightLong(): boolean {
    this._seek.markLongPress()
    return false
  }

  override _handleUp(): boolean {
    this._openMenu()
    return true
  }

  override _handleDown(): boolean {
    this._openMenu()
    return true
  }

  /** Not swallowed by _handleKey below: the App opens the guide (playback stops on leaving). */
  _handleGuide(): boolean {
    return false
  }

  override _handleKey(): boolean {
    this._overlay.activity()
    return true
  }

  /**
   * A number key the live layer did not take, its focus elsewhere: on a channel's error screen
   * ("choose another channel") or over its menu, the number still tunes, as on any TV.
   */
  typeChannelDigit(digit: string): void {
    const layer = this._live ? this._liveLayer() : undefined
    if (layer?.running) layer.typeDigit(digit)
    else if (this._heldChannelId !== undefined && this._channels.length)
      this._heldDigits.press(Number(digit))
    else this._handleKey()
  }

  private _renderHeldDigits(state: DigitState): void {
    const digits = this.tag('HeldDigits')
    digits.visible = state.phase === 'typing'
    digits.text.text = state.phase === 'typing' ? state.digits : ''
    const context = this._context
    if (state.phase === 'unknown' && context) {
      const message = context.t('live.unknownChannel', { number: state.number })
      fireUp(this, '$toast', message, 'top')
    }
  }

  $buttonPressed(id: string): void {
    if (id === 'retry' && (this._target || this._live || this._replayId)) this._retry()
    else if (id === 'skip') {
      this._skipped = true
      this._retry(SKIP_AHEAD_S)
    } else if (id === 'back') this._leave()
  }

  $trackChosen(key: string): void {
    const controller = this._controller
    const session = controller?.activeSession
    const context = this._context
    const choice = parseTrackKey(key)
    if (!session || !context || !choice) return
    // A track known only by its name is this title's own: not a language to keep for the next.
    const remember = choice.label === undefined
    const profile = context.profiles.active.id
    this._choice = {
      at: controller.now(),
      previous: this._streamDefaults ? {} : loadTrackPreference(context.platform.storage, profile),
      kind: choice.kind,
    }
    if (choice.kind === 'text') this._textChoice = this._choice
    if (choice.kind === 'audio') {
      const { language, audioDescription } = choice
      if (session.selectAudio(language, audioDescription, choice.label) && remember)
        saveTrackPreference(context.platform.storage, context.profiles.active.id, {
          audio: language,
          audioDescription,
        })
    } else if (
      session.selectText(choice.language, choice.hardOfHearing, choice.label) &&
      remember
    ) {
      saveTrackPreference(context.platform.storage, context.profiles.active.id, {
        text: choice.language,
        textHardOfHearing: choice.hardOfHearing,
      })
    }
    this._renderMenu()
  }

  $videoPlayerPlaying(args?: { videoElement?: HTMLVideoElement }): void {
    // Shaka adds the text tracks to this element: from now on subtitles follow the overlay.
    if (args?.videoElement) {
      this._subtitles.attach(args.videoElement)
      this._subtitles.setLifted(this._overlay.value.visible)
      // Metadata comes before 'playing': a stream without a picture has no size by now.
      this._overlay.setNoPicture(args.videoElement.videoWidth === 0)
    }
    this._signal('playing')
  }

  $videoPlayerPause(): void {
    this._signal('pause')
  }

  $videoPlayerWaiting(): void {
    const c = this._controller
    if (c) c.signal({ type: 'waiting', at: c.now(), paused: !c.playing })
  }

  $videoPlayerEnded(): void {
    this._signal('ended')
  }

  $videoPlayerTimeUpdate(): void {
    const c = this._controller
    if (!c) return
    c.signal({
      type: 'timeupdate',
      at: c.now(),
      time: c.currentTime,
      playing: c.playing,
      starved: c.starved,
      bufferedEnd: c.buffered,
    })
  }

  $videoPlayerProgress(): void {
    this._renderProgress()
  }

  /**
   * The SDK reports both element errors and rejected play() promises here. A rejected play() (an
   * interrupted load, a seek) is not a failure; an element error without a Shaka error (e.g. a
   * decode failure) still deserves a message.
   */
  $videoPlayerError(args?: { videoElement?: HTMLVideoElement; event?: unknown }): void {
    const mediaError = args?.videoElement?.error
    const c = this._controller
    // An ad that cannot play is Shaka's to skip (its ad error); the content then comes back.
    if (!c || this._playback.error || this._playback.mode === 'ad') return
    // A progressive file plays through the element itself: Shaka reports its failure, and the
    // session first asks the server why (a missing file reads like an unknown format here).
    if (mediaError && this._source?.kind === 'mp4' && c.activeSession) return
    if (!mediaError) {
      // play() was refused or interrupted while starting: asked again once (see _apply).
      const name = (args?.event as { name?: string } | undefined)?.name ?? 'unknown'
      console.warn(`player: play() rejected (${name}), retrying`)
      c.signal({ type: 'play-rejected', at: c.now(), reason: name })
      return
    }
    c.signal({
      type: 'error',
      at: c.now(),
      error: {
        code: PlaybackErrorCode.MEDIA,
        category: 'media',
        severity: 'critical',
        detail: `media error ${mediaError.code}${mediaError.message ? ` (${mediaError.message})` : ''}`,
      },
    })
  }

  /** An element event without payload, into the stream. */
  private _signal(type: 'playing' | 'pause' | 'ended'): void {
    const c = this._controller
    if (c) c.signal({ type, at: c.now() })
  }

  private _playingId(): string {
    return (
      this._live?.id ??
      this._replayId ??
      this._target?.episode?.episode.id ??
      this._target?.title.id ??
      ''
    )
  }

  /** A new start at `startPosition` (a resume point, or 0). */
  private _open(startPosition: number): void {
    this._skipped = false
    this._renderHint()
    const c = this._controller
    if (!c) return
    this._renderAd(this._playback)
    c.signal({
      type: 'open',
      at: c.now(),
      id: this._playingId(),
      url: this._url,
      live: Boolean(this._live),
      startPosition,
    })
    this._load(true)
  }

  /**
   * Loads the source from the state's start position (a retry picks up where it played). The
   * title's ads come with its first load only: a retry after a failure goes straight to the content.
   */
  private _load(withAds = false): void {
    const context = this._context
    const c = this._controller
    if (!context || !c) return
    const source = withAds ? this._adSource : undefined
    const ads =
      source &&
      createTitleAds(source, context.platform, context.config.ads.timeoutMs, (event) =>
        c.signal(event),
      )
    c.open(this, this._url, {
      ads,
      startTime: this._playback.startPosition,
      fromStart: this._target !== undefined,
      preference: this._openPreference(context),
      mimeType: this._source?.mimeType,
      subtitles: this._sidecars,
    })
    this._overlay.activity()
  }

  private _openPreference(context: AppContext): TrackPreference {
    if (this._streamDefaults) return {}
    return loadTrackPreference(context.platform.storage, context.profiles.active.id)
  }

  /** A track that failed to load is dropped and the title plays on, the household told. */
  private _recoverTracks(state: PlaybackState): boolean {
    const context = this._context
    const c = this._controller
    if (!context || !c || !state.error) return false
    const recovery = recoverFromTrackFailure({
      error: state.error,
      started: state.startupMs !== undefined,
      now: c.now(),
      choice: this._choice,
      preference: this._openPreference(context),
      progressive: this._source?.kind === 'mp4',
    })
    if (!recovery) return false
    const profile = context.profiles.active.id
    if (recovery.kind === 'revert-choice') {
      replaceTrackPreference(context.platform.storage, profile, recovery.preference)
      fireUp(this, '$toast', context.t('player.trackFailed'), 'top')
    } else {
      this._streamDefaults = true
      fireUp(this, '$toast', context.t('player.tracksDefault'), 'top')
    }
    this._choice = undefined
    console.warn(
      `player: ${this._url} failed (${state.error.code}: ${state.error.detail}) with the chosen tracks; playing on ${recovery.kind === 'revert-choice' ? 'with the previous ones' : "with the stream's defaults"}`,
    )
    clearTimeout(this._retryTimer)
    this._retryTimer = setTimeout(() => this._retry(), 0)
    return true
  }

  /**
   * The audio chosen in the menu could not be loaded: the sound from before plays on, the
   * household is told, and the choice is not kept as the profile's.
   */
  private _audioChoiceFailed(): void {
    const context = this._context
    if (!context) return
    const storage = context.platform.storage
    const profile = context.profiles.active.id
    const preference = afterAudioChoiceFailure(this._choice, loadTrackPreference(storage, profile))
    if (preference) replaceTrackPreference(storage, profile, preference)
    if (this._choice?.kind === 'audio') this._choice = undefined
    fireUp(this, '$toast', context.t('player.trackFailed'), 'top')
    this._renderMenu()
  }

  /**
   * Subtitles failed to load: the household is told, and a subtitle choice that is what failed is
   * not kept as the profile's (trackRecovery.ts). `chosen`: the subtitles chosen in the menu could
   * not be loaded at all, and those from before stay; otherwise the subtitles are off.
   */
  private _subtitlesFailed(chosen: boolean): void {
    const context = this._context
    const c = this._controller
    if (!context || !c) return
    const storage = context.platform.storage
    const profile = context.profiles.active.id
    const preference = afterSubtitleFailure({
      now: c.now(),
      choice: this._textChoice,
      stored: loadTrackPreference(storage, profile),
      ofChoice: chosen,
    })
    if (preference) {
      replaceTrackPreference(storage, profile, preference)
      if (this._choice === this._textChoice) this._choice = undefined
      this._textChoice = undefined
    }
    fireUp(
      this,
      '$toast',
      context.t(chosen ? 'player.trackFailed' : 'player.subtitlesFailed'),
      'top',
    )
    this._renderMenu()
  }

  /**
   * The source failed before anything played (streamChoice movesOn) and the title has another (the
   * other manifest format, its MP4, the MP4's fallbacks): that plays instead of an error, each once. Said in the log for the operator;
   * the household sees it start.
   */
  private _tryFallback(state: PlaybackState): boolean {
    const next = this._fallbacks[0]
    if (!next || !state.error || !movesOn(state.error, state.startupMs !== undefined, this._source))
      return false
    console.warn(
      `player: ${this._url} failed (${state.error.code}: ${state.error.detail}); playing ${next.url} instead`,
    )
    this._source = next
    this._url = next.url
    this._fallbacks = this._fallbacks.slice(1)
    // After this step's subscribers: the retry is a new event of the same stream.
    clearTimeout(this._retryTimer)
    this._retryTimer = setTimeout(() => this._retry(), 0)
    return true
  }

  private _retry(skip = 0): void {
    const c = this._controller
    if (!c) return
    c.signal({ type: 'retry', at: c.now(), ...(skip ? { skip } : {}) })
    this.tag('ErrorPanel').visible = false
    this._refocus()
    this._load()
  }

  /**
   * The content reached its end (its position is saved): the next episode, or back. A live
   * channel or a title's live event that ends is a broadcast that is over, not a failure: the
   * household is told so on the way back to where it came from.
   */
  private _onEnded(state: PlaybackState): void {
    if ((state.live || state.broadcastEnded) && this._context)
      fireUp(this, '$toast', this._context.t('player.liveEnded'))
    if (this._next && this._countdown) {
      this._countdown.ended()
      return
    }
    this._leave()
  }

  private _leave(): boolean {
    this.stop()
    Router.back()
    return true
  }

  private _setupNext(target: PlayTarget | undefined): void {
    this._countdown?.dispose()
    this._next = undefined
    this._countdown = undefined
    this.tag('Next').visible = false
    if (!target?.episode || target.title.kind !== 'series') return
    const next = nextEpisode(target.title, target.episode.episode.id)
    if (!next) return
    this._next = next
    this._countdown = new NextEpisodeCountdown(
      (state) => this._renderCountdown(state),
      // Leaving this title stops it, which saves its position.
      () => Router.navigate(`play/${next.episode.id}`, false),
    )
  }

  private _zap(delta: number): boolean {
    const from = this._heldChannelId ?? this._live?.id
    const next = from !== undefined && zap(this._channels, from, delta)
    if (!next) return false
    this._zapTo(next.id)
    return true
  }

  /** Every zap goes through the route: it relocks and asks the gate about the new channel. */
  private _zapTo(id: string): void {
    Router.navigate(`live/${id}`, false)
  }

  private _seekBy(direction: -1 | 1, event?: KeyboardEvent): void {
    const c = this._controller
    // No seeking inside an ad; seeking past a break that has not played plays it first (Shaka).
    if (!c || this._playback.error || this._playback.mode === 'ad') return
    if (this._live) {
      this._overlay.activity()
      return
    }
    this._overlay.activity()
    this._seek.press({ direction, repeat: Boolean(event?.repeat) }, c.currentTime, c.duration)
    this._renderProgress()
    clearTimeout(this._seekTimer)
    this._seekTimer = setTimeout(() => {
      const target = this._seek.commit()
      // A break began while the presses settled: the element now plays the ad, which the seek
      // would have skipped to its end (its beacons sent as if watched).
      if (target === undefined || !this._controller || this._playback.mode === 'ad') return
      this._controller.seek(target)
      this._countdown?.rearm(target, this._controller.duration)
    }, SEEK_COMMIT_MS)
  }

  private _togglePause(): void {
    if (this._playback.error) return
    this._controller?.playPause()
    this._overlay.activity()
  }

  private _openMenu(): void {
    if (this._playback.error || this._playback.mode === 'ad' || !this._controller?.activeSession)
      return
    this._renderMenu()
    this._overlay.openMenu()
    this._refocus()
  }

  private _renderPlayback(state: PlayerState): void {
    this._overlay.setPlayback(state)
    const context = this._context
    if (!context) return
    const now = this._controller?.now() ?? this._playback.openedAt
    const label = loadingLabel(
      { ...this._playback, status: state },
      now,
      Boolean(this._live),
      context.t,
    )
    if (this.tag('Overlay.State').text.text !== label) this.tag('Overlay.State').text.text = label
    this.tag('Spinner').visible = state === 'loading' || state === 'buffering'
    this._renderProgress()
  }

  /** A channel's OK opens its list, not a pause: the film's hint would say what does not happen. */
  private _renderHint(): void {
    const hint = this._context?.t(this._live ? 'live.hint' : 'player.hint') ?? ''
    const label = this.tag('Overlay.Hint')
    if (label.text.text !== hint) label.text.text = hint
  }

  private _renderOverlay(state: OverlayState): void {
    this._fadeOverlay()
    this.tag('Menu').visible = state.menuOpen
    this._subtitles.setLifted(state.visible)
    this._renderHint()
    this._refocus()
  }

  /**
   * The controls show when the overlay machine says so, except under a live channel's banner,
   * which says what plays in their place: the two drawn together overlapped.
   */
  private _fadeOverlay(): void {
    const visible = this._overlay.value.visible && !this._bannerShown
    this.tag('Overlay').setSmooth('alpha', visible ? 1 : 0, { duration: visible ? 0.2 : 0.4 })
  }

  /** Red "DIRECT" at the live point; time-shifted, how far behind it, on grey. */
  private _renderLiveBadge(live: boolean): void {
    const context = this._context
    const session = this._controller?.activeSession
    if (!live || !context) return
    const range = session?.seekRange()
    const lag = range
      ? liveLag({ current: this._controller?.currentTime ?? 0, ...range })
      : { behind: 0, live: true }
    const badge = this.tag('Overlay.Live')
    badge.color = lag.live ? theme.colors.danger : theme.colors.surfaceSelected
    badge.tag('Label').text.text = liveBadgeText(lag, context.t)
  }

  private _renderProgress(): void {
    const c = this._controller
    if (!c) return
    // A channel is live from its start: before Shaka has read its manifest, its position is
    // not a film's (a live stream's clock read as hours: "499017:46:10").
    const live = c.live || Boolean(this._live)
    this.tag('Overlay.Live').visible = live
    this._renderLiveBadge(live)
    ;(this.tag('Overlay.Progress') as ProgressBar).model = {
      position: this._seek.pending ?? c.currentTime,
      duration: c.duration,
      buffered: c.buffered,
      live,
      liveLabel: '',
      markers: c.activeSession?.adMarkers() ?? [],
    }
  }

  private _adText(): { heading: string; skip: string | null } | null {
    const ad = this._playback.mode === 'ad' ? this._playback.ad : undefined
    if (!ad || !this._context) return null
    const view = adView(ad, this._context.t, this._playback.status === 'paused')
    return { heading: view.heading, skip: view.skip }
  }

  private _showWhy(shown: boolean): void {
    const context = this._context
    this._whyShown = shown && Boolean(context)
    const panel = this.tag('AdWhy')
    panel.visible = this._whyShown
    if (!this._whyShown || !context) return
    const brands = new Map(
      (readyCatalogue(context)?.titles ?? []).map((title) => [title.brand.id, title.brand.name]),
    )
    const model = whyAdModel(context.adTargeting(), context.profiles.active, context.t, (id) =>
      brands.get(id),
    )
    panel.tag('Title').text.text = model.title
    panel.tag('Intro').text.text = model.intro
    panel.tag('Segments').text.text = model.segments.join(' · ')
    panel.tag('How').text.text = `${context.t('whyAd.howOn')} ${context.t('player.ad.whyClose')}`
  }

  /** The ad badge and skip button instead of the overlay while an ad plays. */
  private _renderAd(state: PlaybackState): void {
    const inAd = state.mode === 'ad'
    if (!inAd && this._whyShown) this._showWhy(false)
    const text = this._adText()
    this.tag('Overlay').visible = !inAd
    const badge = this.tag('AdBadge')
    badge.visible = inAd
    badge.tag('Label').text.text = text?.heading ?? ''
    const skip = this.tag('AdSkip')
    skip.visible = inAd && text?.skip !== null && text?.skip !== undefined
    skip.tag('Label').text.text = text?.skip ?? ''
    this._sayAd(state, text)
    if (inAd)
      this.tag('Spinner').visible = state.status === 'loading' || state.status === 'buffering'
  }

  /** Says each ad as it starts and when it may be skipped (adSpeech). */
  private _sayAd(
    state: PlaybackState,
    text: { heading: string; skip: string | null } | null,
  ): void {
    const speech = adSpeech(this._adSaid, state.mode === 'ad' ? state.ad : undefined, text)
    this._adSaid = speech.said
    if (speech.text) this._context?.announcer.say(speech.text)
  }

  private _renderMenu(): void {
    const context = this._context
    const c = this._controller
    if (!context || !c) return
    ;(this.tag('Menu') as TrackMenu).columns = trackMenuColumns(
      c.tracks(),
      context.t,
      context.contentOrder()[0],
    )
  }

  private _renderCountdown(state: CountdownState): void {
    const context = this._context
    const next = this._next
    const panel = this.tag('Next') as Countdown
    panel.visible = state.phase === 'counting'
    if (!context || !next || state.phase !== 'counting') return
    panel.content = {
      heading: context.t('player.nextIn', { seconds: state.remaining }),
      title: `${next.season}.${next.episode.number} ${pickText(next.episode.title, context.contentOrder())}`,
      hint: context.t('player.nextHint'),
    }
  }

  private _partMissing(error: PlaybackError): boolean {
    return isPartMissing(error, this._playback, Boolean(this._target), this._skipped)
  }

  /**
   * "Ardenne 1 · La lecture a échoué" on a channel: zapping leaves the failed one on screen, and
   * the household must know which one to name when it calls.
   */
  private _errorTitle(): string {
    const failed = this._context?.t('player.error.title') ?? ''
    return this._live ? `${this._live.name} · ${failed}` : failed
  }

  /** What the error panel says: a part of the title missing, or the error's own text. */
  private _errorHelp(error: PlaybackError): string {
    if (this._partMissing(error) && this._context) return this._context.t(partMessageKey(error))
    return this._errorMessage(error)
  }

  private _errorMessage(error: PlaybackError): string {
    const context = this._context
    const key = errorMessageKey(error.code, Boolean(this._live))
    if (!context) return key
    // Texts that name who to call take it; the others ignore it.
    const support = context.config.device.support || context.t('device.yourOperator')
    return context.t(key, { support })
  }

  /** Draws a critical error (its position was saved by then) and releases the player. */
  private _showError(error: PlaybackError): void {
    const context = this._context
    this._countdown?.dispose()
    this.tag('Next').visible = false
    this.tag('Spinner').visible = false
    this._overlay.setPlayback('error')
    this._controller?.close()
    if (this._live) this._liveLayer().putAway()
    const panel = this.tag('ErrorPanel')
    panel.visible = true
    panel.tag('Title').text.text = this._errorTitle()
    const partMissing = this._partMissing(error)
    panel.tag('Help').text.text = this._errorHelp(error)
    // The household gets a code to quote to support; the technical detail (English, URLs) is
    // the operator's, in the log.
    panel.tag('Detail').text.text = context?.t('player.error.code', { code: error.code }) ?? ''
    console.warn(`player: ${this._url} failed: ${error.code} · ${error.detail}`)
    const buttons = panel.tag('Buttons') as ButtonRow
    buttons.buttons = [
      ...(partMissing
        ? [{ id: 'skip', label: context?.t('player.error.skipAhead') ?? 'Skip' }]
        : []),
      { id: 'retry', label: context?.t('error.retry') ?? 'Retry' },
      { id: 'back', label: context?.t('error.back') ?? 'Back' },
    ]
    buttons.focusOn(partMissing ? 'skip' : 'retry')
    this._refocus()
  }
}

installDigitKeys(Player, (player, digit) => player.typeChannelDigit(digit))
