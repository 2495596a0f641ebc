import {
  linesIn,
  linesLeftInColumn,
  linesThatFit,
  textHeight,
} from '../../../src/components/textFit'

describe('text heights as Lightning draws them', () => {
  it('gives the last line its full height plus half a font size', () => {
    expect(textHeight({ fontSize: 44 }, 1)).toBe(66)
    expect(textHeight({ fontSize: 44 }, 2)).toBe(110)
    expect(textHeight({ fontSize: 30, lineHeight: 42 }, 5)).toBe(4 * 42 + 15 + 42)
    expect(textHeight({ fontSize: 30, lineHeight: 42 }, 0)).toBe(0)
  })

  it('reads the number of lines back from a drawn height', () => {
    for (const lines of [1, 2, 3, 7]) {
      expect(
        linesIn(
          { fontSize: 68, lineHeight: 78 },
          textHeight({ fontSize: 68, lineHeight: 78 }, lines),
        ),
      ).toBe(lines)
    }
    expect(linesIn({ fontSize: 68 }, 0)).toBe(0)
  })

  it('fits whole lines in a space, up to a maximum, and none when one does not fit', () => {
    const body = { fontSize: 30, lineHeight: 42 }
    expect(linesThatFit(body, 1000, 5)).toBe(5)
    expect(linesThatFit(body, textHeight(body, 3), 5)).toBe(3)
    expect(linesThatFit(body, textHeight(body, 3) - 1, 5)).toBe(2)
    expect(linesThatFit(body, 20, 5)).toBe(0)
  })

  it('takes a column’s other items and the text’s margin off the space', () => {
    const body = { fontSize: 20, marginTop: 10 }
    // 100 px of column, 40 px used by the others and 10 by the margin: 50 px, two 20 px lines (50).
    const column = { top: 0, bottom: 100, others: [{ marginTop: 5, height: 35 }] }
    expect(linesLeftInColumn(column, body, 9)).toBe(2)
    expect(linesLeftInColumn({ ...column, bottom: 99 }, body, 9)).toBe(1)
  })
})
