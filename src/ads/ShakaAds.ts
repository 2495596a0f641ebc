import type shakaNamespace from 'shaka-player'
import type { Shaka } from '../player/loadShaka'
import type { PlaybackEvent } from '../player/playbackEvents'
import { fillMacros, VAST_ERROR, type MacroValues } from './macros'
import type { AdSource } from './plan'
import { breaksToAsk, type WaitingBreak } from './askAhead'
import { BreakBeacons } from './breakBeacons'
import { AD_STALL_MS, AdStallWatch, stallErrorCode, type AdSample } from './adStall'
import { deferredOffsets, MAX_REPEATS } from './deferredBreaks'
import {
  resolveAdTag,
  resolveVmap,
  type PlannedBreak,
  type ResolveDeps,
  type TagMacros,
} from './resolve'
import { parseOffset } from './vast'
import type { BreakOffset, DeferredBreak, LinearAd, Tracking, TrackingEvent } from './vast'

type ShakaPlayer = InstanceType<Shaka['Player']>
type AdManager = NonNullable<ReturnType<ShakaPlayer['getAdManager']>>
type ShakaAd = shakaNamespace.extern.IAd
type Interstitial = shakaNamespace.extern.AdInterstitial
type FakeEventClass = Shaka['util']['FakeEvent']

/** One ad handed to Shaka, as the screen counts it ("1 sur 2"). */
interface Placed {
  index: number
  count: number
  duration: number
  skipOffset: number | null
  tracking: Tracking
  offset: BreakOffset
  mediaUrl: string
  mimeType: string
  /** The break the ad belongs to (its ids' prefix), for the break's own beacons. */
  group: string
}

export interface AdsHost {
  /** Into the playback stream (the reducer's 'ad' mode and the QoE/audience collectors). */
  emit(event: PlaybackEvent): void
  now(): number
  /** Problems are logged, never shown: an ad that fails is skipped. */
  log(message: string): void
}

/** Shaka's ad events the app follows (shaka.ads.Utils names; the ads module may be absent). */
const EVENTS = {
  breakStarted: 'ad-break-started',
  breakEnded: 'ad-break-ended',
  started: 'ad-started',
  impression: 'ad-impression',
  firstQuartile: 'ad-first-quartile',
  midpoint: 'ad-midpoint',
  thirdQuartile: 'ad-third-quartile',
  complete: 'ad-complete',
  skipped: 'ad-skipped',
  /** An ad has ended, however (Shaka says it before the pod's next ad and at the break's end). */
  stopped: 'ad-stopped',
  paused: 'ad-paused',
  resumed: 'ad-resumed',
  error: 'ad-error',
  cuepoints: 'ad-cue-points-changed',
  contentPause: 'ad-content-pause-requested',
  contentResume: 'ad-content-resume-requested',
} as const

/** shaka.Player's events for an ad's quartiles and its end, which its ad manager follows. */
const PLAYER_QUARTILES = ['firstquartile', 'midpoint', 'thirdquartile', 'complete'] as const

/**
 * The length of the element's seekable range, as Shaka measures an ad against it: Chromium gives a
 * file it cannot seek in (no byte ranges) the range [0, 0].
 */
function seekableLength(video: HTMLMediaElement): number {
  const seekable = video.seekable
  return seekable.length ? seekable.end(seekable.length - 1) - seekable.start(0) : 0
}

/** The VAST error code for an ad Shaka could not play, from its error code (shaka.util.Error). */
export function adMediaError(shakaCode: number | undefined): number {
  // BAD_HTTP_STATUS, HTTP_ERROR: the file is not there (or not reachable).
  if (shakaCode === 1001 || shakaCode === 1002) return VAST_ERROR.MEDIA_NOT_FOUND
  if (shakaCode === SHAKA.TIMEOUT) return VAST_ERROR.MEDIA_TIMEOUT
  return VAST_ERROR.MEDIA_NOT_PLAYED
}

/**
 * How long the picture stays veiled for a pre-roll that does not start (Shaka starts it once the
 * content plays; an ad that fails to load gives the content back sooner).
 */
const VEIL_MAX_MS = 6000

/**
 * Seconds into a video ad after which a picture that never came means the file's video cannot be
 * decoded here (an HEVC or MPEG-4 Part 2 creative labelled video/mp4 plays its sound on a black
 * screen in a browser without that decoder), so the ad fails instead of counting as seen.
 */
const NO_PICTURE_AFTER_S = 1

/**
 * An ad with less than this left at its last time update has played out: the element's updates
 * come about every 250 ms, and Shaka reports the last ad's end only once the break has ended.
 */
const AD_PLAYED_OUT_S = 1

/** HTMLMediaElement.HAVE_FUTURE_DATA: below it, the element has nothing to play on. */
const HAVE_FUTURE_DATA = 3

/** shaka.util.Error codes the app fails an ad with, or reads from Shaka's ad errors. */
const SHAKA = {
  /** A request timed out: VAST 402. */
  TIMEOUT: 1003,
  /** The element could not play the file: a 404 and an unplayable file look alike. */
  VIDEO_ERROR: 3016,
  /** No decoder for the picture: VAST 405. */
  CONTENT_UNSUPPORTED_BY_BROWSER: 4032,
  /** A progressive file cannot be preloaded (src=). */
  SRC_EQUALS_PRELOAD_NOT_SUPPORTED: 7005,
} as const

