import {
  AVATAR_DESIGN_COUNT,
  AVATAR_SIZE,
  avatarDesign,
  avatarFocusStyle,
  avatarInitial,
  avatarShapes,
  kidsBadgeFrame,
  type AvatarShape,
} from '../../../../src/components/Avatar/Avatar.styles'
import { AVATAR_COUNT } from '../../../../src/state/profiles'

const indexes = Array.from({ length: AVATAR_COUNT }, (_, i) => i)

/** How far from the face's centre a rounded rectangle reaches, rotation included. */
function reach(shape: AvatarShape, size: number): number {
  const cx = shape.x + shape.w / 2
  const cy = shape.y + shape.h / 2
  const r = Math.min(shape.radius, shape.w / 2, shape.h / 2)
  const corners = [
    [shape.x + r, shape.y + r],
    [shape.x + shape.w - r, shape.y + r],
    [shape.x + r, shape.y + shape.h - r],
    [shape.x + shape.w - r, shape.y + shape.h - r],
  ]
  const cos = Math.cos(shape.rotation)
  const sin = Math.sin(shape.rotation)
  return Math.max(
    ...corners.map(([x, y]) => {
      const dx = x! - cx
      const dy = y! - cy
      const px = cx + dx * cos - dy * sin
      const py = cy + dx * sin + dy * cos
      return Math.hypot(px - size / 2, py - size / 2) + r
    }),
  )
}

describe('avatar designs', () => {
  it('has one design per avatar index a profile may hold, all different', () => {
    expect(AVATAR_DESIGN_COUNT).toBe(AVATAR_COUNT)
    const keys = indexes.map((i) => {
      const d = avatarDesign(i)
      return `${d.background}/${d.pattern}`
    })
    expect(new Set(keys).size).toBe(AVATAR_COUNT)
    expect(new Set(indexes.map((i) => avatarDesign(i).background)).size).toBe(AVATAR_COUNT)
  })

  it('maps any number to a design, so bad stored data still draws', () => {
    expect(avatarDesign(12)).toEqual(avatarDesign(0))
    expect(avatarDesign(-1)).toEqual(avatarDesign(11))
    expect(avatarDesign(Number.NaN)).toEqual(avatarDesign(0))
    expect(avatarDesign(2.7)).toEqual(avatarDesign(2))
  })

  it.each(indexes)('design %i draws a pattern that stays inside the disc', (i) => {
    for (const size of [AVATAR_SIZE, 96]) {
      const shapes = avatarShapes(avatarDesign(i), size)
      expect(shapes.length).toBeGreaterThan(0)
      for (const shape of shapes) expect(reach(shape, size)).toBeLessThanOrEqual(size / 2 + 1)
    }
  })

  it('colours the pattern and the initial apart from the background', () => {
    for (const i of indexes) {
      const d = avatarDesign(i)
      expect(d.accent).not.toBe(d.background)
      expect(d.ink).not.toBe(d.background)
    }
  })
})

describe('avatar initial', () => {
  it('is the first letter as a capital, accents kept', () => {
    expect(avatarInitial('léa')).toBe('L')
    expect(avatarInitial('  élodie')).toBe('É')
    expect(avatarInitial('Maison')).toBe('M')
    expect(avatarInitial('')).toBe('?')
  })
})

describe('avatar focus and kids marker', () => {
  it('grows and shows its ring when focused, like a tile', () => {
    expect(avatarFocusStyle(true).scale).toBeGreaterThan(avatarFocusStyle(false).scale)
    expect(avatarFocusStyle(true).ringAlpha).toBe(1)
    expect(avatarFocusStyle(false).ringAlpha).toBe(0)
    expect(avatarFocusStyle(true).labelColor).not.toBe(avatarFocusStyle(false).labelColor)
  })

  it('puts the kids marker across the bottom edge, centred', () => {
    const badge = kidsBadgeFrame(AVATAR_SIZE)
    expect(badge.x * 2 + badge.w).toBe(AVATAR_SIZE)
    expect(badge.y).toBeLessThan(AVATAR_SIZE)
    expect(badge.y + badge.h).toBeGreaterThan(AVATAR_SIZE)
  })
})
