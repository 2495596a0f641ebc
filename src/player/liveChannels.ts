/**
 * Channel up/down along the operator's channel list (from the catalogue backend, in
 * channel-number order): the channel `delta` steps from `id` (channel up = +1), wrapping around.
 */
export function zap<Channel extends { id: string }>(
  channels: readonly Channel[],
  id: string,
  delta: number,
): Channel | undefined {
  if (!channels.length) return undefined
  const index = Math.max(
    0,
    channels.findIndex((channel) => channel.id === id),
  )
  const n = channels.length
  return channels[(((index + delta) % n) + n) % n]
}