/**
 * Shaka preloads a coming break's ad in its ad player, even while another ad plays there, and a
 * progressive creative cannot be preloaded: Shaka reports that as the ad player's error, which it
 * takes for the error of the ad on screen. That ad was ended as failed (reported 405 while it still
 * showed) and the content could be lost. Such an error is no ad's: it is stopped before Shaka
 * sees it, and the coming ad loads from its URL when its turn comes, as without a preload.
 */
const ignorePreloadError = (event: Event): void => {
  const code = (event as Event & { detail?: { code?: number } }).detail?.code
  if (code === SHAKA.SRC_EQUALS_PRELOAD_NOT_SUPPORTED) event.stopImmediatePropagation()
}

/**
 * How long an ad's media may take to show its first frame before it is given up with VAST 402, at
 * least: Shaka waits for ever on a creative host that never answers, the screen black under
 * "Publicité". The operator's ad timeout (ads.timeoutMs) raises it.
 */
const AD_MEDIA_TIMEOUT_MIN_MS = 6000

/**
 * How long after making the element drop an ad's file (an empty src) its error is waited for before
 * the ad is failed without it: Chromium answers at once.
 */
const GIVE_UP_GRACE_MS = 1000

/** The longest a mid-roll's tag is waited for, however far its break is. */
const MID_ROLL_BUDGET_MAX_MS = 10_000

/**
 * How long a mid-roll's tag may take: the operator's budget holds the pre-roll (the content waits
 * for it), but a break minutes ahead can wait for a slow ad server, up to a second before the
 * break and at most MID_ROLL_BUDGET_MAX_MS.
 */
export function midRollBudget(offset: BreakOffset, now: number, budgetMs: number): number {
  if (typeof offset !== 'number' || !Number.isFinite(offset)) return budgetMs
  const ahead = (offset - now - 1) * 1000
  return Math.max(budgetMs, Math.min(ahead, MID_ROLL_BUDGET_MAX_MS))
}

/**
 * An ad's media URL as the element asks for it: a relative one is the app's page's (`base`), and
 * [ASSETURI] must name the file itself. A URL that cannot be read stays as written.
 */
export function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

/**
 * A break as placed in content `duration` seconds long: one written as the end's time (a VMAP's
 * "00:44:00" on a 44-minute episode, or a packaged length a little short of it) is the post-roll;
 * one clearly after the end would never play, and is null.
 */
function atContentEnd(plan: PlannedBreak, duration: number): PlannedBreak | null {
  if (typeof plan.offset !== 'number' || !(duration > 0) || plan.offset < duration - END_SLACK_S)
    return plan
  return plan.offset <= duration + END_SLACK_S ? { ...plan, offset: 'end' } : null
}

/** How far from the content's end a break's offset may be and still mean its end. */
const END_SLACK_S = 1

/** A mid-roll placed before `seconds` into the content. */
const isBefore = (offset: BreakOffset, seconds: number): boolean =>
  typeof offset === 'number' && offset < seconds

/** A resolved ad as a Shaka client-side interstitial in the content's own <video>. */
export function toInterstitial(ad: LinearAd, offset: BreakOffset, id: string): Interstitial {
  return {
    id,
    // No group: Shaka skips a whole group on Skip, and each ad of a pod is skipped on its own.
    groupId: null,
    // A post-roll stands after every mid-roll (Shaka's own VAST parser places it at Infinity): at
    // 0, a mid-roll already played would hide it.
    startTime: typeof offset === 'number' ? offset : offset === 'end' ? Infinity : 0,
    endTime: null,
    uri: ad.mediaUrl,
    mimeType: ad.mimeType,
    isSkippable: ad.skipOffset !== null,
    skipOffset: ad.skipOffset,
    skipFor: null,
    // Seeking past a break that has not played plays it first.
    canJump: false,
    // The content resumes exactly where it stopped (not moved on by the ad's length).
    resumeOffset: 0,
    playoutLimit: null,
    once: true,
    pre: offset === 'start',
    post: offset === 'end',
    timelineRange: false,
    loop: false,
    overlay: null,
    displayOnBackground: false,
    currentVideo: null,
    background: null,
    clickThroughUrl: null,
    // The app fires the beacons itself (see ShakaAds): Shaka's own tracking is off.
    tracking: null,
  }
}

/**
 * A title's ad breaks through Shaka's own interstitials (no IMA): the app resolves the VMAP and
 * each break's VAST itself (Shaka 5.2 ignores Wrappers and fails a whole VMAP when one tag fails),
 * hands Shaka the playable ads with `addCustomInterstitial`, and turns Shaka's ad events into
 * PlaybackEvents and beacons.
 *
 * Beacons are the app's, not Shaka's (`ads.disableTrackingEvents`): Shaka 5.2.12 sends the URLs
 * with their macros unfilled, and in a pod it sends an ad's 'complete' after the next ad has
 * started, to the next ad's URLs (its AD_COMPLETE follows the next setupAd_). Here each ad's events
 * go to its own URLs, once each, macros filled; a late 'complete' belongs to the oldest ad of the
 * session not yet finished.
 *
 * Lifecycle: `prepare` before the content loads (the pre-roll must be known before the first
 * frame; it waits at most the operator's timeout, and any failure just means no pre-roll), then
 * `attach` once it has loaded (mid-rolls are resolved meanwhile and added when they answer);
 * `release` when the session ends (answers arriving later are dropped).
 */
