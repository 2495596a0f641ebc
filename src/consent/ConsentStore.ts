import { Subject, type Observable } from 'rxjs'
import type { Platform } from '../platform/platform'
import { profileKey } from '../state/scopedStorage'
import { Store } from '../state/Store'
import {
  ALL,
  NONE,
  isGranted,
  needsAnswer,
  parseConsentRecord,
  recordOf,
  withdrawnBetween,
  type ConsentRecord,
  type Purpose,
  type Purposes,
} from './model'

export interface ConsentState {
  /** The profile watching; null until the store follows one. */
  profileId: string | null
  kids: boolean
  /** That profile's answer, whatever its version. */
  record: ConsentRecord | null
  /** The consent text in force (appSettings.consent.version). */
  version: string
}

/**
 * The consent of the profile watching, kept on the box per profile (profile:<id>:consent).
 * Screens and the analytics read `store`; a purpose turned off is announced on `withdrawn$` at
 * once, so what was queued for it is dropped before anything else is sent.
 */
export class ConsentStore {
  readonly store: Store<ConsentState>
  private readonly withdrawals = new Subject<Purpose[]>()
  readonly withdrawn$: Observable<Purpose[]> = this.withdrawals.asObservable()

  constructor(
    private readonly storage: Platform['storage'],
    private readonly wallClock: () => number,
    version: string,
    /** Whether a profile is a kids profile (never personalised advertising). */
    private readonly kidsOf: (profileId: string) => boolean = () => false,
  ) {
    this.store = new Store<ConsentState>({ profileId: null, kids: false, record: null, version })
  }

  useProfile(profileId: string): void {
    const record = parseConsentRecord(this.storage.get(profileKey(profileId, 'consent')))
    this.store.update({ profileId, kids: this.kidsOf(profileId), record })
  }

  /** True while the profile watching has not answered the current text. */
  get needsAnswer(): boolean {
    const { profileId, record, version } = this.store.value
    return profileId !== null && needsAnswer(record, version)
  }

  /** Emits whether the profile watching has to be asked (at start, on a profile switch, a new text). */
  get needsAnswer$(): Observable<boolean> {
    return this.store.select(
      (state) => state.profileId !== null && needsAnswer(state.record, state.version),
    )
  }

  granted(purpose: Purpose): boolean {
    const { profileId, record, version } = this.store.value
    if (profileId === null) return false
    return isGranted(record, purpose, version, this.kidsOf(profileId))
  }

  granted$(purpose: Purpose): Observable<boolean> {
    return this.store.select((state) =>
      state.profileId === null
        ? false
        : isGranted(state.record, purpose, state.version, state.kids),
    )
  }

  /** What the profile watching agreed to under the current text (all off when not answered). */
  get purposes(): Purposes {
    const { record, version } = this.store.value
    return record && record.version === version ? record.purposes : NONE
  }

  acceptAll(): void {
    this.decide(ALL)
  }

  refuseAll(): void {
    this.decide(NONE)
  }

  /** Records the profile's answer; purposes turned off are announced before the store changes. */
  decide(purposes: Purposes): void {
    const { profileId, version } = this.store.value
    if (profileId === null) return
    const before = this.purposes
    const kids = this.kidsOf(profileId)
    const record = recordOf(purposes, version, this.wallClock(), kids)
    this.storage.set(profileKey(profileId, 'consent'), record)
    const withdrawn = withdrawnBetween(before, record.purposes)
    if (withdrawn.length) this.withdrawals.next(withdrawn)
    this.store.update({ record, kids })
  }
}
