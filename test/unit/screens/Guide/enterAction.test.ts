import { NOT_RATED } from '../../../../src/catalogue/ratings'
import type { Programme } from '../../../../src/guide/contract'
import { enterAction } from '../../../../src/screens/Guide/enterAction'
import translations from '../../../../static/translations.json'

const MINUTE = 60_000
const NOW = Date.UTC(2026, 11, 5, 20, 10)
const DAY = 24 * 60 * MINUTE
const channel = {
  id: 'ardenne-1',
  restart: true,
  replayDays: 7,
  catchup: { hls: 'https://replay.example.be/{start}-{end}.m3u8' },
}

/** The half-hour stretch without a programme around `at`, as cellAt gives it. */
const gap = (at: number) => {
  const start = Math.floor(at / (30 * MINUTE)) * 30 * MINUTE
  return { start, end: start + 30 * MINUTE }
}

const programme = (start: number, fields: Partial<Programme> = {}): Programme => ({
  id: `ardenne-1-${start}`,
  channelId: 'ardenne-1',
  start,
  end: start + 60 * MINUTE,
  title: { fr: 'La Trêve' },
  classification: NOT_RATED,
  restart: true,
  replay: true,
  ...fields,
})

describe('enterAction: what OK does on the focused cell', () => {
  test('a stretch without a programme yesterday has nothing to replay: said, the guide stays', () => {
    expect(enterAction(gap(NOW - DAY), channel, NOW)).toEqual({
      say: 'key',
      key: 'guide.nothingToReplay',
    })
    // Earlier today too: its end is past.
    const earlier = gap(NOW - 60 * MINUTE)
    expect(enterAction(earlier, channel, NOW)).toEqual({
      say: 'key',
      key: 'guide.nothingToReplay',
    })
    expect(enterAction({ ...earlier, end: NOW }, channel, NOW)).toMatchObject({ say: 'key' })
  })

  test('a stretch without a programme still to come has nothing announced: said, the guide stays', () => {
    expect(enterAction(gap(NOW + DAY), channel, NOW)).toEqual({
      say: 'key',
      key: 'guide.nothingAnnounced',
    })
    expect(enterAction(gap(NOW + 30 * MINUTE), channel, NOW)).toEqual({
      say: 'key',
      key: 'guide.nothingAnnounced',
    })
  })

  test('a stretch without a programme now plays the channel live', () => {
    expect(enterAction(gap(NOW), channel, NOW)).toEqual({ watch: 'live/ardenne-1' })
    expect(enterAction({ start: NOW, end: NOW + MINUTE }, channel, NOW)).toEqual({
      watch: 'live/ardenne-1',
    })
  })

  test('a programme: live on air, replayed where rights allow, otherwise its status is said', () => {
    const onAir = programme(NOW - 10 * MINUTE)
    expect(enterAction({ ...onAir, programme: onAir }, channel, NOW)).toEqual({
      watch: 'live/ardenne-1',
    })
    const aired = programme(NOW - DAY)
    expect(enterAction({ ...aired, programme: aired }, channel, NOW)).toEqual({
      watch: `replay/ardenne-1/${aired.start}`,
    })
    const noRights = programme(NOW - DAY, { replay: false })
    expect(enterAction({ ...noRights, programme: noRights }, channel, NOW)).toEqual({
      say: 'status',
    })
    const coming = programme(NOW + DAY)
    expect(enterAction({ ...coming, programme: coming }, channel, NOW)).toEqual({ say: 'status' })
  })

  test('what it says is translated in every language', () => {
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      const texts = translations[language] as Record<string, string>
      expect(texts['guide.nothingToReplay']).toEqual(expect.any(String))
      expect(texts['guide.nothingAnnounced']).toEqual(expect.any(String))
    }
  })
})