export class ShakaAds {
  private manager?: AdManager
  /** Shaka's player of the ads, whose preload errors are no ad's (ignorePreloadError). */
  private adPlayer?: ReturnType<AdManager['getInterstitialPlayer']>
  private released = false
  private readonly placed = new Map<string, Placed>()
  private current?: ShakaAd
  /** Ads of this session in the order they started; `done` once completed, skipped or failed. */
  private readonly started: { id: string; done: boolean }[] = []
  private readonly fired = new Set<string>()
  /** Breaks resolved per offset, so that two at the same offset get distinct ids. */
  private readonly groups = new Map<string, number>()
  /** A VMAP break's own beacons (VMAP 1.0.1), per group of ads placed. */
  private readonly breakBeacons = new BreakBeacons((offset, urls, code) =>
    this.sendBreakBeacon(offset, urls, code),
  )
  private pending: Interstitial[] = []
  private breaks: PlannedBreak[] = []
  /** VMAP breaks at a share of the content, placed once its duration is known (attach). */
  private deferred: DeferredBreak[] = []
  /**
   * Offsets of the mid-roll breaks still to play, for the progress bar's markers: a break is
   * marked once placed on the content, unmarked when its tag gives no ads (it plays nothing) or
   * once it has played.
   */
  readonly markers: number[] = []
  /** The offset of the break on screen, to unmark when it ends. */
  private breakOffset?: BreakOffset
  private video?: HTMLMediaElement
  private readonly listeners: [string, (event: Event) => void][] = []
  private readonly onTimeUpdate = () => {
    this.askDue()
    this.progress()
  }
  /** Mid-rolls placed and marked, their tags asked as the content nears them (askDue). */
  private waiting: WaitingBreak<PlannedBreak>[] = []
  /** The content's time at the last askDue; unknown after a break (the element played the ad). */
  private lastContentTime?: number
  /** Between Shaka's break start and end: the element's time is then the ad's. */
  private inBreak = false
  /** The element hidden and muted until the pre-roll shows, and what to restore. */
  private veiled?: { video: HTMLMediaElement; muted: boolean; opacity: string; timer: number }
  /** Ads of the break on screen that failed before their first frame (the pod counter skips them). */
  private unshownInBreak = 0
  /** Seconds left of the ad on screen at its last time update. */
  private lastRemaining?: number
  /** The ad whose first frame has shown. */
  private shownId?: string
  /** Gives up on the ad on screen if its first frame does not come (AD_MEDIA_TIMEOUT_MIN_MS). */
  private mediaTimer?: ReturnType<typeof setTimeout>
  /** The last quartile the app told Shaka of, for an ad Shaka cannot measure (measureUnseekable). */
  private measured?: { id: string; quartile: number }
  /**
   * The ad the app gave up (its media did not come in time, or stopped), with the VAST code its
   * error is reported with: Shaka's ad error that follows is that ad's.
   */
  private givenUp?: { id: string; code: number }
  /** Gives up the ad on screen if its time stops moving once it has shown (adStall.ts). */
  private readonly stallWatch = new AdStallWatch({
    read: (id) => this.onScreen(id),
    stalled: (id, sample) => this.stalled(id, sample),
  })
  /** The ad whose pause was reported, so that its resume is too. */
  private pausedId?: string
  /** Shaka's event class, to fail an ad through Shaka's own ad-error path. */
  private fakeEvent?: FakeEventClass
  /** The content's length in seconds once known: a post-roll's [CONTENTPLAYHEAD]. */
  private contentDuration?: number

  constructor(
    private readonly source: AdSource,
    private readonly deps: ResolveDeps,
    private readonly host: AdsHost,
  ) {}

  /** Resolves the breaks and the pre-roll (bounded by the timeout each); never rejects. */
  async prepare(duration: number): Promise<void> {
    this.knowDuration(duration)
    if (this.source.kind === 'vmap') {
      // Asked before the content starts: its playhead is 0; no break is placed yet.
      const vmap = await resolveVmap(
        this.source.url,
        duration,
        this.deps,
        {
          contentPlayhead: 0,
          segments: this.source.segments ?? [],
          limitAdTracking: this.source.limitAdTracking ?? true,
        },
        this.source.positions,
      )
      for (const problem of vmap.problems) this.host.log(problem)
      this.breaks = vmap.breaks
      this.deferred = vmap.deferred
    } else this.breaks = this.source.breaks
    const pre = this.breaks.filter((b) => b.offset === 'start')
    await Promise.all(pre.map((b) => this.resolveBreak(b)))
  }

  /**
   * Hides and mutes the element while the content loads under a pre-roll: Shaka can only start the
   * break once the content plays, and its first frames and sound came before the ad. Lifted at
   * the ad's first frame, when the break ends or fails, or after VEIL_MAX_MS.
   */
  veil(video: HTMLMediaElement): void {
    if (this.released || this.veiled || !this.pending.some((interstitial) => interstitial.pre))
      return
    const timer = setTimeout(() => this.unveil(), VEIL_MAX_MS) as unknown as number
    this.veiled = { video, muted: video.muted, opacity: video.style.opacity, timer }
    video.muted = true
    video.style.opacity = '0'
  }

  private unveil(): void {
    const veiled = this.veiled
    if (!veiled) return
    this.veiled = undefined
    clearTimeout(veiled.timer)
    veiled.video.muted = veiled.muted
    veiled.video.style.opacity = veiled.opacity
  }

