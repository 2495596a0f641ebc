/**
 * Keyboard layouts as data: rows of keys, each key a width in key units. The component draws
 * them and the navigation works on the rectangles they give, so a new layout needs no code.
 */
export type KeyAction = 'space' | 'delete' | 'clear' | 'done'

export type KeySpec =
  { kind: 'char'; char: string; units?: number } | { kind: KeyAction; units: number }

export interface KeyRow {
  /** Leading offset in key units, as a physical keyboard staggers its rows. */
  indent?: number
  keys: KeySpec[]
}

export type LayoutName = 'azerty' | 'qwerty'

export interface KeyboardLayout {
  name: LayoutName
  rows: KeyRow[]
}

const chars = (text: string): KeySpec[] => [...text].map((char) => ({ kind: 'char', char }))

const DIGITS: KeyRow = { keys: chars('1234567890') }

/** What a name or a search needs besides letters: space, correction, and a way to finish. */
const ACTIONS: KeyRow = {
  keys: [
    { kind: 'space', units: 4 },
    { kind: 'delete', units: 2 },
    { kind: 'clear', units: 2 },
    { kind: 'done', units: 2 },
  ],
}

/** Belgian AZERTY, letters only: the punctuation a name uses is on the last letter row. */
export const AZERTY: KeyboardLayout = {
  name: 'azerty',
  rows: [
    DIGITS,
    { keys: chars('azertyuiop') },
    { keys: chars('qsdfghjklm') },
    { indent: 0.5, keys: chars("wxcvbn-'") },
    ACTIONS,
  ],
}

export const QWERTY: KeyboardLayout = {
  name: 'qwerty',
  rows: [
    DIGITS,
    { keys: chars('qwertyuiop') },
    { indent: 0.5, keys: chars("asdfghjkl'") },
    { indent: 1, keys: chars('zxcvbnm-') },
    ACTIONS,
  ],
}

export const LAYOUTS: Record<LayoutName, KeyboardLayout> = { azerty: AZERTY, qwerty: QWERTY }

/** Accented forms offered by a long press on OK, as French, Dutch and German names need them. */
export const ACCENTS: Readonly<Record<string, readonly string[]>> = {
  e: ['é', 'è', 'ê', 'ë'],
  a: ['à', 'â', 'ä'],
  c: ['ç'],
  i: ['î', 'ï'],
  o: ['ô', 'ö'],
  u: ['ù', 'û', 'ü'],
}

export function accentsOf(key: KeySpec | undefined): readonly string[] {
  return key?.kind === 'char' ? (ACCENTS[key.char] ?? []) : []
}

export interface KeyGeometry {
  unit: number
  height: number
  gap: number
}

export interface PlacedKey {
  key: KeySpec
  x: number
  y: number
  w: number
  h: number
}

/** Where each key goes, row by row, in the keyboard's own pixels. */
export function placeKeys(layout: KeyboardLayout, geometry: KeyGeometry): PlacedKey[][] {
  const { unit, height, gap } = geometry
  const span = (units: number) => units * unit + (units - 1) * gap
  return layout.rows.map((row, r) => {
    let x = (row.indent ?? 0) * (unit + gap)
    return row.keys.map((key) => {
      const w = span(key.units ?? 1)
      const placed = { key, x, y: r * (height + gap), w, h: height }
      x += w + gap
      return placed
    })
  })
}
