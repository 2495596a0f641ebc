import { theme } from '../theme'

/** Diameter of an avatar at scale 1, in stage pixels. */
export const AVATAR_SIZE = 160
/** Gap between the face and the focus ring around it. */
export const RING_GAP = 8

export type AvatarPattern = 'moon' | 'ring' | 'dots' | 'diamond' | 'bar' | 'twins'

export interface AvatarDesign {
  background: number
  /** Colour of the pattern. */
  accent: number
  /** Colour of the initial, chosen for contrast with the background. */
  ink: number
  pattern: AvatarPattern
}

const LIGHT = 0xfff4f4f4
const DARK = 0xff14181f

/** Twelve colour pairs that stay apart for the common colour blindnesses by lightness too. */
const PALETTE: readonly Omit<AvatarDesign, 'pattern'>[] = [
  { background: 0xff2b59c3, accent: 0xffffc83d, ink: LIGHT },
  { background: 0xffe5484d, accent: 0xffffe0b2, ink: LIGHT },
  { background: 0xff2e9e5b, accent: 0xffd4f5c4, ink: LIGHT },
  { background: 0xff7b4bd6, accent: 0xfff2c6ff, ink: LIGHT },
  { background: 0xffe08a1e, accent: 0xff5a2e00, ink: DARK },
  { background: 0xff0f8b8d, accent: 0xffb8f3f0, ink: LIGHT },
  { background: 0xffd6457a, accent: 0xffffd1e1, ink: LIGHT },
  { background: 0xff3c4a5c, accent: 0xff9fd3ff, ink: LIGHT },
  { background: 0xffe9c46a, accent: 0xff264653, ink: DARK },
  { background: 0xff1d6f42, accent: 0xffffc83d, ink: LIGHT },
  { background: 0xff8c2f39, accent: 0xfff4b6a6, ink: LIGHT },
  { background: 0xffa8dadc, accent: 0xff245b8f, ink: DARK },
]

const PATTERNS: readonly AvatarPattern[] = ['moon', 'ring', 'dots', 'diamond', 'bar', 'twins']

export const AVATAR_DESIGN_COUNT = PALETTE.length

/** The design for a profile's avatar index; any number maps to one, so bad data still draws. */
export function avatarDesign(index: number): AvatarDesign {
  const n = Number.isFinite(index) ? Math.trunc(index) : 0
  const i = ((n % PALETTE.length) + PALETTE.length) % PALETTE.length
  return { ...PALETTE[i]!, pattern: PATTERNS[i % PATTERNS.length]! }
}

/** A rounded rectangle of the pattern; a circle when its radius is half its side. */
export interface AvatarShape {
  x: number
  y: number
  w: number
  h: number
  radius: number
  /** Radians, about the shape's centre. */
  rotation: number
  color: number
  /** An outline of this width instead of a filled shape. */
  stroke?: number
}

/** The pattern's shapes on a face of diameter `size`; every one stays inside the circle. */
export function avatarShapes(design: AvatarDesign, size: number = AVATAR_SIZE): AvatarShape[] {
  const s = (fraction: number) => Math.round(fraction * size)
  const color = design.accent
  const circle = (x: number, y: number, d: number): AvatarShape => ({
    x: s(x),
    y: s(y),
    w: s(d),
    h: s(d),
    radius: s(d) / 2,
    rotation: 0,
    color,
  })
  switch (design.pattern) {
    case 'moon':
      return [circle(0.52, 0.1, 0.32)]
    case 'ring':
      return [{ ...circle(0.1, 0.1, 0.8), stroke: s(0.05) }]
    case 'dots':
      return [0.28, 0.44, 0.6].map((x) => circle(x, 0.72, 0.12))
    case 'diamond': {
      const side = s(0.5)
      const at = (size - side) / 2
      return [{ x: at, y: at, w: side, h: side, radius: s(0.06), rotation: Math.PI / 4, color }]
    }
    case 'bar':
      return [
        { x: s(0.18), y: s(0.7), w: s(0.64), h: s(0.14), radius: s(0.07), rotation: 0, color },
      ]
    case 'twins':
      return [circle(0.16, 0.16, 0.26), circle(0.58, 0.58, 0.26)]
  }
}

/** The letter on the face: the name's first letter, a capital, accents kept (É for Élodie). */
export function avatarInitial(name: string): string {
  const first = [...name.trim()][0]
  return first ? first.toLocaleUpperCase() : '?'
}

export interface AvatarFocusStyle {
  scale: number
  ringAlpha: number
  labelColor: number
}

/** Focused like a tile: a little larger, with the accent ring a tile's frame has. */
export function avatarFocusStyle(focused: boolean): AvatarFocusStyle {
  return focused
    ? { scale: 1.1, ringAlpha: 1, labelColor: theme.colors.text }
    : { scale: 1, ringAlpha: 0, labelColor: theme.colors.textDim }
}

export interface BadgeFrame {
  x: number
  y: number
  w: number
  h: number
}

/** The kids marker: a pill across the bottom edge of the face, where a name would not hide it. */
export function kidsBadgeFrame(size: number = AVATAR_SIZE): BadgeFrame {
  const w = Math.round(size * 0.7)
  const h = Math.round(size * 0.2)
  return { x: Math.round((size - w) / 2), y: size - Math.round(h * 0.6), w, h }
}
