import { dayOffset, guideDays } from '../../../../src/screens/Guide/dayPicker'
import { wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

const HOUR = 60 * 60 * 1000
const t = (key: string) => key

describe('the day strip', () => {
  const now = new Date(2026, 11, 2, 20, 15).getTime()
  const bounds = {
    from: new Date(2026, 10, 25).getTime(),
    to: new Date(2026, 11, 10).getTime(),
  }

  it('lists every day between the bounds, the near ones in words with their date', () => {
    const days = guideDays(bounds, now, 'fr', t, BOX)
    expect(days).toHaveLength(15)
    expect(days[0]).toMatchObject({ id: 'day--7', offset: -7 })
    expect(days[6]!.label).toBe('guide.yesterday · 1 déc.')
    expect(days[7]!.label).toBe('guide.today · 2 déc.')
    expect(days[8]!.label).toBe('guide.tomorrow · 3 déc.')
    expect(days[9]!.label).toBe('ven. 4 déc.')
    expect(guideDays(bounds, now, 'de', t, BOX)[9]!.label).toMatch(/^Fr\.?, 4\. Dez/)
  })

  it('counts whole local days across a clock change', () => {
    const sunday = new Date(2026, 2, 29, 1, 30).getTime()
    const around = { from: sunday - 3 * 24 * HOUR, to: sunday + 3 * 24 * HOUR }
    const days = guideDays(around, sunday, 'fr', t, BOX)
    expect(new Set(days.map((d) => d.offset)).size).toBe(days.length)
    expect(dayOffset(new Date(2026, 2, 30, 0, 30).getTime(), sunday, BOX)).toBe(1)
    expect(dayOffset(new Date(2026, 2, 28, 23, 30).getTime(), sunday, BOX)).toBe(-1)
    expect(dayOffset(sunday + 20 * HOUR, sunday, BOX)).toBe(0)
  })
})
