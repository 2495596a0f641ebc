import { childElements as children } from '../xml/childElements'
import { VAST_ERROR } from './macros'

/**
 * Reading VAST (2 to 4) and VMAP documents into the app's own small model. Tolerant like the
 * catalogue readers: unknown elements are ignored, missing optional parts are empty; what cannot
 * give a playable linear ad is left out and said why.
 *
 * Pure over a parsed Document (DOMParser in the browser, jsdom in tests): no fetching here.
 */

/** The tracking events the app keeps, each a list of beacon URLs (macros not yet filled). */
export const TRACKING_EVENTS = [
  'impression',
  'error',
  // VAST 2 and 3's "the creative is on screen", sent with the impression (VAST 4 folds it there).
  'creativeView',
  'start',
  'firstQuartile',
  'midpoint',
  'thirdQuartile',
  'complete',
  'skip',
  'pause',
  'resume',
  // The household left the ad before its end (VAST 3+; VAST 2 calls a linear ad's close 'close').
  'closeLinear',
] as const
export type TrackingEvent = (typeof TRACKING_EVENTS)[number]

/**
 * A "progress" beacon (VAST 3+): sent once the ad has played to `offset`, as written
 * ("00:00:05", "25%"), read against the ad's duration when it plays.
 */
export interface ProgressBeacon {
  offset: string
  url: string
}

export type Tracking = Record<TrackingEvent, string[]> & { progress: ProgressBeacon[] }

export function emptyTracking(): Tracking {
  const events = Object.fromEntries(TRACKING_EVENTS.map((event) => [event, [] as string[]]))
  return { ...(events as Record<TrackingEvent, string[]>), progress: [] }
}

/** Tracking of a wrapper added to its inline ad's: both are told (VAST 4 §2.4.3.3). */
export function mergeTracking(a: Tracking, b: Tracking): Tracking {
  const merged = emptyTracking()
  for (const event of TRACKING_EVENTS) merged[event] = [...a[event], ...b[event]]
  merged.progress = [...a.progress, ...b.progress]
  return merged
}

export interface LinearAd {
  id: string | null
  /** `sequence` of the <Ad> in a pod (VAST 3+), 0 when absent. */
  sequence: number
  mediaUrl: string
  mimeType: string
  /** Seconds, from <Duration>; 0 when unreadable. */
  duration: number
  /** Seconds from the start when Skip may be offered; null: not skippable. */
  skipOffset: number | null
  clickThrough: string | null
  tracking: Tracking
}

export type VastAd =
  | { kind: 'inline'; ad: LinearAd }
  | {
      kind: 'wrapper'
      id: string | null
      sequence: number
      tagUrl: string
      tracking: Tracking
      /** The wrapper takes a pod from its tag (VAST 4 `allowMultipleAds`, false by default). */
      allowMultipleAds: boolean
    }

export type VastDocument =
  | {
      ok: true
      ads: VastAd[]
      /** <Error> URLs of a VAST without ads ("no ad" is reported to them, code 303). */
      errors: string[]
      /** Ads left out, and why (VPAID only, no media the box plays, no Linear...). */
      skipped: string[]
      /**
       * The <Error> URLs of each ad left out that its server should hear of, with the VAST code:
       * no media the box plays (403), or no linear creative for a linear break (201).
       */
      refused: { errors: string[]; code: number }[]
      /**
       * The stand-alone ads (no sequence) not in `ads`, in document order: VAST 3+'s ad buffet,
       * tried in turn when an ad gives nothing (a wrapper whose tag has no fill).
       */
      backups: VastAd[]
    }
  | { ok: false; reason: string }

/** Media types the box plays in its one <video> through Shaka. */
export const PLAYABLE_MEDIA = [
  'video/mp4',
  'application/dash+xml',
  'application/x-mpegurl',
  'application/vnd.apple.mpegurl',
  'video/webm',
]

const child = (parent: Element | Document, name: string): Element | undefined =>
  children(parent, name)[0]
const text = (element: Element | undefined): string => (element?.textContent ?? '').trim()
const texts = (parent: Element, name: string): string[] =>
  children(parent, name)
    .map((e) => text(e))
    .filter(Boolean)