  /**
   * After the content's load: the ad manager in the one media element, and the mid-rolls.
   * @param resumedAt where a resumed title starts, in content seconds: the mid-rolls before it
   *   were passed in an earlier viewing and are not placed again (Shaka would play the last of
   *   them as soon as the content starts, right after the pre-roll), nor are those after it that
   *   the viewing watched before going back (AdSource.seen).
   * @param restoreContent for content Shaka cannot bring back after a break itself (a progressive
   *   file: it keeps a manifest to reload, and a file has none), loads it again at a position.
   */
  attach(
    player: ShakaPlayer,
    video: HTMLMediaElement,
    fakeEvent?: FakeEventClass,
    resumedAt?: number,
    restoreContent?: (at: number) => Promise<void>,
  ): void {
    if (this.released) return
    this.fakeEvent = fakeEvent
    const manager = player.getAdManager()
    if (!manager) {
      this.host.log('ads: this Shaka build has no ad manager')
      return
    }
    this.manager = manager
    this.video = video
    this.knowDuration(video.duration)
    // Before any ad is set up: Shaka listens to its ad player's errors per ad, after this.
    this.adPlayer = manager.getInterstitialPlayer()
    this.adPlayer?.addEventListener('error', ignorePreloadError)
    // One media element, as on TVs: the content is detached for the break and comes back after.
    // A seek past a break plays its ad from the start: Shaka would otherwise start it as far in
    // as the seek went past the break, and past its end leave it on its last frame for good.
    player.configure({
      ads: {
        supportsMultipleMediaElements: false,
        disableTrackingEvents: true,
        allowStartInMiddleOfInterstitial: false,
      },
    })
    if (restoreContent) this.bringBack(video, restoreContent)
    this.listen(EVENTS.breakStarted, () => {
      this.inBreak = true
      this.unshownInBreak = 0
      this.host.emit({ type: 'ad-break-started', at: this.host.now() })
    })
    this.listen(EVENTS.started, (event) => this.onStarted(event))
    this.listen(EVENTS.impression, () =>
      this.host.emit({ type: 'ad-impression', at: this.host.now() }),
    )
    this.listen(EVENTS.firstQuartile, () => this.quartile(1))
    this.listen(EVENTS.midpoint, () => this.quartile(2))
    this.listen(EVENTS.thirdQuartile, () => this.quartile(3))
    this.listen(EVENTS.complete, () => this.quartile(4))
    this.listen(EVENTS.stopped, () => this.stallWatch.stop())
    this.listen(EVENTS.skipped, () => {
      this.stallWatch.stop()
      this.finish(this.playing(), 'skip')
      this.host.emit({ type: 'ad-skipped', at: this.host.now() })
    })
    this.listen(EVENTS.paused, () => this.paused())
    this.listen(EVENTS.resumed, () => this.resumed())
    this.listen(EVENTS.error, (event) => {
      const code = (event as Event & { originalEvent?: { code?: number } }).originalEvent?.code
      const detail = String(code ?? 'ad error')
      this.host.log(`ads: an ad could not play (${detail}), skipped`)
      this.unveil()
      this.stopMediaTimer()
      this.stallWatch.stop()
      const entry = this.playing()
      // The error of an ad the app gave up: its media did not come in time, or stopped.
      if (entry && entry.id === this.givenUp?.id) this.finish(entry, 'error', this.givenUp.code)
      else if (entry && code === SHAKA.VIDEO_ERROR) void this.reportUnplayable(entry)
      else this.finish(entry, 'error', adMediaError(code))
      this.host.emit({ type: 'ad-error', at: this.host.now(), detail })
    })
    this.listen(EVENTS.breakEnded, () => {
      this.stallWatch.stop()
      // Shaka says the last ad's 'complete' only after the break has ended. By then a post-roll
      // has ended the title and this session is released: an ad that played to its last second
      // has completed now.
      const last = this.playing()
      if (last && this.lastRemaining !== undefined && this.lastRemaining < AD_PLAYED_OUT_S)
        this.finish(last, 'complete')
      this.current = undefined
      this.inBreak = false
      this.lastContentTime = undefined
      this.breakBeacons.end()
      this.unveil()
      this.unmark(this.breakOffset)
      const offset = this.breakOffset
      this.breakOffset = undefined
      this.host.emit({
        type: 'ad-break-ended',
        at: this.host.now(),
        ...(offset === 'end' ? { post: true } : {}),
        ...(typeof offset === 'number' ? { offset } : {}),
      })
    })
    video.addEventListener('timeupdate', this.onTimeUpdate)
    // An ad Shaka cannot measure is ended by the app at the element's end (measureUnseekable).
    video.addEventListener('ended', this.onTimeUpdate)
    for (const interstitial of this.pending.splice(0)) manager.addCustomInterstitial(interstitial)
    this.placeDeferred(video.duration)
    const seen = this.source.seen ?? []
    const passed = resumedAt
      ? this.breaks.filter(
          (b) =>
            isBefore(b.offset, resumedAt) ||
            (typeof b.offset === 'number' && seen.includes(b.offset)),
        )
      : []
    if (passed.length) {
      this.breaks = this.breaks.filter((b) => !passed.includes(b))
      this.host.log(
        `ads: ${passed.length} mid-roll(s) before the resume point (${Math.round(resumedAt!)} s) or watched in that viewing not played again`,
      )
    }
    const posts: PlannedBreak[] = []
    for (const b of this.breaks) {
      if (b.offset === 'start') continue
      if (b.offset === 'end' && !Number.isFinite(video.duration)) {
        this.host.log('ads: post-roll skipped (a live stream has no end)')
        continue
      }
      const placed = atContentEnd(b, video.duration)
      if (!placed) {
        this.host.log(
          `ads: break at ${String(b.offset)} s skipped (the content ends at ${Math.round(video.duration)} s)`,
        )
        continue
      }
      if (typeof placed.offset === 'number') {
        this.mark(placed.offset)
        this.waiting.push({ plan: placed, at: placed.offset })
      } else posts.push(placed)
    }
    this.waiting.sort((a, b) => a.at - b.at)
    this.askDue()
    // A post-roll is asked now: the player must know before the content's end that one waits
    // there, and its tag has until then, like a mid-roll at that point.
    const budget = midRollBudget(video.duration, video.currentTime, this.deps.timeoutMs)
    for (const post of posts) void this.resolveBreak(post, budget)
  }

