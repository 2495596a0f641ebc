import type { Observable } from 'rxjs'
import type { Classification } from '../catalogue/ratings'
import type { Platform } from '../platform/platform'
import { Store } from '../state/Store'
import { minutesOfDay, type WallZone } from '../i18n/wallZone'
import {
  NO_FAILURES,
  attemptsLeft,
  isLocked,
  readLockout,
  recordFailure,
  recordSuccess,
  settle,
  type LockoutState,
} from './lockout'
import {
  hashPin,
  isValidPin,
  readPinRecord,
  verifyPin,
  type PinCrypto,
  type PinRecord,
} from './pin'
import { lockOf, type Lock, type ParentalSettings, type Viewer } from './rules'

/** Belgian operators keep the purchase (rental) PIN apart from the parental one. */
export type PinKind = 'parental' | 'purchase'
export const PIN_KINDS: readonly PinKind[] = ['parental', 'purchase']

export type PinStatus = 'unset' | 'set'

export type CheckResult =
  | { ok: true }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; until: number }
  /** No PIN of this kind yet: the caller asks the household to choose one. */
  | { ok: false; reason: 'unset' }

export type SetPinResult =
  | { ok: true }
  /** Not `pinLength` digits. */
  | { ok: false; reason: 'invalid' }
  /** A PIN exists: only changePin, with the current one, replaces it. */
  | { ok: false; reason: 'already-set' }
  /** The other kind's PIN: a child who knows one would hold both. */
  | { ok: false; reason: 'same-as-other' }

export type ChangePinResult = CheckResult | { ok: false; reason: 'invalid' | 'same-as-other' }

export type SkipSetupResult = { ok: true } | { ok: false; reason: 'no-default' }

export interface PinSlotState {
  status: PinStatus
  lockout: LockoutState
}

export interface ParentalState {
  parental: PinSlotState
  purchase: PinSlotState
  /** Titles unlocked with the parental PIN since the last relock. */
  unlocked: readonly string[]
}

export interface ParentalStoreDeps extends PinCrypto {
  storage: Platform['storage']
  wallClock: () => number
  /** The household's clock, which the parental hours are read on. */
  zone: WallZone
  settings: ParentalSettings
  /** PBKDF2 iterations of new records; tests lower it. Existing records keep their own. */
  iterations?: number
}

/** Storage keys; the operator's reset path removes the first two (docs/parental-control.md). */
export const PIN_STORAGE_KEYS: Readonly<Record<PinKind, string>> = {
  parental: 'parental-pin',
  purchase: 'purchase-pin',
}
export const LOCKOUT_STORAGE_KEYS: Readonly<Record<PinKind, string>> = {
  parental: 'parental-pin-lockout',
  purchase: 'purchase-pin-lockout',
}

/**
 * The household's two PINs, their lockouts and the titles unlocked this session.
 *
 * Records and lockouts are saved at every change and read back at construction, so a reload
 * neither forgets a PIN nor resets a lockout. Checks of one kind run one after the other: a burst
 * of guesses cannot all start before the failure that locks the entry is counted.
 *
 * Unlocks are not saved: the lead calls relockAll() when playback ends, on a channel change and
 * when the box sleeps (watchSleep).
 */
export class ParentalStore {
  private readonly store: Store<ParentalState>
  private readonly records: Record<PinKind, PinRecord | null>
  private readonly queues: Record<PinKind, Promise<unknown>> = {
    parental: Promise.resolve(),
    purchase: Promise.resolve(),
  }

  constructor(private readonly deps: ParentalStoreDeps) {
    const read = (kind: PinKind) => readPinRecord(deps.storage.get(PIN_STORAGE_KEYS[kind]))
    this.records = { parental: read('parental'), purchase: read('purchase') }
    const slot = (kind: PinKind): PinSlotState => ({
      status: this.records[kind] ? 'set' : 'unset',
      lockout: settle(
        readLockout(deps.storage.get(LOCKOUT_STORAGE_KEYS[kind])),
        deps.wallClock(),
        deps.settings,
      ),
    })
    this.store = new Store<ParentalState>({
      parental: slot('parental'),
      purchase: slot('purchase'),
      unlocked: [],
    })
  }

  get value(): ParentalState {
    return this.store.value
  }

  select<R>(selector: (state: ParentalState) => R): Observable<R> {
    return this.store.select(selector)
  }

  status(kind: PinKind): PinStatus {
    return this.store.value[kind].status
  }

  /** Until when entry of this kind is locked, or null. */
  lockedUntil(kind: PinKind): number | null {
    const lockout = this.store.value[kind].lockout
    return isLocked(lockout, this.deps.wallClock()) ? lockout.lockedUntil : null
  }

  /** Sets a PIN where there is none (first start, or after the operator cleared it). */
  setPin(kind: PinKind, pin: string): Promise<SetPinResult> {
    return this.queued(kind, async () => {
      if (this.records[kind]) return { ok: false, reason: 'already-set' }
      if (!isValidPin(pin, this.deps.settings.pinLength)) return { ok: false, reason: 'invalid' }
      if (await this.isOtherPin(kind, pin)) return { ok: false, reason: 'same-as-other' }
      await this.save(kind, pin)
      return { ok: true }
    })
  }

