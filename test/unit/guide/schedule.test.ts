import { readFileSync } from 'node:fs'
import path from 'node:path'
import { embeddedBackend } from '../../../src/catalogue/embedded'
import { expandSchedule, scheduleTemplateSchema } from '../../../src/guide/schedule'
import { brusselsTime, fromBrussels } from '../../../src/guide/zone'

const ROOT = path.resolve(__dirname, '../../..')
const template = scheduleTemplateSchema.parse(
  JSON.parse(readFileSync(path.join(ROOT, 'static/guide/schedule.json'), 'utf8')),
)
const channels = (
  JSON.parse(readFileSync(path.join(ROOT, 'static/catalogue/live.json'), 'utf8')) as {
    channels: { id: string }[]
  }
).channels.map((c) => c.id)
const HOUR = 3_600_000

describe('embedded guide: the weekly template expanded against the clock', () => {
  test('every live channel has a schedule, and every slot names a show', () => {
    expect(Object.keys(template.channels).sort()).toEqual([...channels].sort())
  })

  test('deterministic: the same window gives the same programmes, whenever asked', () => {
    const from = fromBrussels(2026, 12, 2, 18)
    const a = expandSchedule(template, channels, from, from + 6 * HOUR)
    const b = expandSchedule(template, channels, from, from + 6 * HOUR)
    expect(a).toEqual(b)
    // A window inside another gives the same programmes where they meet.
    const wide = expandSchedule(template, channels, from - 24 * HOUR, from + 30 * HOUR)
    for (const p of a) expect(wide).toContainEqual(p)
  })

  test('a Wednesday evening on Ardenne 1: the 19:30 news, Brussels time, ended by the next slot', () => {
    const from = fromBrussels(2026, 12, 2, 19)
    const list = expandSchedule(template, ['ardenne-1'], from, from + 2 * HOUR)
    const news = list.find((p) => p.title.fr === 'Le Journal de 19h30')!
    expect(new Date(news.start).toISOString()).toBe('2026-12-02T18:30:00.000Z')
    expect(new Date(news.end).toISOString()).toBe('2026-12-02T19:15:00.000Z')
    expect(news).toMatchObject({ channelId: 'ardenne-1', restart: true, replay: true })
    expect(news.classification.csa).toBe('TP')
  })

  test('covers 7 days back to 2 days ahead with no gap and no overlap on every channel', () => {
    const now = Date.UTC(2026, 2, 25, 10) // the week of the spring DST change
    const from = now - 7 * 24 * HOUR
    const to = now + 2 * 24 * HOUR
    const list = expandSchedule(template, channels, from, to)
    for (const id of channels) {
      const own = list.filter((p) => p.channelId === id)
      expect(own[0]!.start).toBeLessThanOrEqual(from)
      expect(own[own.length - 1]!.end).toBeGreaterThanOrEqual(to)
      own.slice(1).forEach((p, i) => expect(p.start).toBe(own[i]!.end))
      expect(new Set(own.map((p) => p.id)).size).toBe(own.length)
    }
  })

  test('slots keep their wall-clock time across the DST change (19:30 is 18:30Z then 17:30Z)', () => {
    const before = expandSchedule(
      template,
      ['ardenne-1'],
      Date.UTC(2026, 2, 27),
      Date.UTC(2026, 2, 28),
    )
    const after = expandSchedule(
      template,
      ['ardenne-1'],
      Date.UTC(2026, 2, 30),
      Date.UTC(2026, 2, 31),
    )
    const at = (list: typeof before) => list.find((p) => p.title.fr === 'Le Journal de 19h30')!
    expect(brusselsTime(at(before).start)).toMatchObject({ hour: 19, minute: 30 })
    expect(new Date(at(before).start).getUTCHours()).toBe(18)
    expect(brusselsTime(at(after).start)).toMatchObject({ hour: 19, minute: 30 })
    expect(new Date(at(after).start).getUTCHours()).toBe(17)
  })

  test('films vary by day, episodes are numbered, ratings per programme (-16 exists)', () => {
    const from = fromBrussels(2026, 12, 1)
    const list = expandSchedule(template, channels, from, from + 7 * 24 * HOUR)
    const films = new Set(
      list.filter((p) => p.category === 'Film').map((p) => p.title.fr ?? p.title.nl),
    )
    expect(films.size).toBeGreaterThan(3)
    expect(list.some((p) => p.episode?.season && p.episode.episode)).toBe(true)
    expect(list.some((p) => p.classification.csa === '16')).toBe(true)
    expect(list.some((p) => !p.replay)).toBe(true)
    expect(list.every((p) => p.synopsis?.fr && p.synopsis.nl)).toBe(true)
  })

  test('the embedded backend reads the template once and expands it per call', async () => {
    const text = readFileSync(path.join(ROOT, 'static/guide/schedule.json'), 'utf8')
    const fetched: string[] = []
    const backend = embeddedBackend({
      settings: { backend: 'embedded', url: '' },
      fetch: ((url: string) => {
        fetched.push(url)
        return Promise.resolve({ ok: true, status: 200, json: async () => JSON.parse(text) })
      }) as unknown as typeof fetch,
      asset: (p) => `/static/${p}`,
      baseUrl: 'http://box.local/',
      log: () => undefined,
    })
    const signal = new AbortController().signal
    const from = Date.UTC(2026, 11, 2, 12)
    const one = await backend.guide(['kadee'], from, from + HOUR, { signal })
    await backend.guide(['kadee'], from, from + 2 * HOUR, { signal })
    expect(fetched).toEqual(['/static/guide/schedule.json'])
    expect(one.programmes.length).toBeGreaterThan(0)
    expect(one.programmes.every((p) => p.channelId === 'kadee')).toBe(true)
  })
})