  /** Asks the tags of the mid-rolls the content is nearing, or has just been moved past. */
  private askDue(): void {
    const video = this.video
    if (!video || this.released || this.inBreak || this.current || !this.waiting.length) return
    const now = video.currentTime
    const { ask, wait } = breaksToAsk(this.waiting, this.lastContentTime, now)
    this.lastContentTime = now
    if (!ask.length) return
    this.waiting = wait
    for (const due of ask) {
      const budget = midRollBudget(due.at, now, this.deps.timeoutMs)
      void this.resolveBreak(due.plan, budget).then((placed) => {
        // An empty or failed tag plays nothing there: its marker goes.
        if (!placed) this.unmark(due.plan.offset)
      })
    }
  }

  /** The content's length, when `duration` says it (a live stream's is Infinity, unknown NaN). */
  private knowDuration(duration: number): void {
    if (Number.isFinite(duration) && duration > 0) this.contentDuration = duration
  }

  /** Where the content stands at a break: its offset, 0 for a pre-roll, its end for a post-roll. */
  private contentPlayhead(offset: BreakOffset): number | undefined {
    return typeof offset === 'number' ? offset : offset === 'start' ? 0 : this.contentDuration
  }

  /** The macros of a break's ad tags, and its wrappers' (VAST 4.1 §6). */
  private tagMacros(offset: BreakOffset): TagMacros {
    return {
      breakPosition: offset === 'start' ? 1 : offset === 'end' ? 3 : 2,
      contentPlayhead: this.contentPlayhead(offset),
      segments: this.source.segments ?? [],
      limitAdTracking: this.source.limitAdTracking ?? true,
    }
  }

  /**
   * "n%" breaks become mid-rolls at that share of the content's duration, read from the loaded
   * content, and a break's repeats (repeatAfter) fill it to its end; a stream without a finite
   * duration (live) cannot place them.
   */
  private placeDeferred(duration: number): void {
    for (const b of this.deferred.splice(0)) {
      const name = b.breakId ?? (b.percent !== undefined ? `${b.percent}%` : b.tagUrl)
      const what = b.percent !== undefined ? 'break' : 'repeats of break'
      if (!(Number.isFinite(duration) && duration > 0)) {
        this.host.log(`ads: ${what} ${name} skipped (no content duration)`)
        continue
      }
      const placed = deferredOffsets(b, duration)
      if (placed.capped)
        this.host.log(
          `ads: break ${name} repeats only ${MAX_REPEATS} times (repeatAfter too short)`,
        )
      for (const offset of placed.offsets)
        this.breaks.push({
          offset,
          tagUrl: b.tagUrl,
          ...(b.inline ? { inline: b.inline } : {}),
          ...(b.tracking ? { tracking: b.tracking } : {}),
        })
    }
  }

  /** Skips the ad on screen when it may be skipped now. */
  skip(): boolean {
    const ad = this.current
    if (!ad?.canSkipNow()) return false
    ad.skip()
    return true
  }

  /**
   * Ends the session (the screen stops the title, or loads another). An ad on screen then is one
   * the household left before its end (Back, Stop): its closeLinear is reported, once (a VAST 2
   * creative's linear 'close' is read as closeLinear). Not for an ad that had ended, been skipped
   * or failed, nor after the break (a post-roll's end releases the session), nor for one that
   * never showed a frame, which had no impression either; one at its last second is complete.
   */
  release(): void {
    const left = this.playing()
    if (!this.released && left && this.current && this.shownId === left.id) {
      // Shaka tells an ad's end only as the break ends: an ad left in that gap had played out.
      if (this.lastRemaining !== undefined && this.lastRemaining < AD_PLAYED_OUT_S)
        this.finish(left, 'complete')
      else {
        left.done = true
        this.beacon(left.id, 'closeLinear')
      }
    }
    this.unveil()
    this.stopMediaTimer()
    this.stallWatch.stop()
    this.released = true
    this.waiting = []
    this.video?.removeEventListener('timeupdate', this.onTimeUpdate)
    this.video?.removeEventListener('ended', this.onTimeUpdate)
    for (const [type, listener] of this.listeners.splice(0))
      this.manager?.removeEventListener(type, listener)
    this.adPlayer?.removeEventListener('error', ignorePreloadError)
    this.adPlayer = undefined
    this.manager = undefined
    this.current = undefined
  }

  /**
   * Shaka leaves the content's element to the break, and afterwards loads the content again from
   * the manifest it kept; of a progressive file it keeps nothing, and the film never came back.
   * The content's place is read as Shaka asks to pause it (before it detaches it), and the
   * content is loaded there again when Shaka asks to resume it, unless the break was the
   * post-roll: the title has ended.
   */
  private bringBack(video: HTMLMediaElement, restoreContent: (at: number) => Promise<void>): void {
    let at: number | undefined
    this.listen(EVENTS.contentPause, () => {
      at ??= video.currentTime
    })
    this.listen(EVENTS.contentResume, (event) => {
      const from = at
      at = undefined
      if (from === undefined || this.released || this.breakOffset === 'end') return
      const offset = Number((event as Event & { offset?: unknown }).offset) || 0
      void restoreContent(from + offset)
    })
  }

