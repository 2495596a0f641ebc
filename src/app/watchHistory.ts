/** A Router history entry, as far as this module reads it. */
export interface HistoryEntryLike {
  hash: string
}

const WATCHING = /^\/?(live|replay)\//

/**
 * The history to keep when the guide starts something to watch: without the channels and replays
 * watched before. Each pick from the guide would otherwise stay behind it, and Back from TV would
 * replay every channel watched this evening before reaching home; now it leads to the guide, then
 * to where the guide was opened from.
 */
export function withoutWatching<T extends HistoryEntryLike>(history: readonly T[]): T[] {
  return history.filter((entry) => !WATCHING.test(entry.hash))
}
