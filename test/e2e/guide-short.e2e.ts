/**
 * A guide whose programmes are a few minutes long (bulletins, weather, lottery draws): their cells
 * are narrower than a title with its "..", which Lightning's line cutting never finished. The
 * whole app froze on the guide. The box here runs five hours behind UTC, and the guide still reads
 * in Brussels time (appSettings.clock.zone's default).
 */
import type { Page } from 'playwright-core'
import type { GuideSnapshot } from '../../src/screens/Guide'
import {
  fetchOnce,
  browserContext,
  openApp,
  press,
  snapshot,
  useTimezone,
  waitForApp,
} from './support/browser'

/** "21:40" in Brussels, by the runtime's own time zone data. */
const brussels = (at: number): string =>
  new Intl.DateTimeFormat('fr-BE', {
    timeZone: 'Europe/Brussels',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at)

/** A day of `pattern` over and over: [minutes, show] pairs, as a schedule's [clock, show] list. */
function repeated(pattern: [number, string][]): [string, string][] {
  const day: [string, string][] = []
  for (let at = 0, i = 0; at < 24 * 60; at += pattern[i % pattern.length]![0], i++) {
    const clock = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`
    day.push([clock, pattern[i % pattern.length]![1]])
  }
  return day
}

describe('guide: programmes of a few minutes', () => {
  let page: Page

  beforeAll(async () => {
    // Neither UTC nor Brussels: a guide read in the box's zone would be hours off.
    useTimezone('Etc/GMT+5')
    const context = await browserContext()
    await context.route('**/guide/schedule.json', async (route) => {
      const response = await fetchOnce(route)
      const schedule = (await response.json()) as {
        shows: Record<string, unknown>
        channels: Record<string, Record<string, unknown>>
      }
      const [first, second] = Object.keys(schedule.shows) as [string, string]
      // A news of 29 minutes, a one-minute weather slot (a cell of a few px), a 20-minute show, as
      // a real evening has them; and a channel of four-minute bulletins (cells of some 40 px).
      const days = (day: [string, string][]) => ({ weekday: day, sat: day, sun: day })
      schedule.channels['ardenne-1'] = days(
        // Not a period of the view's half-hour steps: a step back gives each element another
        // programme's width.
        repeated([
          [29, first],
          [1, second],
          [20, first],
        ]),
      )
      schedule.channels['ardenne-2'] = days(repeated([[4, first]]))
      await route.fulfill({ response, json: schedule })
    })
    // At 40 past the hour the view starts at the half-hour, right after the one-minute slot:
    // Left moves the view back, and a title cell takes over the one-minute slot's element.
    const at = new Date()
    at.setUTCMinutes(40, 0, 0)
    await context.clock.install({ time: at })
    page = await openApp('#guide')
    await waitForApp(page)
  }, 60_000)

  it('draws them and answers the remote while moving along and across them', async () => {
    const guide = async () => (await snapshot(page)).page as GuideSnapshot
    await page.waitForFunction(
      () => {
        const g = window.__belgica?.snapshot().page as GuideSnapshot | undefined
        return Boolean(g && g.screen === 'guide' && g.status === 'ready' && g.focused)
      },
      null,
      { timeout: 20_000 },
    )
    const opened = await guide()
    const start = opened.focused!.start
    // The times a household reads are Brussels ones, not the box's (UTC-5 here).
    expect(opened.details.meta).toContain(`${brussels(start)} – ${brussels(opened.focused!.end)}`)
    for (const key of [
      'ArrowLeft',
      'ArrowLeft',
      'ArrowDown',
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowLeft',
    ]) {
      // A frozen page never answers this: each press waits for the frame after it.
      await press(page, key)
    }
    const moved = await guide()
    expect(moved.focused!.start).toBeLessThan(start)
    expect(moved.status).toBe('ready')
  })
})
