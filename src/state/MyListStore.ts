import type { Platform } from '../platform/platform'
import { profileKey } from './scopedStorage'
import { Store } from './Store'

/** More than a household ever curates by remote; the oldest additions go first beyond it. */
export const MY_LIST_MAX = 200

/** Adds a title at the front, or removes it: the list is most recent first. Pure. */
export function toggleInList(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((other) => other !== id)
  return [id, ...ids].slice(0, MY_LIST_MAX)
}

function parse(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  const ids = raw.filter((id): id is string => typeof id === 'string' && id.length <= 200)
  return [...new Set(ids)].slice(0, MY_LIST_MAX)
}

/** The titles the profile watching put aside ("Ma liste"), kept on the box per profile. */
export class MyListStore {
  readonly store = new Store<{ ids: string[] }>({ ids: [] })
  private key: string | null = null

  constructor(private readonly storage: Platform['storage']) {}

  useProfile(profileId: string): void {
    this.key = profileKey(profileId, 'mylist')
    this.store.update({ ids: parse(this.storage.get(this.key)) })
  }

  has(id: string): boolean {
    return this.store.value.ids.includes(id)
  }

  /** Returns whether the title is now in the list. */
  toggle(id: string): boolean {
    if (!this.key) return false
    const ids = toggleInList(this.store.value.ids, id)
    this.storage.set(this.key, ids)
    this.store.update({ ids })
    return ids.includes(id)
  }
}
