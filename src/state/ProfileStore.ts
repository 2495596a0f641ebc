import type { Observable } from 'rxjs'
import type { Platform } from '../platform/platform'
import {
  activeProfile,
  addProfile,
  firstProfile,
  parseProfiles,
  removeProfile,
  updateProfile,
  type NameRules,
  type Profile,
  type ProfileChange,
  type ProfilesState,
} from './profiles'
import { migrateLegacyData, removeProfileData } from './scopedStorage'
import { Store } from './Store'

const KEY = 'profiles'

/**
 * The household's profiles and which one is watching, kept on the box. Screens read `active$`;
 * stores of per-profile data (progress, my list) follow it and reload.
 */
export class ProfileStore {
  readonly store: Store<ProfilesState>
  readonly active$: Observable<Profile>

  constructor(
    private readonly storage: Platform['storage'],
    private readonly newId: () => string,
  ) {
    const stored = parseProfiles(storage.get(KEY))
    const state = stored ?? firstProfile(newId())
    if (!stored) {
      migrateLegacyData(storage, state.activeId)
      storage.set(KEY, state)
    }
    this.store = new Store(state)
    this.active$ = this.store.select(activeProfile)
  }

  get active(): Profile {
    return activeProfile(this.store.value)
  }

  get profiles(): Profile[] {
    return this.store.value.profiles
  }

  select(id: string): boolean {
    if (!this.profiles.some((p) => p.id === id)) return false
    this._commit({ ...this.store.value, activeId: id })
    return true
  }

  add(input: { name: string; kids: boolean; maxAge?: number }, rules?: NameRules): ProfileChange {
    return this._apply(addProfile(this.store.value, input, this.newId(), rules))
  }

  update(
    id: string,
    change: Parameters<typeof updateProfile>[2],
    rules?: NameRules,
  ): ProfileChange {
    return this._apply(updateProfile(this.store.value, id, change, rules))
  }

  remove(id: string): ProfileChange {
    const change = this._apply(removeProfile(this.store.value, id))
    if (change.ok) removeProfileData(this.storage, id)
    return change
  }

  private _apply(change: ProfileChange): ProfileChange {
    if (change.ok) this._commit(change.state)
    return change
  }

  private _commit(state: ProfilesState): void {
    this.storage.set(KEY, state)
    this.store.update(state)
  }
}

/** A short random id; profiles only need to differ from the household's other five. */
export function randomProfileId(random: () => number = Math.random): string {
  return `p${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')}`
}
