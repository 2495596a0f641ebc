import { fillMacros, VAST_ERROR, type MacroValues } from './macros'
import {
  emptyTracking,
  mergeTracking,
  readVast,
  readVmap,
  type DeferredBreak,
  type BreakOffset,
  type BreakTracking,
  type CodecSupport,
  type LinearAd,
  type Tracking,
  type VastAd,
} from './vast'

/**
 * Turning an ad tag into ads the player can play: the VAST is fetched, its Wrappers followed (at
 * most `maxWrappers` levels: Shaka 5.2 reads <InLine> only and ignores Wrappers), each wrapper's
 * impression, error and tracking URLs added to its inline ad's, and every failure ends in no ad
 * rather than an exception: the content must start whatever the ad server does.
 */

export interface AdFetch {
  /** The body as text; rejects on a network error or a non-2xx status, and when `signal` aborts. */
  (url: string, signal: AbortSignal): Promise<string>
}

export interface ResolveDeps {
  fetchText: AdFetch
  parseXml: (text: string) => Document
  /** Fires a beacon (an <Error> URL here), GET, its answer ignored. */
  beacon: (url: string) => void
  /** Wall-clock ms, for [TIMESTAMP]. */
  now: () => number
  /** Budget for the whole chain of one tag (operator's ads.timeoutMs). */
  timeoutMs: number
  maxWrappers?: number
  random?: () => number
  /**
   * Where relative URLs of ads resolve, as the element and fetch read them: the app's page
   * (document.baseURI). [ASSETURI] is sent absolute.
   */
  baseUrl?: string
  /**
   * The HTTP status an ad's media file answers with, null when it cannot be told (unreachable,
   * refused by CORS): asked only for a file the element could not play, to tell 401 from 405.
   */
  mediaStatus?: (url: string) => Promise<number | null>
  /** Whether the box decodes a MediaFile's codec; every codec is taken when absent. */
  codecSupport?: CodecSupport
}

export interface ResolvedAds {
  ads: LinearAd[]
  /** Why there is no ad, or why some were left out; logged by the caller. */
  problems: string[]
  /**
   * When the tag gave no ad: the VAST error code of the (first) failure, as reported to the <Error>
   * URLs of the chain (301, 303, 100, 302). A VMAP break's own error beacon carries it.
   */
  errorCode?: number
}

const MAX_WRAPPERS = 5

/** A request that failed or outlasted the budget: the chain ends with VAST error 301. */
class ChainFailure extends Error {}

async function fetchWithin(deps: ResolveDeps, url: string, signal: AbortSignal): Promise<string> {
  try {
    return await deps.fetchText(url, signal)
  } catch (error) {
    throw new ChainFailure(
      signal.aborted ? `timed out after ${deps.timeoutMs} ms` : `${url}: ${String(error)}`,
    )
  }
}

function reportError(deps: ResolveDeps, urls: readonly string[], code: number): void {
  for (const url of urls)
    deps.beacon(fillMacros(url, { now: deps.now(), errorCode: code, random: deps.random }))
}

/** What an ad tag request says of its break ([BREAKPOSITION], [CONTENTPLAYHEAD], [SEGMENTS]). */
export type TagMacros = Pick<
  MacroValues,
  'breakPosition' | 'contentPlayhead' | 'segments' | 'limitAdTracking'
>

/**
 * The ads of one tag, in pod order, each with the tracking of every wrapper above it. `inline`: a
 * VAST document the VMAP carried itself (VASTAdData), read instead of asking `url`. `macros`: the
 * break's values for the macros of every tag asked (`url`, and each wrapper's VASTAdTagURI).
 */
export async function resolveAdTag(
  url: string,
  deps: ResolveDeps,
  inline?: string,
  macros: TagMacros = {},
): Promise<ResolvedAds> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs)
  const chain = { deps, signal: controller.signal, macros }
  try {
    if (inline !== undefined) return await readAds(url, inline, chain, emptyTracking(), 0)
    return await follow(url, chain, emptyTracking(), 0)
  } finally {
    clearTimeout(timer)
  }
}

/** One tag's chain of requests: its budget, and its break's macro values. */
interface Chain {
  deps: ResolveDeps
  signal: AbortSignal
  macros: TagMacros
}

async function follow(
  written: string,
  chain: Chain,
  above: Tracking,
  depth: number,
): Promise<ResolvedAds> {
  const { deps, signal } = chain
  // Every tag asked is filled like the operator's tagUrl (plan.ts): Shaka would send a VMAP's
  // AdTagURI or a wrapper's VASTAdTagURI as written, "[CACHEBUSTING]" and all. Filling twice
  // (ads.tagUrl is filled when planned) changes nothing: no IAB macro is left in brackets.
  const url = fillMacros(written, { now: deps.now(), random: deps.random, ...chain.macros })
  let body: string
  try {
    body = await fetchWithin(deps, url, signal)
  } catch (error) {
    reportError(deps, above.error, VAST_ERROR.WRAPPER_TIMEOUT)
    return {
      ads: [],
      problems: [`ad tag failed: ${(error as Error).message}`],
      errorCode: VAST_ERROR.WRAPPER_TIMEOUT,
    }
  }
  return readAds(url, body, chain, above, depth)
}