  private listen(type: string, listener: (event: Event) => void): void {
    this.manager?.addEventListener(type, listener)
    this.listeners.push([type, listener])
  }

  /** Resolves a break's tag and gives Shaka its ads; says whether it placed any. */
  private async resolveBreak(
    plan: PlannedBreak,
    timeoutMs = this.deps.timeoutMs,
  ): Promise<boolean> {
    const resolved = await resolveAdTag(
      plan.tagUrl,
      { ...this.deps, timeoutMs },
      plan.inline,
      this.tagMacros(plan.offset),
    )
    for (const problem of resolved.problems) this.host.log(`ads: ${problem}`)
    if (!resolved.ads.length) {
      // The break will not play: its own error URLs are told why (VMAP 1.0.1), with the VAST code
      // the tag's <Error> URLs got; like those, even when the session has ended meanwhile.
      if (plan.tracking) this.sendBreakBeacon(plan.offset, plan.tracking.error, resolved.errorCode)
      return false
    }
    if (this.released) return false
    // The player waits for it at the content's end instead of leaving the title.
    if (plan.offset === 'end') this.host.emit({ type: 'ad-post-roll', at: this.host.now() })
    // Two breaks at one offset (a VMAP's pre-roll and a bumper) need ids of their own: Shaka drops
    // an interstitial whose id it has, and each ad's beacons are found by its id.
    const base = `break-${String(plan.offset)}`
    const seen = (this.groups.get(base) ?? 0) + 1
    this.groups.set(base, seen)
    const group = seen === 1 ? base : `${base}.${seen}`
    if (plan.tracking) this.breakBeacons.register(group, plan.offset, plan.tracking)
    resolved.ads.forEach((ad, i) => {
      const id = `${group}-${i + 1}`
      this.placed.set(id, {
        index: i + 1,
        count: resolved.ads.length,
        duration: ad.duration,
        skipOffset: ad.skipOffset,
        tracking: ad.tracking,
        offset: plan.offset,
        mediaUrl: ad.mediaUrl,
        mimeType: ad.mimeType,
        group,
      })
      const interstitial = toInterstitial(ad, plan.offset, id)
      if (this.manager) this.manager.addCustomInterstitial(interstitial)
      else this.pending.push(interstitial)
    })
    return true
  }

  private mark(offset: BreakOffset): void {
    if (typeof offset !== 'number') return
    this.markers.push(offset)
    this.markers.sort((a, b) => a - b)
  }

  private unmark(offset: BreakOffset | undefined): void {
    const at = typeof offset === 'number' ? this.markers.indexOf(offset) : -1
    if (at >= 0) this.markers.splice(at, 1)
  }

  private onStarted(event: Event): void {
    const ad = (event as Event & { ad?: ShakaAd }).ad
    this.current = ad
    this.lastRemaining = undefined
    const id = ad?.getAdId() ?? ''
    const placed = this.placed.get(id)
    if (placed) {
      this.breakOffset = placed.offset
      this.breakBeacons.start(placed.group)
    }
    this.stopMediaTimer()
    this.stallWatch.stop()
    this.mediaTimer = setTimeout(
      () => {
        this.mediaTimer = undefined
        if (this.shownId !== id && this.playing()?.id === id) this.giveUp(id)
      },
      Math.max(AD_MEDIA_TIMEOUT_MIN_MS, this.deps.timeoutMs),
    )
    // Impression and start wait for the ad's first frame (progress): Shaka starts an ad before
    // its media has loaded, and one whose file is missing never showed.
    this.started.push({ id, done: false })
    this.host.emit({
      type: 'ad-started',
      at: this.host.now(),
      // "Pub 2 sur 3" counts the ads the household sees: one that failed before its first frame
      // is taken out of both.
      index: Math.max(1, (placed?.index ?? 1) - this.unshownInBreak),
      count: Math.max(1, (placed?.count ?? 1) - this.unshownInBreak),
      duration: placed?.duration ?? Math.max(0, ad?.getDuration() ?? 0),
      skipOffset: placed?.skipOffset ?? null,
    })
  }

  /**
   * Ends the ad on screen as an ad that could not play: Shaka's ad player is told of a video
   * error, so Shaka leaves the ad and goes on with the break exactly as for a file that fails to
   * load, and its AD_ERROR brings the 405 beacon here.
   */
  private failAd(category: number, code: number, reason: string): void {
    const adPlayer = this.manager?.getInterstitialPlayer()
    if (!adPlayer || !this.fakeEvent) return
    const detail = { category, code, severity: 2, data: [reason] }
    adPlayer.dispatchEvent(new this.fakeEvent('error', new Map([['detail', detail]])))
  }

  /**
   * Gives up the ad on screen, whose media did not show in time (VAST 402). Shaka leaves an ad only
   * once its load of the file ends, and a host that never answers never ends it: the element is
   * made to drop the file (an empty src), and the element's error that follows is Shaka's own ad
   * error for this ad, reported 402. That error comes a moment later: were the ad failed first,
   * Shaka would have begun the pod's next ad by then and taken the error for that ad's (a valid
   * ad, reported 405 and never shown). Should no error come, the ad is failed after
   * GIVE_UP_GRACE_MS.
   */
  private giveUp(id: string): void {
    this.givenUp = { id, code: VAST_ERROR.MEDIA_TIMEOUT }
    this.video?.setAttribute('src', '')
    this.mediaTimer = setTimeout(() => {
      this.mediaTimer = undefined
      if (this.playing()?.id === id)
        this.failAd(1, SHAKA.TIMEOUT, 'the ad media did not answer in time')
    }, GIVE_UP_GRACE_MS)
  }

