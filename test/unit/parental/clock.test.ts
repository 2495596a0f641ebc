import { inWindow, parseClockTime } from '../../../src/parental/clock'

describe('parseClockTime', () => {
  test.each([
    ['00:00', 0],
    ['06:00', 360],
    ['20:00', 1200],
    ['23:59', 1439],
  ])('%s is %i minutes after midnight', (text, minutes) => {
    expect(parseClockTime(text)).toBe(minutes)
  })

  test.each(['24:00', '12:60', '6:00', '06:00:00', '0600', '', 'noon', ' 06:00'])(
    '"%s" is refused',
    (text) => {
      expect(parseClockTime(text)).toBeNull()
    },
  )
})

describe('inWindow', () => {
  test('a window within the day: start included, end excluded', () => {
    expect(inWindow(539, 540, 1020)).toBe(false)
    expect(inWindow(540, 540, 1020)).toBe(true)
    expect(inWindow(1019, 540, 1020)).toBe(true)
    expect(inWindow(1020, 540, 1020)).toBe(false)
  })

  test('a window past midnight', () => {
    expect(inWindow(1199, 1200, 360)).toBe(false)
    expect(inWindow(1200, 1200, 360)).toBe(true)
    expect(inWindow(0, 1200, 360)).toBe(true)
    expect(inWindow(359, 1200, 360)).toBe(true)
    expect(inWindow(360, 1200, 360)).toBe(false)
  })

  test('an empty window contains nothing', () => {
    expect(inWindow(600, 600, 600)).toBe(false)
    expect(inWindow(0, 600, 600)).toBe(false)
  })
})
