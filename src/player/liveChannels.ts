/**
 * Live channels the player can zap through. The demo set matches scripts/lib/live.mjs (a local
 * generator writing rolling HLS windows into media/live/); an operator's real channel list is
 * meant to come from the catalogue backend's liveChannels hook once that has a schema.
 */
export interface LiveChannel {
  id: string
  name: string
  /** Manifest URL, relative to the app. */
  url: string
}

export const DEMO_LIVE_CHANNELS: readonly LiveChannel[] = [
  { id: 'live-1', name: 'Belgica 1', url: 'media/live/live-1/index.m3u8' },
  { id: 'live-2', name: 'Belgica 2', url: 'media/live/live-2/index.m3u8' },
]

/** The channel `delta` steps from `id` (channel up = +1), wrapping around the list. */
export function zap(
  channels: readonly LiveChannel[],
  id: string,
  delta: number,
): LiveChannel | undefined {
  if (!channels.length) return undefined
  const index = Math.max(
    0,
    channels.findIndex((channel) => channel.id === id),
  )
  const n = channels.length
  return channels[(((index + delta) % n) + n) % n]
}
