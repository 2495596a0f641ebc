import type { Translate } from '../../catalogue/offers'
import type { Classification } from '../../catalogue/ratings'
import type { CheckResult, PinKind } from '../../parental/ParentalStore'
import { parseClockTime } from '../../parental/clock'
import { minutesLeft } from '../../parental/lockout'
import { MIN_PIN_LENGTH } from '../../parental/pin'
import { csaAge, type ParentalSettings, type PinReason } from '../../parental/rules'

/**
 * What the dialog asks for: a prompt it words itself, or a title and message worded by the
 * caller (context.ts's PinPrompt).
 */
export type PinDialogPrompt = WordedPrompt | { title: string; message: string }

export type WordedPrompt =
  /** The parental PIN for a locked title; `age` is its CSA category, null when not rated. */
  | {
      kind: 'parental'
      reason: PinReason
      age: number | null
      /** Said for 'hours': when the title plays without the PIN. */
      freeHours?: { from: string; until: string }
      /** What is locked, when the screen behind does not say it (a live channel's programme). */
      subject?: string
    }
  | { kind: 'purchase' }
  /** A new PIN (first start, or the second step of a change). */
  | { kind: 'choose'; pin: PinKind; length: number }
  /** The new PIN once more. */
  | { kind: 'confirm'; pin: PinKind }
  /** The current PIN, before a change. */
  | { kind: 'current'; pin: PinKind }

/** The answer to the last PIN entered: the store's, or the owner's own when two entries differ. */
export type PinDialogResult =
  | CheckResult
  /** Two entries of a new PIN differ; a new PIN is not pinLength digits. */
  | { ok: false; reason: 'mismatch' | 'invalid' }
  /** A new PIN that is the other kind's (ParentalStore keeps the two apart). */
  | { ok: false; reason: 'same-as-other' }
  /** Setup was skipped but the operator configured no default PIN (ParentalStore.skipSetup). */
  | { ok: false; reason: 'no-default' }
  | null

export interface PinDialogModel {
  title: string
  message: string
  /** The wrong-PIN or lockout line; '' when there is nothing to say. */
  error: string
  locked: boolean
  /** While locked: when the lock ends, so the dialog can count down. */
  lockedUntil: number | null
}

/** The prompt for a title that needs the parental PIN, with its age and free hours. */
export function parentalPrompt(
  reason: PinReason,
  classification: Pick<Classification, 'minimumAge'>,
  settings: ParentalSettings,
  subject?: string,
): WordedPrompt {
  const age = classification.minimumAge === null ? null : csaAge(classification.minimumAge)
  const named = subject ? { subject } : {}
  if (reason !== 'hours' || age === null) return { kind: 'parental', reason, age, ...named }
  const window = age >= 16 ? settings.hours.age16 : settings.hours.age12
  // A window that starts where it ends is never open (an operator locking at every hour): no
  // "without the PIN from 00:00 to 00:00".
  if (parseClockTime(window.from) === parseClockTime(window.until))
    return { kind: 'parental', reason, age, ...named }
  return { kind: 'parental', reason, age, freeHours: { ...window }, ...named }
}

function titleOf(prompt: WordedPrompt, t: Translate): string {
  switch (prompt.kind) {
    case 'parental':
    case 'purchase':
      return t(`pin.title.${prompt.kind}`)
    case 'choose':
      return t(prompt.pin === 'parental' ? 'pin.title.chooseParental' : 'pin.title.choosePurchase')
    case 'confirm':
    case 'current':
      return t(`pin.title.${prompt.kind}`)
  }
}

function messageOf(prompt: WordedPrompt, t: Translate): string {
  switch (prompt.kind) {
    case 'parental': {
      const said = prompt.subject ? `${prompt.subject} · ` : ''
      if (prompt.reason === 'unreadable') return `${said}${t('parental.message.unreadable')}`
      if (prompt.reason === 'unrated' || prompt.age === null)
        return `${said}${t('parental.message.unrated')}`
      const age = t('parental.message.age', { age: prompt.age })
      const hours = prompt.freeHours
      return `${said}${hours ? `${age} ${t('parental.message.freeHours', { ...hours })}` : age}`
    }
    case 'purchase':
      return t('pin.message.purchase')
    case 'choose':
      return t('pin.message.choose', { length: prompt.length })
    case 'confirm':
    case 'current':
      return t(`pin.message.${prompt.kind}`)
  }
}

function errorOf(
  prompt: PinDialogPrompt,
  result: PinDialogResult,
  t: Translate,
  now: number,
): string {
  if (!result || result.ok) return ''
  switch (result.reason) {
    case 'wrong':
      return result.attemptsLeft === 1
        ? t('pin.error.wrongOne')
        : t('pin.error.wrongMany', { n: result.attemptsLeft })
    case 'locked': {
      const minutes = minutesLeft({ failures: 0, lockedUntil: result.until }, now)
      return minutes > 0 ? t('pin.error.locked', { minutes }) : ''
    }
    case 'invalid':
      return t('pin.error.invalid', {
        length: 'kind' in prompt && prompt.kind === 'choose' ? prompt.length : MIN_PIN_LENGTH,
      })
    case 'no-default':
      return t('pin.error.noDefault')
    case 'same-as-other':
      return t(
        'pin' in prompt && prompt.pin === 'purchase'
          ? 'pin.error.sameAsParental'
          : 'pin.error.sameAsPurchase',
      )
    default:
      return t(`pin.error.${result.reason}`)
  }
}

/**
 * What the PIN dialog shows for a prompt and the last result, at `now` (wall-clock ms): a
 * lockout counts down in whole minutes and is over once its time has passed.
 */
export function pinDialogModel(
  prompt: PinDialogPrompt,
  result: PinDialogResult,
  t: Translate,
  now: number,
): PinDialogModel {
  const lockedUntil =
    result && !result.ok && result.reason === 'locked' && now < result.until ? result.until : null
  return {
    title: 'kind' in prompt ? titleOf(prompt, t) : prompt.title,
    message: 'kind' in prompt ? messageOf(prompt, t) : prompt.message,
    error: errorOf(prompt, result, t, now),
    locked: lockedUntil !== null,
    lockedUntil,
  }
}