/** One VAST document's ads (`url`: where it came from, for the log), its wrappers followed. */
async function readAds(
  url: string,
  body: string,
  chain: Chain,
  above: Tracking,
  depth: number,
): Promise<ResolvedAds> {
  const { deps } = chain
  const problems: string[] = []
  // Templates often start with a blank line, which makes an XML declaration after it unreadable.
  const text = body.trim()
  // An empty answer (a 204, or 200 with nothing) is the server's way of saying "no ad".
  if (!text) {
    reportError(deps, above.error, VAST_ERROR.NO_ADS_AFTER_WRAPPER)
    return {
      ads: [],
      problems: [`${url}: no ad (empty answer)`],
      errorCode: VAST_ERROR.NO_ADS_AFTER_WRAPPER,
    }
  }
  const vast = readVast(deps.parseXml(text), deps.codecSupport)
  if (!vast.ok) {
    reportError(deps, above.error, VAST_ERROR.XML_PARSE)
    return { ads: [], problems: [`${url}: ${vast.reason}`], errorCode: VAST_ERROR.XML_PARSE }
  }
  problems.push(...vast.skipped.map((why) => `${url}: ${why}`))
  // The wrappers' Error URLs are the chain's: they hear of each such ad too, as for one that fails.
  for (const { errors, code } of vast.refused) reportError(deps, [...above.error, ...errors], code)
  if (!vast.ads.length) {
    // Ads the box cannot play are not an empty answer: the chain heard their 403 (or 201) above.
    if (vast.refused.length)
      return {
        ads: [],
        problems: [...problems, `${url}: no ad the box can play`],
        errorCode: vast.refused[0]!.code,
      }
    reportError(deps, [...above.error, ...vast.errors], VAST_ERROR.NO_ADS_AFTER_WRAPPER)
    return {
      ads: [],
      problems: [...problems, `${url}: no ad`],
      errorCode: VAST_ERROR.NO_ADS_AFTER_WRAPPER,
    }
  }
  const ads: LinearAd[] = []
  // Why the wrappers gave nothing, should none of them give an ad.
  let errorCode: number | undefined
  const one = async (ad: VastAd): Promise<LinearAd[]> => {
    if (ad.kind === 'inline') return [{ ...ad.ad, tracking: mergeTracking(above, ad.ad.tracking) }]
    const tracking = mergeTracking(above, ad.tracking)
    if (depth + 1 > (deps.maxWrappers ?? MAX_WRAPPERS)) {
      reportError(deps, tracking.error, VAST_ERROR.WRAPPER_LIMIT)
      problems.push(`${url}: more than ${deps.maxWrappers ?? MAX_WRAPPERS} wrappers`)
      errorCode ??= VAST_ERROR.WRAPPER_LIMIT
      return []
    }
    const next = await follow(ad.tagUrl, chain, tracking, depth + 1)
    problems.push(...next.problems)
    if (!next.ads.length) errorCode ??= next.errorCode
    if (ad.allowMultipleAds || next.ads.length <= 1) return next.ads
    // A wrapper that does not allow a pod takes one ad: a stand-alone one if its tag has one.
    problems.push(
      `${ad.tagUrl}: ${next.ads.length - 1} ad(s) left out (its wrapper does not set allowMultipleAds)`,
    )
    return [next.ads.find((found) => found.sequence === 0) ?? next.ads[0]!]
  }
  const backups = [...vast.backups]
  for (const ad of vast.ads) {
    let got = await one(ad)
    // A wrapper without fill is the ad server's waterfall: the buffet's next ad stands in.
    while (!got.length && backups.length) {
      problems.push(`${url}: an ad gave nothing, a stand-alone ad of the buffet stands in`)
      got = await one(backups.shift()!)
    }
    ads.push(...got)
  }
  return ads.length || errorCode === undefined ? { ads, problems } : { ads, problems, errorCode }
}

/** One break of a title, its ad tag not yet asked. */
export interface PlannedBreak {
  offset: BreakOffset
  tagUrl: string
  /** The VAST the VMAP carried itself (VASTAdData): read instead of asking tagUrl. */
  inline?: string
  /** A VMAP break's own beacons (VMAP 1.0.1 breakStart, breakEnd, error). */
  tracking?: BreakTracking
}

/**
 * Reads a title's VMAP into its breaks; a VMAP that fails gives no break (and a reason).
 * `positions`: the title's break opportunities, which "#m" offsets name.
 */
export async function resolveVmap(
  written: string,
  duration: number,
  deps: ResolveDeps,
  macros: TagMacros = {},
  positions: readonly number[] = [],
): Promise<{ breaks: PlannedBreak[]; deferred: DeferredBreak[]; problems: string[] }> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs)
  // Filled as the tags it names are: a title's VMAP URL with [CACHEBUSTING] went out as written.
  const url = fillMacros(written, { now: deps.now(), random: deps.random, ...macros })
  try {
    const body = await fetchWithin(deps, url, controller.signal)
    const vmap = readVmap(deps.parseXml(body.trim()), duration, positions)
    if (!vmap.ok) return { breaks: [], deferred: [], problems: [`${url}: ${vmap.reason}`] }
    return {
      breaks: vmap.breaks,
      deferred: vmap.deferred,
      problems: vmap.skipped.map((why) => `${url}: ${why}`),
    }
  } catch (error) {
    return { breaks: [], deferred: [], problems: [`VMAP failed: ${(error as Error).message}`] }
  } finally {
    clearTimeout(timer)
  }
}
