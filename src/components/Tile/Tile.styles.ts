import { theme } from '../theme'
import type { ArtworkShape, ArtworkState } from './artwork'
import type { TileModel } from './tileModel'

export const TILE = { w: 200, h: 300, radius: 12, titleGap: 12 }

/** Padding of the text drawn on the card itself. */
const CARD_PAD = 16

export function tileScale(focused: boolean): number {
  return focused ? 1.08 : 1
}

export function tileTitleColor(focused: boolean): number {
  return focused ? theme.colors.text : theme.colors.textDim
}

export function badgeColor(offerType: NonNullable<TileModel['badge']>['offerType']): number {
  return theme.colors[offerType]
}

export interface ImageFrame {
  w: number
  h: number
  /** Corner radii, top-left clockwise: a landscape image rounds only the card's top corners. */
  radius: [number, number, number, number]
}

/**
 * The box the image is cropped into (Lightning's 'cover' resize mode fills it and crops the
 * overflow, so an image is never stretched). A poster fills the tile; a 16:9 image keeps its own
 * proportions across the top of the card, with the card's text below it.
 */
export function imageFrame(shape: ArtworkShape): ImageFrame {
  const r = TILE.radius
  return shape === 'portrait'
    ? { w: TILE.w, h: TILE.h, radius: [r, r, r, r] }
    : { w: TILE.w, h: Math.round((TILE.w * 9) / 16), radius: [r, r, 0, 0] }
}

export interface CardTextLayout {
  x: number
  kindY: number
  kindSize: number
  titleY: number
  titleSize: number
  lineHeight: number
  maxLines: number
  wrapWidth: number
}

/**
 * Where the card's own kind label and title go, or undefined when the image covers the card
 * (a poster carries its title in its artwork). Only the card and a landscape image need them, so
 * tiles with posters create no extra text textures.
 */
export function cardTextLayout(state: ArtworkState): CardTextLayout | undefined {
  const wrapWidth = TILE.w - CARD_PAD * 2
  if (state.mode === 'card') {
    // Below the offer badge, large: the title is the whole design of a generated card.
    return {
      x: CARD_PAD,
      kindY: 58,
      kindSize: 16,
      titleY: 86,
      titleSize: 28,
      lineHeight: 34,
      maxLines: 5,
      wrapWidth,
    }
  }
  if (state.shape === 'landscape') {
    const top = imageFrame('landscape').h
    return {
      x: CARD_PAD,
      kindY: top + 14,
      kindSize: 14,
      titleY: top + 38,
      titleSize: 24,
      lineHeight: 30,
      maxLines: 4,
      wrapWidth,
    }
  }
  return undefined
}

/** The smallest a card's title gets to keep a long word whole: 70 % of its layout size. */
const CARD_TITLE_MIN_SCALE = 0.7

/**
 * The card title's size and line height: the layout's, or smaller until the title's widest word
 * fits on a line, so "Extraordinaires" on a card is drawn whole rather than broken after
 * "Extraordin". A word too wide even at 70 % of the layout size is hyphenated
 * (hyphenateLongWords). `wordWidth` measures a word in the card's bold face at a font size.
 */
export function fitCardTitle(
  title: string,
  layout: Pick<CardTextLayout, 'titleSize' | 'lineHeight' | 'wrapWidth'>,
  wordWidth: (word: string, fontSize: number) => number,
): { titleSize: number; lineHeight: number } {
  const widest = Math.max(
    0,
    ...title
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => wordWidth(word, layout.titleSize)),
  )
  if (widest <= layout.wrapWidth)
    return { titleSize: layout.titleSize, lineHeight: layout.lineHeight }
  const scale = Math.max(CARD_TITLE_MIN_SCALE, layout.wrapWidth / widest)
  const titleSize = Math.floor(layout.titleSize * scale)
  return { titleSize, lineHeight: Math.round((layout.lineHeight * titleSize) / layout.titleSize) }
}

const VOWEL = /[aeiouyàâäéèêëïîôöùûü]/i

/**
 * The card title with each word still wider than the card (at the size fitCardTitle chose) cut
 * over lines with a hyphen: "Onafhankeli-" / "jkheidsverklaring", where Lightning's wordBreak cut
 * anywhere without one. A cut goes after a vowel and before a consonant when one is within three
 * letters of the line's end, and leaves at least three letters for the next line. `width`
 * measures a text at the chosen size.
 */
export function hyphenateLongWords(
  title: string,
  wrapWidth: number,
  width: (text: string) => number,
): string {
  return title
    .split(' ')
    .map((word) => (width(word) <= wrapWidth ? word : hyphenate(word, wrapWidth, width)))
    .join(' ')
}

function hyphenate(word: string, wrapWidth: number, width: (text: string) => number): string {
  const lines: string[] = []
  let rest = word
  while (rest.length > 6 && width(rest) > wrapWidth) {
    let cut = rest.length - 3
    while (cut > 3 && width(`${rest.slice(0, cut)}-`) > wrapWidth) cut--
    for (let at = cut; at > cut - 3 && at > 3; at--) {
      if (VOWEL.test(rest[at - 1]!) && !VOWEL.test(rest[at]!)) {
        cut = at
        break
      }
    }
    lines.push(`${rest.slice(0, cut)}-`)
    rest = rest.slice(cut)
  }
  return [...lines, rest].join('\n')
}
