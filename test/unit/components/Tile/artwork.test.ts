import {
  billboardArtwork,
  cardColor,
  cardColors,
  cardGradient,
  initialArtwork,
  mixColor,
  nextArtwork,
  settledBy,
  shapeOf,
  tileArtwork,
} from '../../../../src/components/Tile/artwork'
import { theme } from '../../../../src/components/theme'
import { hashId } from '../../../../src/catalogue/stableHash'

/** WCAG relative luminance of an ARGB colour (alpha ignored). */
function luminance(argb: number): number {
  const linear = (shift: number) => {
    const c = ((argb >>> shift) & 0xff) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * linear(16) + 0.7152 * linear(8) + 0.0722 * linear(0)
}

const contrast = (a: number, b: number): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

describe('which image a tile and a billboard ask for', () => {
  test('a tile prefers the poster, else frames the 16:9 image as a landscape stand-in', () => {
    expect(tileArtwork({ poster: 'p.jpg', backdrop: 'b.jpg' })).toEqual({
      src: 'p.jpg',
      shape: 'portrait',
    })
    expect(tileArtwork({ backdrop: 'b.jpg' })).toEqual({ src: 'b.jpg', shape: 'landscape' })
  })

  test('a billboard prefers the wide image, else the poster as key art', () => {
    expect(billboardArtwork({ poster: 'p.jpg', backdrop: 'b.jpg' })).toEqual({
      src: 'b.jpg',
      shape: 'landscape',
    })
    expect(billboardArtwork({ poster: 'p.jpg' })).toEqual({ src: 'p.jpg', shape: 'portrait' })
  })

  test('no URL, or a blank one, asks for nothing', () => {
    expect(tileArtwork({})).toBeUndefined()
    expect(tileArtwork({ poster: '  ', backdrop: '' })).toBeUndefined()
    expect(billboardArtwork({ backdrop: '' })).toBeUndefined()
  })
})

describe('shapeOf', () => {
  test('the loaded proportions win over what the catalogue declared', () => {
    expect(shapeOf('portrait', 1280, 720)).toBe('landscape')
    expect(shapeOf('landscape', 400, 600)).toBe('portrait')
  })

  test('square or nearly square images are framed as posters', () => {
    expect(shapeOf('landscape', 600, 600)).toBe('portrait')
    expect(shapeOf('landscape', 640, 600)).toBe('portrait')
  })

  test('unknown dimensions keep the declared shape', () => {
    expect(shapeOf('landscape', 0, 0)).toBe('landscape')
    expect(shapeOf('portrait', NaN, 10)).toBe('portrait')
  })
})

describe('artwork state', () => {
  const wide = { src: 'w.jpg', shape: 'landscape' as const }

  test('starts loading with an image, or straight on the card without one', () => {
    expect(initialArtwork(wide)).toEqual({ mode: 'loading', shape: 'landscape' })
    expect(initialArtwork(undefined)).toEqual({ mode: 'card' })
  })

  test('a load shows the image in the shape of what arrived; a failure shows the card', () => {
    const loading = initialArtwork(wide)
    expect(nextArtwork(loading, { type: 'loaded', width: 400, height: 600 })).toEqual({
      mode: 'image',
      shape: 'portrait',
    })
    expect(nextArtwork(loading, { type: 'failed' })).toEqual({ mode: 'card' })
  })

  test('the card is final for a model: a late load does not bring the image back', () => {
    const card = nextArtwork(initialArtwork(wide), { type: 'failed' })
    expect(nextArtwork(card, { type: 'loaded', width: 1280, height: 720 })).toEqual({
      mode: 'card',
    })
  })

  test('only the first outcome settles the artwork', () => {
    const loading = initialArtwork(wide)
    const shown = nextArtwork(loading, { type: 'loaded', width: 1280, height: 720 })
    expect(settledBy(loading, shown)).toBe('loaded')
    expect(settledBy(loading, nextArtwork(loading, { type: 'failed' }))).toBe('failed')
    // The renderer reports a load again when an element becomes visible again.
    expect(settledBy(shown, nextArtwork(shown, { type: 'loaded', width: 1280, height: 720 }))).toBe(
      null,
    )
  })
})

describe('card colours', () => {
  test('mixColor blends channel by channel and keeps the first alpha', () => {
    expect(mixColor(0xff000000, 0x00ffffff, 0)).toBe(0xff000000)
    expect(mixColor(0xff000000, 0x00ffffff, 1)).toBe(0xffffffff)
    expect(mixColor(0xff000000, 0xff204060, 0.5)).toBe(0xff102030)
  })

  test('hashId is stable and tells close ids apart', () => {
    expect(hashId('rosetta')).toBe(hashId('rosetta'))
    expect(hashId('film-1')).not.toBe(hashId('film-2'))
  })

  test('the same id always gets the same colour, one of the palette', () => {
    expect(cardColor('la-treve')).toBe(cardColor('la-treve'))
    expect(cardColors()).toContain(cardColor('la-treve'))
  })

  test('a catalogue of ids spreads over the palette', () => {
    const used = new Set(Array.from({ length: 80 }, (_, i) => cardColor(`title-${i}`)))
    expect(used.size).toBe(cardColors().length)
  })

  test('the theme text stays readable on every card colour and its gradient', () => {
    for (const colour of cardColors()) {
      const gradient = cardGradient(colour)
      for (const corner of Object.values(gradient)) {
        expect(contrast(theme.colors.text, corner)).toBeGreaterThanOrEqual(4.5)
      }
      // Opaque, or the rail behind would show through the card.
      expect(colour >>> 24).toBe(0xff)
    }
  })

  test('cards are not all the theme surface: the hue shows', () => {
    for (const colour of cardColors()) expect(colour).not.toBe(theme.colors.surface)
  })
})