  /**
   * Shaka measures an ad's quartiles, and its end, against the element's seekable range
   * (Player.seekRange), and a progressive file from a host without byte ranges has an empty one
   * in Chromium ([0, 0]: it cannot seek in it). Shaka then says no quartile and never ends the
   * ad, left paused on its last frame under "Publicité · 0:00" with the content never back. For
   * such an ad the app tells Shaka's ad player its quartiles and its end from the element's own
   * clock, each once, and Shaka goes on as if it had measured them (its AD_*_QUARTILE and
   * AD_COMPLETE bring the beacons here).
   */
  private measureUnseekable(id: string, video: HTMLMediaElement): void {
    const adPlayer = this.manager?.getInterstitialPlayer()
    const duration = video.duration
    if (!adPlayer || !this.fakeEvent || seekableLength(video) > 0) return
    if (!(Number.isFinite(duration) && duration > 0)) return
    const reached =
      video.ended || video.currentTime >= duration
        ? 4
        : Math.min(3, Math.floor((video.currentTime / duration) * 4))
    const told = this.measured?.id === id ? this.measured.quartile : 0
    if (reached <= told) return
    this.measured = { id, quartile: reached }
    for (let quartile = told + 1; quartile <= reached; quartile++)
      adPlayer.dispatchEvent(new this.fakeEvent(PLAYER_QUARTILES[quartile - 1]!))
  }

  /**
   * The ad `id` as the stall watch sees it, while it is the ad on screen: not once it has ended,
   * been skipped or failed, nor after its break or the session (the element is the content's
   * again, and must never be acted on for an ad).
   */
  private onScreen(id: string): AdSample | null {
    const video = this.video
    if (this.released || !video || this.current?.getAdId() !== id) return null
    if (this.playing()?.id !== id || this.givenUp?.id === id) return null
    return {
      time: video.currentTime,
      held: video.paused || video.ended,
      starved: video.readyState < HAVE_FUTURE_DATA,
    }
  }

  /**
   * Gives up an ad that showed and then stood still for AD_STALL_MS (its file stopped coming:
   * 402; or it has data and does not play: 405). Its file has loaded, so Shaka's ad player is
   * told of an error directly, and Shaka leaves the ad for the pod's next one or the content,
   * which resumes where it stopped; the element is not touched here.
   */
  private stalled(id: string, sample: AdSample): void {
    const code = stallErrorCode(sample)
    const why = sample.starved ? 'its file stopped coming' : 'it does not play on'
    this.host.log(
      `ads: the ad on screen stood still for ${AD_STALL_MS / 1000} s (${why}), given up`,
    )
    this.givenUp = { id, code }
    this.failAd(sample.starved ? 1 : 3, sample.starved ? SHAKA.TIMEOUT : SHAKA.VIDEO_ERROR, why)
  }

  private stopMediaTimer(): void {
    clearTimeout(this.mediaTimer)
    this.mediaTimer = undefined
  }

  /**
   * The element says only that it could not play the file, whether the server answered 404 or the
   * file is not a video: the file is asked for once more, to report 401 rather than 405 for a
   * missing one (an operator's ad server counts them apart).
   */
  private async reportUnplayable(entry: { id: string; done: boolean }): Promise<void> {
    entry.done = true
    const url = this.placed.get(entry.id)?.mediaUrl
    const status = url && this.deps.mediaStatus ? await this.deps.mediaStatus(url) : null
    const code =
      status !== null && status >= 400 ? VAST_ERROR.MEDIA_NOT_FOUND : VAST_ERROR.MEDIA_NOT_PLAYED
    this.beacon(entry.id, 'error', code)
  }

  /**
   * The household paused the ad (the remote's Play/Pause). The element also pauses as each ad
   * ends, and Shaka reports that as a pause too: an ended element is no pause of the viewer's.
   */
  private paused(): void {
    const entry = this.playing()
    if (!entry || this.video?.ended || this.pausedId === entry.id) return
    this.pausedId = entry.id
    this.beacon(entry.id, 'pause', undefined, true)
  }

  private resumed(): void {
    const entry = this.playing()
    if (!entry || this.pausedId !== entry.id) return
    this.pausedId = undefined
    this.beacon(entry.id, 'resume', undefined, true)
  }

  private quartile(quartile: 1 | 2 | 3 | 4): void {
    if (quartile === 4) {
      // Shaka sends it once the next ad has started: the oldest ad not yet finished is the one.
      this.finish(
        this.started.find((entry) => !entry.done),
        'complete',
      )
    } else {
      const event = (['firstQuartile', 'midpoint', 'thirdQuartile'] as const)[quartile - 1]
      const entry = this.playing()
      if (entry) this.beacon(entry.id, event)
    }
    this.host.emit({ type: 'ad-quartile', at: this.host.now(), quartile })
  }

  /** The ad on screen: the last one started, unless it has finished. */
  private playing(): { id: string; done: boolean } | undefined {
    const last = this.started[this.started.length - 1]
    return last && !last.done ? last : undefined
  }

