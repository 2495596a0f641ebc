/**
 * The household's consent (GDPR), as a pure model: which purposes a profile agreed to, under which
 * version of the consent text, and when. Nothing here reads storage or the clock.
 */

/**
 * ads: personalised advertising (audience segments sent with ad requests).
 * audience: audience measurement (screens viewed, titles started and finished, searches).
 * quality: playback quality (start-up time, rebuffering, bitrate, errors).
 */
export const PURPOSES = ['ads', 'audience', 'quality'] as const
export type Purpose = (typeof PURPOSES)[number]

export type Purposes = Readonly<Record<Purpose, boolean>>

export interface ConsentRecord {
  purposes: Purposes
  /** The consent text's version the household answered (appSettings.consent.version). */
  version: string
  /** Wall-clock ms of the answer. */
  at: number
}

export const NONE: Purposes = { ads: false, audience: false, quality: false }
export const ALL: Purposes = { ads: true, audience: true, quality: true }

/** A profile that may never be targeted (a kids profile) keeps personalised advertising off. */
export function allowedFor(purposes: Purposes, kids: boolean): Purposes {
  return kids ? { ...purposes, ads: false } : purposes
}

export function recordOf(
  purposes: Purposes,
  version: string,
  at: number,
  kids = false,
): ConsentRecord {
  return { purposes: { ...allowedFor(purposes, kids) }, version, at }
}

/** Asked again when there is no answer yet or it was given to another version of the text. */
export function needsAnswer(record: ConsentRecord | null, version: string): boolean {
  return record === null || record.version !== version
}

/**
 * Whether data for `purpose` may be collected now: only with an answer to the current text that
 * says yes, and never personalised advertising for a kids profile.
 */
export function isGranted(
  record: ConsentRecord | null,
  purpose: Purpose,
  version: string,
  kids: boolean,
): boolean {
  if (!record || record.version !== version) return false
  if (purpose === 'ads' && kids) return false
  return record.purposes[purpose] === true
}

/** Purposes that were granted before and are not any more: their queued data must go. */
export function withdrawnBetween(before: Purposes, after: Purposes): Purpose[] {
  return PURPOSES.filter((purpose) => before[purpose] && !after[purpose])
}

/** A stored record read back; anything damaged is no answer (the household is asked again). */
export function parseConsentRecord(raw: unknown): ConsentRecord | null {
  if (typeof raw !== 'object' || raw === null) return null
  const { purposes, version, at } = raw as Record<string, unknown>
  if (typeof version !== 'string' || typeof at !== 'number' || !Number.isFinite(at)) return null
  if (typeof purposes !== 'object' || purposes === null) return null
  const given = purposes as Record<string, unknown>
  if (!PURPOSES.every((purpose) => typeof given[purpose] === 'boolean')) return null
  return {
    purposes: {
      ads: given.ads === true,
      audience: given.audience === true,
      quality: given.quality === true,
    },
    version,
    at,
  }
}
