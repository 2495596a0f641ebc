import type { Catalogue } from '../catalogue/Catalogue'
import type { ProgressEntry } from '../state/progress'
import { audienceSegments, type Viewing } from './segments'

/** What an ad request may carry about the profile watching. */
export interface AdTargeting {
  /** True only with consent to personalised advertising, and never for a kids profile. */
  personalised: boolean
  /** Audience segment ids computed on the box; empty unless personalised. */
  segments: readonly string[]
}

export const NOT_PERSONALISED: AdTargeting = Object.freeze({ personalised: false, segments: [] })

/**
 * The targeting of the profile watching: its own resume points (progress store) mapped to the
 * titles they belong to, reduced to segment ids. Pure given its inputs.
 */
export function adTargeting(input: {
  /** Consent to personalised advertising for this profile (kids already excluded by consent). */
  adsGranted: boolean
  kids: boolean
  entries: readonly ProgressEntry[]
  catalogue: Catalogue | undefined
  hourOf: (wallClockMs: number) => number
}): AdTargeting {
  if (!input.adsGranted || input.kids) return NOT_PERSONALISED
  const viewings: Viewing[] = input.entries.map((entry) => {
    const title = input.catalogue?.title(entry.titleId)
    return {
      at: entry.updatedAt,
      title: title
        ? { genres: title.genres, language: title.originalLanguage, brand: title.brand.id }
        : undefined,
    }
  })
  return { personalised: true, segments: audienceSegments(viewings, input.hourOf) }
}
