import type { Platform } from '../platform/platform'
import { profileKey } from '../state/scopedStorage'
import { Store } from '../state/Store'
import { normalise } from './normalise'

/** As many as fit on the row above the keyboard; the oldest go first. */
export const RECENT_SEARCHES_MAX = 10
const QUERY_MAX = 80

/**
 * The list after remembering `query`: most recent first, each query once (compared as search
 * compares text, so "Heroine" and "héroïne" are one entry, kept as last typed). Pure.
 */
export function rememberSearch(list: readonly string[], query: string): string[] {
  const text = query.trim().slice(0, QUERY_MAX)
  const key = normalise(text)
  if (!key) return [...list]
  return [text, ...list.filter((other) => normalise(other) !== key)].slice(0, RECENT_SEARCHES_MAX)
}

export function forgetSearch(list: readonly string[], query: string): string[] {
  return list.filter((other) => other !== query)
}

function parse(raw: unknown): string[] {
  if (!Array.isArray(raw)) return []
  return raw
    .filter((q): q is string => typeof q === 'string' && q.trim() !== '' && q.length <= QUERY_MAX)
    .slice(0, RECENT_SEARCHES_MAX)
}

/** The recent searches of the profile watching, kept on the box under its 'searches' key. */
export class RecentSearchesStore {
  readonly store = new Store<{ queries: string[] }>({ queries: [] })
  private key: string | null = null

  constructor(private readonly storage: Platform['storage']) {}

  get queries(): string[] {
    return this.store.value.queries
  }

  useProfile(profileId: string): void {
    this.key = profileKey(profileId, 'searches')
    this.store.update({ queries: parse(this.storage.get(this.key)) })
  }

  /** A search is remembered when the household opens one of its results. */
  remember(query: string): void {
    this.commit(rememberSearch(this.queries, query))
  }

  forget(query: string): void {
    this.commit(forgetSearch(this.queries, query))
  }

  private commit(queries: string[]): void {
    if (!this.key) return
    this.storage.set(this.key, queries)
    this.store.update({ queries })
  }
}
