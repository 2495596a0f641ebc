import {
  accentsOf,
  AZERTY,
  placeKeys,
  QWERTY,
  type KeyboardLayout,
} from '../../../../src/components/Keyboard/layouts'

const letters = (layout: KeyboardLayout, row: number) =>
  layout.rows[row]!.keys.map((key) => (key.kind === 'char' ? key.char : key.kind)).join('')

describe('layouts', () => {
  it('Belgian AZERTY has digits, then azertyuiop / qsdfghjklm / wxcvbn, then the actions', () => {
    expect(letters(AZERTY, 0)).toBe('1234567890')
    expect(letters(AZERTY, 1)).toBe('azertyuiop')
    expect(letters(AZERTY, 2)).toBe('qsdfghjklm')
    expect(letters(AZERTY, 3).startsWith('wxcvbn')).toBe(true)
    expect(letters(AZERTY, 4)).toBe('spacedeletecleardone')
  })

  it('QWERTY has every letter of the alphabet too', () => {
    for (const layout of [AZERTY, QWERTY]) {
      const all = layout.rows.map((_, i) => letters(layout, i)).join('')
      for (const letter of 'abcdefghijklmnopqrstuvwxyz') expect(all).toContain(letter)
    }
  })

  it('offers the accented forms of e, a, c, i, o, u and nothing for other keys', () => {
    expect(accentsOf({ kind: 'char', char: 'e' })).toEqual(['é', 'è', 'ê', 'ë'])
    expect(accentsOf({ kind: 'char', char: 'c' })).toEqual(['ç'])
    expect(accentsOf({ kind: 'char', char: 'z' })).toEqual([])
    expect(accentsOf({ kind: 'space', units: 4 })).toEqual([])
  })

  it('places keys in rows that do not overlap, wide keys spanning their units', () => {
    const placed = placeKeys(AZERTY, { unit: 80, height: 70, gap: 10 })
    for (const row of placed) {
      for (let i = 1; i < row.length; i++) {
        expect(row[i]!.x).toBeGreaterThanOrEqual(row[i - 1]!.x + row[i - 1]!.w)
      }
    }
    expect(placed[1]![0]).toMatchObject({ x: 0, y: 80, w: 80, h: 70 })
    // The space bar spans four units and the three gaps between them.
    expect(placed[4]![0]!.w).toBe(4 * 80 + 3 * 10)
    // The last letter row is staggered by half a key.
    expect(placed[3]![0]!.x).toBe(45)
  })
})
