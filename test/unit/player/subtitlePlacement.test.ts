import { cuePlacement, LIFTED_CUE_LINE } from '../../../src/player/subtitlePlacement'

const lifted = { line: LIFTED_CUE_LINE, snapToLines: true }

describe('cuePlacement (subtitles and the player overlay)', () => {
  test('with the overlay hidden every cue keeps its own placement', () => {
    const own = { line: 'auto', snapToLines: true } as const
    expect(cuePlacement(own, false)).toBe(own)
    expect(cuePlacement({ line: 90, snapToLines: false }, false)).toEqual({
      line: 90,
      snapToLines: false,
    })
  })

  test('with the overlay shown, cues at the bottom go up above the controls', () => {
    expect(cuePlacement({ line: 'auto', snapToLines: true }, true)).toEqual(lifted)
    expect(cuePlacement({ line: -1, snapToLines: true }, true)).toEqual(lifted)
    expect(cuePlacement({ line: 85, snapToLines: false }, true)).toEqual(lifted)
    expect(cuePlacement({ line: 17, snapToLines: true }, true)).toEqual(lifted)
  })

  test('cues already clear of the controls stay where the stream put them', () => {
    const top = { line: 0, snapToLines: true }
    expect(cuePlacement(top, true)).toBe(top)
    expect(cuePlacement({ line: 10, snapToLines: false }, true)).toEqual({
      line: 10,
      snapToLines: false,
    })
    expect(cuePlacement({ line: -8, snapToLines: true }, true)).toEqual({
      line: -8,
      snapToLines: true,
    })
  })

  test('lifting is stable: a lifted cue is not moved again', () => {
    expect(cuePlacement(lifted, true)).toEqual(lifted)
  })
})
