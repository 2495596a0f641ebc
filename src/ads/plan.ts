import type { AdTargeting } from '../consent/adTargeting'
import type { Access } from '../entitlements/access'
import { fillMacros } from './macros'
import type { BreakOffset } from './vast'

/** A title's (or episode's) ads in the catalogue model. */
export interface TitleAds {
  /** The title's own VMAP (pre-, mid- and post-rolls); wins over `breaks`. */
  vmap?: string
  /**
   * Break positions in seconds (0 is a pre-roll), each asking the operator's ad tag; with a VMAP,
   * the content's break opportunities (after 0) its "#m" offsets name.
   */
  breaks?: readonly number[]
}

/** The operator's settings (appSettings.ads). */
export interface AdsSettings {
  enabled: boolean
  /** VAST tag asked for each break of `breaks`; macros [CACHEBUSTING], [TIMESTAMP], [SEGMENTS]. */
  tagUrl: string
  timeoutMs: number
  /** Query parameter carrying the segment ids ('' adds none; [SEGMENTS] in tagUrl still works). */
  segmentsParam: string
}

/**
 * Where a title's ads come from: its VMAP, or breaks each asking the operator's tag. `segments`:
 * the profile's audience segments for [SEGMENTS] in the tags a VMAP or a wrapper names, empty
 * unless targeting is personalised.
 */
export type AdSource = {
  segments?: readonly string[]
  /** Not personalised (consent refused, a kids profile): [LIMITADTRACKING] 1 in every tag. */
  limitAdTracking?: boolean
  /** Offsets of mid-rolls watched in the viewing being resumed: not played again (ShakaAds). */
  seen?: readonly number[]
} & (
  | { kind: 'vmap'; url: string; positions?: readonly number[] }
  | { kind: 'breaks'; breaks: { offset: BreakOffset; tagUrl: string }[] }
)

export interface AdPlanInput {
  settings: AdsSettings
  /** What this household has for the title: only 'ads' plays ads (never a pass or a rental). */
  access: Access
  ads: TitleAds | undefined
  /** The profile watching is a kids profile: never personalised, whatever `targeting` says. */
  kids: boolean
  targeting: AdTargeting
  titleId: string
  /** Wall-clock ms, for [TIMESTAMP]. */
  now: number
  random?: () => number
}

/**
 * The ad tag of one request: macros filled, and the profile's segment ids only when targeting is
 * personalised (consent given, not a kids profile). Pure.
 */
export function buildAdTag(
  template: string,
  input: Pick<AdPlanInput, 'settings' | 'kids' | 'targeting' | 'titleId' | 'now' | 'random'> & {
    offset: BreakOffset
  },
): string {
  const targeted = personalised(input)
  const segments = targetedSegments(input)
  const { offset } = input
  let url = fillMacros(template, {
    limitAdTracking: !targeted,
    now: input.now,
    random: input.random,
    segments,
    breakPosition: offset === 'start' ? 1 : offset === 'end' ? 3 : 2,
    contentPlayhead: typeof offset === 'number' ? offset : offset === 'start' ? 0 : undefined,
  })
  const extra: [string, string][] = [
    ['title', input.titleId],
    ['pos', String(input.offset)],
    ['npa', targeted ? '0' : '1'],
  ]
  if (input.settings.segmentsParam && segments.length)
    extra.push([input.settings.segmentsParam, segments.join(',')])
  const query = extra.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
  url += (url.includes('?') ? '&' : '?') + query.join('&')
  return url
}

/** Targeting is personalised: consent given, and not a kids profile. */
const personalised = (input: Pick<AdPlanInput, 'kids' | 'targeting'>): boolean =>
  input.targeting.personalised && !input.kids

/** The profile's segment ids when targeting is personalised (consent given, not kids), else none. */
function targetedSegments(input: Pick<AdPlanInput, 'kids' | 'targeting'>): readonly string[] {
  return input.targeting.personalised && !input.kids ? input.targeting.segments : []
}

/** The title's ads, or null when none may play. Pure. */
export function planAds(input: AdPlanInput): AdSource | null {
  const { settings, access, ads } = input
  if (!settings.enabled || access.kind !== 'ads' || !ads) return null
  const offsets = [...new Set(ads.breaks ?? [])].sort((a, b) => a - b)
  if (ads.vmap) {
    // "#m" counts the content's cue points; the pre-roll (0) is the VMAP's own "start".
    const cues = offsets.filter((seconds) => seconds > 0)
    const positions = cues.length ? { positions: cues } : {}
    // The operator's ad server is told the household's choice as with ads.tagUrl: the VMAP's
    // own tags only had the macros, which many VMAPs do not use.
    const npa = personalised(input) ? '0' : '1'
    const url = `${ads.vmap}${ads.vmap.includes('?') ? '&' : '?'}npa=${npa}`
    return {
      kind: 'vmap',
      url,
      segments: targetedSegments(input),
      limitAdTracking: !personalised(input),
      ...positions,
    }
  }
  if (!settings.tagUrl || !offsets.length) return null
  return {
    kind: 'breaks',
    segments: targetedSegments(input),
    limitAdTracking: !personalised(input),
    breaks: offsets.map((seconds) => {
      const offset: BreakOffset = seconds === 0 ? 'start' : seconds
      return { offset, tagUrl: buildAdTag(settings.tagUrl, { ...input, offset }) }
    }),
  }
}
