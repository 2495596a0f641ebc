import { cellLabelWrap, MIN_LABEL_WRAP } from '../../../../src/screens/Guide/cellLabel'

describe('cellLabelWrap', () => {
  test('a cell too narrow for a letter and its ".." has no title', () => {
    // 3 min 45 s at 11.9 px a minute, less the gap: Lightning's line cutting never ended there.
    expect(cellLabelWrap(40.6)).toBeNull()
    expect(cellLabelWrap(8)).toBeNull()
    expect(cellLabelWrap(MIN_LABEL_WRAP + 27)).toBeNull()
  })

  test('a wider cell wraps its title inside its padding', () => {
    expect(cellLabelWrap(MIN_LABEL_WRAP + 28)).toBe(MIN_LABEL_WRAP)
    expect(cellLabelWrap(352)).toBe(324)
  })
})
