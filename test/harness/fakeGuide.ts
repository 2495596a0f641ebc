import type { LiveChannel } from '../../src/catalogue/live'
import { classify } from '../../src/catalogue/ratings'
import type { GuideLoad, GuideSource, Programme } from '../../src/guide/contract'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE

/** Channels numbered 1..n with ids `ch-<n>`, as an operator's list gives them. */
export function fakeChannels(
  count: number,
  /** Extra channel fields (rights: restart, replayDays, catchup). */
  extra: Partial<LiveChannel> = {},
): LiveChannel[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `ch-${i + 1}`,
    number: i + 1,
    name: `Chaîne ${i + 1}`,
    stream: { hls: `https://live.example.be/ch-${i + 1}/index.m3u8` },
    ...extra,
  }))
}

export interface FakeProgrammeOptions {
  /** Length of each programme per channel index; default 30 min on even channels, 45 on odd. */
  minutes?: (channelIndex: number) => number
  /** Overrides per programme (rating, rights), by channel id and start. */
  patch?: (programme: Programme) => Partial<Programme>
}

/** A back-to-back schedule for each channel, aligned on `origin`, covering [from, to). */
export function fakeSchedule(
  channels: readonly { id: string }[],
  origin: number,
  from: number,
  to: number,
  options: FakeProgrammeOptions = {},
): Programme[] {
  const programmes: Programme[] = []
  channels.forEach((channel, index) => {
    const length = (options.minutes?.(index) ?? (index % 2 ? 45 : 30)) * MINUTE
    let start = origin + Math.floor((from - origin) / length) * length
    for (; start < to; start += length) {
      const base: Programme = {
        id: `${channel.id}-${start}`,
        channelId: channel.id,
        start,
        end: start + length,
        title: { fr: `${channel.id} à ${new Date(start).toISOString().slice(11, 16)}` },
        synopsis: { fr: 'Un programme.' },
        classification: classify([{ system: 'CSA', value: 'TP' }]),
        restart: true,
        replay: true,
      }
      programmes.push({ ...base, ...options.patch?.(base) })
    }
  })
  return programmes
}

/** A guide source over a generated schedule that counts its calls. */
export function fakeGuideSource(
  channels: readonly { id: string }[],
  origin: number,
  options: FakeProgrammeOptions = {},
): GuideSource & { calls: { channelIds: string[]; from: number; to: number }[] } {
  const calls: { channelIds: string[]; from: number; to: number }[] = []
  return {
    name: 'fake',
    calls,
    async guide(channelIds, from, to, { signal }): Promise<GuideLoad> {
      calls.push({ channelIds: [...channelIds], from, to })
      await Promise.resolve()
      if (signal.aborted) {
        const error = new Error('aborted')
        error.name = 'AbortError'
        throw error
      }
      const wanted = channels.filter((c) => channelIds.includes(c.id))
      return { programmes: fakeSchedule(wanted, origin, from, to, options), problems: [] }
    },
    dispose: () => undefined,
  }
}
