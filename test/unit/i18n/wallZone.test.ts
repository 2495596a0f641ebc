import { formatDateTime, formatShortDate } from '../../../src/i18n/format'
import {
  clockText,
  daysBetween,
  midnightOf,
  minutesOfDay,
  shiftDays,
  wallZone,
} from '../../../src/i18n/wallZone'

const BRUSSELS = wallZone('brussels')
const BOX = wallZone('box')
const HOUR = 3_600_000

describe('the Brussels wall clock, whatever zone the box runs on', () => {
  // 20:00 UTC on 2 December is 21:00 in Brussels (winter), 20:00 on a UTC box.
  const winterEvening = Date.UTC(2026, 11, 2, 20, 0)
  // 20:00 UTC on 2 July is 22:00 in Brussels (summer).
  const summerEvening = Date.UTC(2026, 6, 2, 20, 0)

  test('reads winter and summer times an hour and two hours after UTC', () => {
    expect(clockText(BRUSSELS, winterEvening)).toBe('21:00')
    expect(clockText(BRUSSELS, summerEvening)).toBe('22:00')
    expect(minutesOfDay(BRUSSELS, summerEvening)).toBe(22 * 60)
    expect(formatDateTime(winterEvening, BRUSSELS)).toBe('02/12/2026 21:00')
    expect(formatShortDate(winterEvening, 'fr', BRUSSELS)).toBe('mer. 2 déc. 21:00')
  })

  test('a late UTC evening is already the next Brussels day', () => {
    const late = Date.UTC(2026, 11, 2, 23, 30)
    expect(formatShortDate(late, 'fr', BRUSSELS)).toBe('jeu. 3 déc. 00:30')
    expect(daysBetween(BRUSSELS, winterEvening, late)).toBe(1)
    expect(midnightOf(BRUSSELS, late)).toBe(Date.UTC(2026, 11, 2, 23, 0))
  })

  test('a day jump across the spring clock change keeps the time of day', () => {
    // Saturday 28 March 2026 20:00 CET -> Sunday 29 March 20:00 CEST: 23 hours later.
    const saturday = Date.UTC(2026, 2, 28, 19, 0)
    const sunday = shiftDays(BRUSSELS, saturday, 1)
    expect(sunday - saturday).toBe(23 * HOUR)
    expect(clockText(BRUSSELS, sunday)).toBe('20:00')
    expect(shiftDays(BRUSSELS, sunday, -1)).toBe(saturday)
  })

  test('seconds and milliseconds ride along a day jump', () => {
    const at = Date.UTC(2026, 11, 2, 20, 0, 42, 7)
    expect(shiftDays(BRUSSELS, at, 2) - at).toBe(48 * HOUR)
  })
})

describe("the box's own zone", () => {
  test("reads Date's local time, as the box is set", () => {
    const at = new Date(2026, 11, 2, 20, 15).getTime()
    expect(clockText(BOX, at)).toBe('20:15')
    expect(midnightOf(BOX, at)).toBe(new Date(2026, 11, 2).getTime())
    expect(shiftDays(BOX, at, 1)).toBe(new Date(2026, 11, 3, 20, 15).getTime())
  })
})