/** "hh:mm:ss", "hh:mm:ss.mmm"; NaN when unreadable. */
export function parseClock(value: string): number {
  const match = /^(\d{1,3}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(value.trim())
  if (!match) return NaN
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

const PERCENT = /^(\d+(?:\.\d+)?)%$/
/** VMAP 1.0's "#m": the m-th break opportunity the content itself defines (counted from 1). */
const POSITION = /^#([1-9]\d*)$/

/** A skipoffset: "hh:mm:ss(.mmm)" or "n%" of the duration. */
export function parseOffset(value: string | null, duration: number): number | null {
  if (!value) return null
  const percent = PERCENT.exec(value.trim())
  if (percent) return duration > 0 ? (Number(percent[1]) / 100) * duration : null
  const seconds = parseClock(value)
  return Number.isFinite(seconds) ? seconds : null
}

/**
 * The app's name of a linear ad's tracking event: VAST 2 has no closeLinear, and its linear ads
 * say 'close' for it (VAST 3 and 4 keep 'close' for non-linear ads, which are not read here).
 */
const LINEAR_EVENT_NAMES: Readonly<Record<string, TrackingEvent>> = { close: 'closeLinear' }

function readTrackingEvents(parent: Element | undefined, tracking: Tracking): void {
  const events = parent && child(parent, 'TrackingEvents')
  if (!events) return
  for (const element of children(events, 'Tracking')) {
    const written = element.getAttribute('event')
    const url = text(element)
    if (!written || !url) continue
    if (written === 'progress') {
      const offset = element.getAttribute('offset')?.trim()
      if (offset) tracking.progress.push({ offset, url })
      continue
    }
    const event = (LINEAR_EVENT_NAMES[written] ?? written) as TrackingEvent
    if (!(TRACKING_EVENTS as readonly string[]).includes(event)) continue
    // A creative that writes both names (close, closeLinear) for one URL is told once.
    if (event === 'closeLinear' && tracking.closeLinear.includes(url)) continue
    tracking[event].push(url)
  }
}

function adTracking(container: Element): Tracking {
  const tracking = emptyTracking()
  tracking.impression.push(...texts(container, 'Impression'))
  tracking.error.push(...texts(container, 'Error'))
  return tracking
}

/** The best media file: a type the box plays, progressive first, the tallest up to 1080 lines. */
/** A MediaFile's type without parameters (`video/mp4; codecs="avc1…"`), or from its file name. */
function mediaType(file: Element, url: string): string {
  const declared = (file.getAttribute('type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (declared) return declared
  const extension = /\.(mp4|m4v|webm|m3u8|mpd)(?:[?#]|$)/i.exec(url)?.[1]?.toLowerCase()
  const byExtension: Record<string, string> = {
    mp4: 'video/mp4',
    m4v: 'video/mp4',
    webm: 'video/webm',
    m3u8: 'application/x-mpegurl',
    mpd: 'application/dash+xml',
  }
  return extension ? byExtension[extension]! : ''
}

/** Sort order by bitrate, lightest first; a file that gives none comes after those that do. */
const lighter = (a: number, b: number): number => (a && b ? a - b : Number(!a) - Number(!b))

/**
 * Whether the box decodes a file of `type` whose MediaFile says `codec` (RFC 6381, e.g.
 * "hvc1.1.6.L93.90"). Ad servers often list an HEVC or a 4K rendition first.
 */
export type CodecSupport = (type: string, codec: string) => boolean

/**
 * An RFC 6381 codec string of a kind the box is asked about, as VAST 4 writes them; VAST 2 files
 * often say "H.264" or "H264", which name no sample entry and are not asked.
 */
const RFC6381 = /^(avc[13]|hvc1|hev1|dvh[1e]|vp0[89]|av01|mp4a|ac-3|ec-3|opus|flac)(\.[\w.]+)?$/i

/** Whether each codec the file names (RFC 6381 allows a list: "hvc1.1.6.L93.90,mp4a.40.2") plays. */
function decodable(type: string, codec: string, supports: CodecSupport): boolean {
  return codec
    .split(',')
    .map((name) => name.trim())
    .filter((name) => RFC6381.test(name))
    .every((name) => supports(type, name))
}

/** The tallest ad picture chosen before any taller one: the box's screen. */
const MAX_LINES = 1080

/**
 * The file to play: a type (and codec, where the file names one) the box plays, progressive first,
 * the tallest up to 1080 lines, and of those the lightest (`bitrate`, kbit/s): an 8 Mbit/s file of
 * the same height stalls a modest line. A taller file (a 2160-line master alone in its ad) is
 * still tried, the shortest first, rather than the ad lost with 403.
 */
function pickMedia(
  linear: Element,
  supports?: CodecSupport,
): { url: string; type: string } | undefined {
  const files = child(linear, 'MediaFiles')
  if (!files) return undefined
  const candidates = children(files, 'MediaFile')
    .filter((file) => !file.getAttribute('apiFramework'))
    .map((file) => {
      const url = text(file)
      return {
        url,
        type: mediaType(file, url),
        height: Number(file.getAttribute('height')) || 0,
        bitrate: Number(file.getAttribute('bitrate') ?? file.getAttribute('maxBitrate')) || 0,
        progressive: file.getAttribute('delivery') !== 'streaming',
        codec: (file.getAttribute('codec') ?? '').trim(),
      }
    })
    .filter((file) => file.url && PLAYABLE_MEDIA.includes(file.type))
    .sort(
      (a, b) =>
        Number(a.height > MAX_LINES) - Number(b.height > MAX_LINES) ||
        Number(b.progressive) - Number(a.progressive) ||
        (a.height > MAX_LINES ? a.height - b.height : b.height - a.height) ||
        lighter(a.bitrate, b.bitrate),
    )
  // Where no file passes, the box may still play one (engines that answer "" for codecs they
  // decode): it is tried, and an ad that then fails reports 405 as before.
  return (
    candidates.find((file) => !supports || decodable(file.type, file.codec, supports)) ??
    candidates[0]
  )
}

function readInline(
  ad: Element,
  inline: Element,
  skipped: string[],
  refused: { errors: string[]; code: number }[],
  supports?: CodecSupport,
): VastAd | undefined {
  const id = ad.getAttribute('id')
  const tracking = adTracking(inline)
  const creatives = child(inline, 'Creatives')
  let noMedia = false
  for (const creative of creatives ? children(creatives, 'Creative') : []) {
    const linear = child(creative, 'Linear')
    if (!linear) continue
    const media = pickMedia(linear, supports)
    if (!media) {
      noMedia = true
      continue
    }
    readTrackingEvents(linear, tracking)
    const duration = parseClock(text(child(linear, 'Duration')))
    const clicks = child(linear, 'VideoClicks')
    return {
      kind: 'inline',
      ad: {
        id,
        sequence: Number(ad.getAttribute('sequence')) || 0,
        mediaUrl: media.url,
        mimeType: media.type,
        duration: Number.isFinite(duration) ? duration : 0,
        skipOffset: parseOffset(linear.getAttribute('skipoffset'), duration),
        clickThrough: clicks ? text(child(clicks, 'ClickThrough')) || null : null,
        tracking,
      },
    }
  }
  // Its own Error URLs are told, as for an ad that fails on screen.
  if (noMedia) {
    skipped.push(`ad ${id ?? '?'}: no media file the box can play`)
    refused.push({ errors: tracking.error, code: VAST_ERROR.MEDIA_UNSUPPORTED })
  } else {
    skipped.push(`ad ${id ?? '?'}: no linear creative`)
    // 201 is for a non-linear ad sent to a linear break; an ad of companions alone says nothing.
    const nonLinear = creatives
      ? children(creatives, 'Creative').some((creative) => child(creative, 'NonLinearAds'))
      : false
    if (nonLinear) refused.push({ errors: tracking.error, code: VAST_ERROR.NOT_LINEAR })
  }
  return undefined
}

function readWrapper(ad: Element, wrapper: Element, skipped: string[]): VastAd | undefined {
  const id = ad.getAttribute('id')
  const tagUrl = text(child(wrapper, 'VASTAdTagURI'))
  if (!tagUrl) {
    skipped.push(`wrapper ${id ?? '?'}: no VASTAdTagURI`)
    return undefined
  }
  const tracking = adTracking(wrapper)
  const creatives = child(wrapper, 'Creatives')
  for (const creative of creatives ? children(creatives, 'Creative') : [])
    readTrackingEvents(child(creative, 'Linear'), tracking)
  return {
    kind: 'wrapper',
    id,
    sequence: Number(ad.getAttribute('sequence')) || 0,
    tagUrl,
    tracking,
    allowMultipleAds: wrapper.getAttribute('allowMultipleAds')?.trim() === 'true',
  }
}

export function readVast(doc: Document, supports?: CodecSupport): VastDocument {
  const root = doc.documentElement
  if (!root || root.localName !== 'VAST' || doc.getElementsByTagName('parsererror').length)
    return { ok: false, reason: 'not a VAST document' }
  const skipped: string[] = []
  const refused: { errors: string[]; code: number }[] = []
  const ads: VastAd[] = []
  for (const ad of children(root, 'Ad')) {
    const inline = child(ad, 'InLine')
    const wrapper = child(ad, 'Wrapper')
    const read = inline
      ? readInline(ad, inline, skipped, refused, supports)
      : wrapper
        ? readWrapper(ad, wrapper, skipped)
        : undefined
    if (read) ads.push(read)
  }
  // A pod plays in sequence order; ads without a sequence are a buffet: the first plays, the
  // others stand in for an ad that gives nothing.
  const sequence = (a: VastAd) => (a.kind === 'inline' ? a.ad.sequence : a.sequence)
  const pod = ads.filter((a) => sequence(a) > 0).sort((a, b) => sequence(a) - sequence(b))
  const buffet = ads.filter((a) => sequence(a) === 0)
  const ordered = pod.length ? pod : buffet.slice(0, 1)
  const backups = pod.length ? buffet : buffet.slice(1)
  return { ok: true, ads: ordered, errors: texts(root, 'Error'), skipped, refused, backups }
}

/** When a VMAP break plays: before the content, at a second, or after it. */
export type BreakOffset = number | 'start' | 'end'

/** The break-level events of VMAP 1.0.1 (an AdBreak's own TrackingEvents). */
export const BREAK_EVENTS = ['breakStart', 'breakEnd', 'error'] as const
export type BreakEvent = (typeof BREAK_EVENTS)[number]
/** A break's beacon URLs per event, macros not yet filled. */
export type BreakTracking = Record<BreakEvent, string[]>

/**
 * An AdBreak's own <vmap:TrackingEvents> (VMAP 1.0.1 §2.4), undefined when it has none. Read by
 * local name, as exports write them with the vmap: prefix or without one; only the AdBreak's own
 * children, never the TrackingEvents of a VAST it carries in VASTAdData.
 */
function readBreakTracking(adBreak: Element): BreakTracking | undefined {
  const tracking: BreakTracking = { breakStart: [], breakEnd: [], error: [] }
  let any = false
  for (const events of children(adBreak, 'TrackingEvents')) {
    for (const element of children(events, 'Tracking')) {
      const event = (element.getAttribute('event') ?? '').trim()
      const url = text(element)
      if (!url || !(BREAK_EVENTS as readonly string[]).includes(event)) continue
      tracking[event as BreakEvent].push(url)
      any = true
    }
  }
  return any ? tracking : undefined
}

export interface VmapBreak {
  offset: BreakOffset
  tagUrl: string
  breakId: string | null
  /** A VAST document written inside the VMAP (VASTAdData), as text; tagUrl then names the VMAP. */
  inline?: string
  /** The break's own beacons (breakStart, breakEnd, error); absent when it has none. */
  tracking?: BreakTracking
}

/** The VAST of a VMAP AdSource's VASTAdData, as a document of its own, or undefined. */
function inlineVast(source: Element | undefined): string | undefined {
  const data = source && child(source, 'VASTAdData')
  const vast = data && child(data, 'VAST')
  return vast ? new XMLSerializer().serializeToString(vast) : undefined
}

/**
 * A VMAP break placed once the content's duration is known: one at a share of the content ("n%"),
 * or the repeats of a break with a repeatAfter (VMAP 1.0 §2.3.1), which run to the content's end.
 */
export interface DeferredBreak {
  /** "n%": the first one goes at that share; absent when the first was placed already. */
  percent?: number
  /** Where the first one was placed, in seconds (0 for "start"), when it was. */
  from?: number
  /** repeatAfter, in seconds: the same break and ad source again that often after the first. */
  repeatAfter?: number
  tagUrl: string
  breakId: string | null
  inline?: string
  tracking?: BreakTracking
}

/**
 * VMAP 1.0 AdBreaks with an AdTagURI (or VASTAdData), each with its own tracking (1.0.1). A "#m"
 * offset is the m-th of the content's break opportunities, `positions` (the title's ads.breaks, in
 * seconds, ascending); one the title does not have is skipped. An "n%" offset needs the content's
 * duration: without it (the VMAP is read before the content loads), 0 % is a pre-roll, 100 % a
 * post-roll, and any other share is returned in `deferred` to be placed after the load. So are a break's repeats (repeatAfter), which run to the content's end.
 */
export function readVmap(
  doc: Document,
  duration: number,
  positions: readonly number[] = [],
):
  | { ok: true; breaks: VmapBreak[]; deferred: DeferredBreak[]; skipped: string[] }
  | { ok: false; reason: string } {
  const root = doc.documentElement
  if (!root || root.localName !== 'VMAP' || doc.getElementsByTagName('parsererror').length)
    return { ok: false, reason: 'not a VMAP document' }
  const breaks: VmapBreak[] = []
  const deferred: DeferredBreak[] = []
  const skipped: string[] = []
  for (const element of children(root, 'AdBreak')) {
    const breakId = element.getAttribute('breakId')
    const timeOffset = (element.getAttribute('timeOffset') ?? '').trim()
    const share = PERCENT.exec(timeOffset)
    const percent = share ? Number(share[1]) : null
    const position = POSITION.exec(timeOffset)
    const opportunity = position ? positions[Number(position[1]) - 1] : undefined
    const offset: BreakOffset | null = position
      ? opportunity === undefined
        ? null
        : opportunity === 0
          ? 'start'
          : opportunity
      : timeOffset === 'start' || percent === 0
        ? 'start'
        : timeOffset === 'end' || percent === 100
          ? 'end'
          : percent !== null && percent > 100
            ? null
            : parseOffset(timeOffset, duration)
    const source = child(element, 'AdSource')
    const tagUri = text(source && child(source, 'AdTagURI'))
    // A VAST written in the VMAP itself: named for the log by its break.
    const inline = tagUri ? undefined : inlineVast(source)
    const tagUrl = tagUri || (inline ? `VASTAdData of break ${breakId ?? timeOffset}` : '')
    const tracking = readBreakTracking(element)
    const extra = { ...(inline ? { inline } : {}), ...(tracking ? { tracking } : {}) }
    // Repeats need the content's end: they are placed with its duration, after the load.
    const every = parseClock(element.getAttribute('repeatAfter') ?? '')
    const repeatAfter = every > 0 && offset !== 'end' ? { repeatAfter: every } : {}
    if (tagUrl && offset === null && percent !== null && percent < 100 && !(duration > 0)) {
      deferred.push({ percent, tagUrl, breakId, ...repeatAfter, ...extra })
      continue
    }
    if (offset === null || !tagUrl) {
      const why = !tagUrl
        ? 'neither AdTagURI nor VASTAdData'
        : position
          ? `timeOffset ${timeOffset} names break opportunity ${position[1]}, and the title gives ${positions.length} (its ads.breaks)`
          : `unreadable timeOffset "${timeOffset}"`
      skipped.push(`break ${breakId ?? timeOffset}: ${why}`)
      continue
    }
    breaks.push({
      offset: offset === 0 ? 'start' : offset,
      tagUrl,
      breakId,
      ...extra,
    })
    if (repeatAfter.repeatAfter && offset !== 'end')
      deferred.push({
        from: offset === 'start' ? 0 : offset,
        tagUrl,
        breakId,
        ...repeatAfter,
        ...extra,
      })
  }
  return { ok: true, breaks, deferred, skipped }
}
