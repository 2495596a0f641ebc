import type { Platform } from '../platform/platform'
import { profileKey } from './scopedStorage'
import { Store } from './Store'

/**
 * Where the household stopped each title or episode, kept on the box (Platform storage). A
 * position is only worth keeping between the first seconds and the credits: before `MIN_S` the
 * viewer has not really started, within `END_MARGIN_S` of the end the title counts as watched and
 * leaves "Continue watching".
 */
export interface ProgressEntry {
  /** The title or episode id that plays. */
  id: string
  /** The catalogue title it belongs to (the series for an episode). */
  titleId: string
  position: number
  duration: number
  updatedAt: number
  /**
   * Offsets (seconds) of the mid-roll breaks already watched in this viewing: a household that
   * went back before one, then left, does not get it again on Resume.
   */
  breaksSeen?: number[]
}

/** Breaks remembered per entry at most (a title with a break every few minutes). */
const MAX_BREAKS_SEEN = 50

export const MIN_S = 10
export const END_MARGIN_S = 15
/** Entries kept at most; the oldest go first. */
export const MAX_ENTRIES = 50

export type ProgressMap = Record<string, ProgressEntry>

export function isResumable(position: number, duration: number): boolean {
  if (!Number.isFinite(position) || position < MIN_S) return false
  return !(duration > 0 && position > duration - END_MARGIN_S)
}

/** Records a position: keeps it, ignores one too early to count, drops a finished title. Pure. */
export function recordProgress(map: ProgressMap, entry: ProgressEntry): ProgressMap {
  // The first seconds (a failed start, "Start over" then Back) change nothing already saved.
  if (!Number.isFinite(entry.position) || entry.position < MIN_S) return map
  const next = { ...map }
  delete next[entry.id]
  if (!isResumable(entry.position, entry.duration)) return next
  // One entry per title: watching episode 3 replaces episode 2 in "Continue watching".
  for (const [id, other] of Object.entries(next))
    if (other.titleId === entry.titleId) delete next[id]
  const { breaksSeen, ...kept } = entry
  next[entry.id] = {
    ...kept,
    position: Math.floor(entry.position),
    ...breaksSeenOf(breaksSeen),
  }
  const ids = Object.values(next)
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .map((e) => e.id)
  for (const id of ids.slice(MAX_ENTRIES)) delete next[id]
  return next
}

/** Most recent first. */
export function continueWatching(map: ProgressMap): ProgressEntry[] {
  return Object.values(map).sort((a, b) => b.updatedAt - a.updatedAt)
}

function parse(raw: unknown): ProgressMap {
  if (typeof raw !== 'object' || raw === null) return {}
  const map: ProgressMap = {}
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const e = value as Partial<ProgressEntry> | null
    if (
      e &&
      typeof e.titleId === 'string' &&
      typeof e.position === 'number' &&
      typeof e.duration === 'number' &&
      typeof e.updatedAt === 'number'
    )
      map[id] = {
        id,
        titleId: e.titleId,
        position: e.position,
        duration: e.duration,
        updatedAt: e.updatedAt,
        ...breaksSeenOf(e.breaksSeen),
      }
  }
  return map
}

function breaksSeenOf(raw: unknown): { breaksSeen?: number[] } {
  if (!Array.isArray(raw)) return {}
  const offsets = raw.filter((offset): offset is number => Number.isFinite(offset) && offset > 0)
  return offsets.length ? { breaksSeen: offsets.slice(0, MAX_BREAKS_SEEN) } : {}
}

/**
 * The progress of the profile watching, observable (Home's rail follows it) and persisted on
 * change. Until `useProfile` is called it holds nothing and saves nothing.
 */
export class ProgressStore {
  readonly store = new Store<{ entries: ProgressMap }>({ entries: {} })
  private startOver = new Set<string>()
  private key: string | null = null

  constructor(
    private readonly storage: Platform['storage'],
    private readonly wallClock: () => number,
  ) {}

  /** Switches to a profile's own positions. */
  useProfile(profileId: string): void {
    this.key = profileKey(profileId, 'progress')
    this.startOver.clear()
    this.store.update({ entries: parse(this.storage.get(this.key)) })
  }

  get(id: string): ProgressEntry | undefined {
    return this.store.value.entries[id]
  }

  /** The entry of a title, or of any of its episodes. */
  forTitle(titleId: string): ProgressEntry | undefined {
    return Object.values(this.store.value.entries).find((e) => e.titleId === titleId)
  }

  save(entry: Omit<ProgressEntry, 'updatedAt'>): void {
    if (!this.key) return
    const entries = recordProgress(this.store.value.entries, {
      ...entry,
      updatedAt: this.wallClock(),
    })
    this.storage.set(this.key, entries)
    this.store.update({ entries })
  }

  /** "Start over" on details: the next playback of `id` starts at 0 instead of resuming. */
  requestStartOver(id: string): void {
    this.startOver.add(id)
  }

  /** Where playback of `id` starts: 0 after "Start over", else the saved position. */
  startPosition(id: string): number {
    if (this.startOver.delete(id)) return 0
    return this.get(id)?.position ?? 0
  }
}