  private finish(
    entry: { id: string; done: boolean } | undefined,
    event: 'complete' | 'skip' | 'error',
    errorCode?: number,
  ): void {
    if (!entry) return
    entry.done = true
    this.stallWatch.stop(entry.id)
    if (event === 'error' && this.shownId !== entry.id) this.unshownInBreak++
    // Offsets at the very end ("100%", the duration) come after the last time update.
    const placed = this.placed.get(entry.id)
    if (event === 'complete' && placed) this.progressBeacons(entry.id, Infinity, placed.duration)
    this.beacon(entry.id, event, event === 'error' ? errorCode : undefined)
  }

  /**
   * The ad's "progress" beacons (VAST 3+) whose offset the ad has played to, each once: a time
   * ("00:00:05") or a share of the ad's duration ("25%"). An offset that cannot be read is never
   * sent rather than sent at the start.
   */
  private progressBeacons(id: string, played: number, duration: number): void {
    const placed = this.placed.get(id)
    if (!placed) return
    placed.tracking.progress.forEach((beacon, index) => {
      const offset = parseOffset(beacon.offset, duration)
      const key = `${id}/progress/${index}`
      if (offset === null || played < offset || this.fired.has(key)) return
      this.fired.add(key)
      const values = {
        now: this.deps.now(),
        random: this.deps.random,
        ...this.macroValues(id, placed, 'progress'),
      }
      this.deps.beacon(fillMacros(beacon.url, values))
    })
  }

  /**
   * Each event of each ad is reported once, to that ad's own URLs (wrappers' included); a pause
   * and its resume (`repeat`) each time they happen.
   */
  private beacon(id: string, event: TrackingEvent, errorCode?: number, repeat = false): void {
    const placed = this.placed.get(id)
    const key = `${id}/${event}`
    if (!placed || (!repeat && this.fired.has(key))) return
    this.fired.add(key)
    if (event === 'error') this.breakBeacons.adFailed(placed.group, errorCode)
    const values = {
      now: this.deps.now(),
      random: this.deps.random,
      errorCode,
      ...this.macroValues(id, placed, event),
    }
    for (const url of placed.tracking[event]) this.deps.beacon(fillMacros(url, values))
  }

  /**
   * A break's beacon URLs, filled as an ad's are: no ad is on screen for the break itself, so
   * [ADPLAYHEAD], [ASSETURI] and the like say -1 (unknown).
   */
  private sendBreakBeacon(offset: BreakOffset, urls: readonly string[], errorCode?: number): void {
    const { breakPosition, contentPlayhead } = this.tagMacros(offset)
    const values = {
      now: this.deps.now(),
      random: this.deps.random,
      errorCode,
      breakPosition,
      contentPlayhead,
    }
    for (const url of urls) this.deps.beacon(fillMacros(url, values))
  }

  /** Where the ad and the content stand, for the beacon's macros ([ADPLAYHEAD]...). */
  private macroValues(
    id: string,
    placed: Placed,
    event: TrackingEvent | 'progress',
  ): Partial<MacroValues> {
    const onScreen = this.started[this.started.length - 1]?.id === id
    const adPlayhead =
      event === 'complete'
        ? placed.duration
        : onScreen && this.lastRemaining !== undefined
          ? Math.max(0, placed.duration - this.lastRemaining)
          : event === 'impression' || event === 'start'
            ? 0
            : undefined
    const { breakPosition, contentPlayhead } = this.tagMacros(placed.offset)
    return {
      adPlayhead,
      contentPlayhead,
      breakPosition,
      podSequence: placed.index,
      assetUri: absolute(placed.mediaUrl, this.deps.baseUrl),
      mediaMime: placed.mimeType,
    }
  }

  private progress(): void {
    const ad = this.current
    if (!ad) return
    const remaining = ad.getRemainingTime()
    // -1 until the ad's media is ready: the heading keeps the ad's duration rather than "0:00".
    if (remaining < 0) return
    this.lastRemaining = remaining
    const entry = this.playing()
    const video = this.video
    // The creative says it is a video: a picture is expected.
    const wantsPicture =
      !!entry && !!this.placed.get(entry.id)?.mimeType.toLowerCase().startsWith('video/')
    const noPicture = wantsPicture && (video as HTMLVideoElement | undefined)?.videoWidth === 0
    // The first frame is on screen once the element's time moves with a picture to show: a video
    // ad that plays only its sound (a codec the box cannot decode) never showed, so it has no
    // impression or start (VAST 4: the impression is the first frame), only its error.
    if (entry && (video?.currentTime ?? 0) > 0 && !noPicture) {
      this.shownId = entry.id
      const group = this.placed.get(entry.id)?.group
      if (group) this.breakBeacons.adShown(group)
      this.stopMediaTimer()
      this.stallWatch.start(entry.id)
      this.unveil()
      this.beacon(entry.id, 'impression')
      this.beacon(entry.id, 'creativeView')
      this.beacon(entry.id, 'start')
      // The VAST's own duration, or the media's where the VAST's could not be read.
      const duration = this.placed.get(entry.id)?.duration || Math.max(0, ad.getDuration())
      this.progressBeacons(entry.id, duration - remaining, duration)
    }
    if (entry && video && noPicture && video.currentTime >= NO_PICTURE_AFTER_S)
      return this.failAd(4, SHAKA.CONTENT_UNSUPPORTED_BY_BROWSER, 'no picture')
    if (entry && video) this.measureUnseekable(entry.id, video)
    const skipIn = ad.isSkippable() ? ad.getTimeUntilSkippable() : undefined
    this.host.emit({
      type: 'ad-progress',
      at: this.host.now(),
      remaining,
      ...(skipIn !== undefined && skipIn >= 0 ? { skipIn } : {}),
    })
  }
}