  /**
   * Whether `pin` is the other kind's: the two are kept apart (docs/parental-control.md). Not an
   * attempt at that PIN, so it counts no failure against it.
   */
  private async isOtherPin(kind: PinKind, pin: string): Promise<boolean> {
    const other = this.records[kind === 'parental' ? 'purchase' : 'parental']
    return other ? verifyPin(pin, other, this.deps.subtle) : false
  }

  /** Replaces a PIN; the current one is checked first and a wrong one counts as a failure. */
  changePin(kind: PinKind, oldPin: string, newPin: string): Promise<ChangePinResult> {
    return this.queued(kind, async () => {
      if (!isValidPin(newPin, this.deps.settings.pinLength)) return { ok: false, reason: 'invalid' }
      const checked = await this.verify(kind, oldPin)
      if (!checked.ok) return checked
      if (await this.isOtherPin(kind, newPin)) return { ok: false, reason: 'same-as-other' }
      await this.save(kind, newPin)
      return checked
    })
  }

  /**
   * Checks a PIN. While locked the answer is 'locked' without looking at the PIN, so a right
   * PIN does not end a lockout; the failure that reaches maxAttempts answers 'locked' too.
   */
  check(kind: PinKind, pin: string): Promise<CheckResult> {
    return this.queued(kind, () => this.verify(kind, pin))
  }

  /**
   * First-start setup skipped: every PIN not yet set becomes the operator's `defaultPin`. With
   * no default configured ('') setup cannot be skipped.
   */
  skipSetup(): Promise<SkipSetupResult> {
    const pin = this.deps.settings.defaultPin
    if (!isValidPin(pin, this.deps.settings.pinLength)) {
      return Promise.resolve({ ok: false, reason: 'no-default' })
    }
    // The operator's one default stands for both until the household chooses its own.
    return Promise.all(
      PIN_KINDS.map((kind) =>
        this.queued(kind, async () => {
          if (!this.records[kind]) await this.save(kind, pin)
        }),
      ),
    ).then(() => ({ ok: true }))
  }

  unlock(titleId: string): void {
    if (this.isUnlocked(titleId)) return
    this.store.update((state) => ({ unlocked: [...state.unlocked, titleId] }))
  }

  isUnlocked(titleId: string): boolean {
    return this.store.value.unlocked.includes(titleId)
  }

  relockAll(): void {
    if (this.store.value.unlocked.length) this.store.update({ unlocked: [] })
  }

  /**
   * What a title needs now for this viewer: the CSA rules at the box's local time, except that a
   * title unlocked this session plays. A barred title stays barred, unlocked or not.
   */
  lockFor(
    titleId: string,
    classification: Pick<Classification, 'minimumAge'>,
    viewer: Viewer,
  ): Lock {
    const minutes = minutesOfDay(this.deps.zone, this.deps.wallClock())
    const lock = lockOf(classification, viewer, this.deps.settings, minutes)
    return lock.state === 'pin' && this.isUnlocked(titleId) ? { state: 'open' } : lock
  }

  private queued<T>(kind: PinKind, task: () => Promise<T>): Promise<T> {
    const run = this.queues[kind].then(task, task)
    this.queues[kind] = run.catch(() => undefined)
    return run
  }

  private async verify(kind: PinKind, pin: string): Promise<CheckResult> {
    const record = this.records[kind]
    if (!record) return { ok: false, reason: 'unset' }
    const { settings, wallClock } = this.deps
    const before = settle(this.store.value[kind].lockout, wallClock(), settings)
    if (isLocked(before, wallClock()))
      return { ok: false, reason: 'locked', until: before.lockedUntil! }
    const right = await verifyPin(pin, record, this.deps.subtle)
    const now = wallClock()
    if (right) {
      this.saveLockout(kind, recordSuccess())
      return { ok: true }
    }
    const after = recordFailure(this.store.value[kind].lockout, now, settings)
    this.saveLockout(kind, after)
    return isLocked(after, now)
      ? { ok: false, reason: 'locked', until: after.lockedUntil! }
      : { ok: false, reason: 'wrong', attemptsLeft: attemptsLeft(after, now, settings) }
  }

  private async save(kind: PinKind, pin: string): Promise<void> {
    const record = await hashPin(pin, this.deps, this.deps.iterations)
    this.records[kind] = record
    this.deps.storage.set(PIN_STORAGE_KEYS[kind], record)
    this.saveLockout(kind, NO_FAILURES, 'set')
  }

  private saveLockout(kind: PinKind, lockout: LockoutState, status?: PinStatus): void {
    this.deps.storage.set(LOCKOUT_STORAGE_KEYS[kind], lockout)
    this.store.update((state) => ({
      [kind]: { status: status ?? state[kind].status, lockout },
    }))
  }
}
