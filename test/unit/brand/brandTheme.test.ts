import {
  applyBrandTheme,
  brandFontFaces,
  tolerantFontLoader,
  type FontFaceSpec,
} from '../../../src/brand/brandTheme'
import { theme } from '../../../src/components/theme'
import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings } from '../../../src/config/validate'

const copyOfTheme = () => ({ font: theme.font, colors: { ...theme.colors } })

describe('applyBrandTheme', () => {
  test('the defaults leave the built-in look exactly as it is', () => {
    const tokens = copyOfTheme()
    applyBrandTheme(tokens, defaultAppConfig().brand)
    expect(tokens).toEqual(copyOfTheme())
  })

  test("an operator's palette and font replace the tokens templates read", () => {
    const { config } = validateAppSettings({
      brand: {
        colors: { accent: '0xffc8102e', background: '0xfff4f7f6', text: '0xff10302c' },
        font: { family: 'Source Sans 3', regular: 'fonts/s.woff2' },
      },
    })
    const tokens = copyOfTheme()
    applyBrandTheme(tokens, config.brand)
    expect(tokens.colors).toMatchObject({
      accent: 0xffc8102e,
      background: 0xfff4f7f6,
      text: 0xff10302c,
      surface: theme.colors.surface,
      surfaceFocused: theme.colors.surfaceFocused,
    })
    // A light focus: the darker of text and background on it; secondary text between the two.
    expect(tokens.colors.textOnFocus).toBe(0xff10302c)
    expect(tokens.colors.textDim).not.toBe(theme.colors.textDim)
    // Titles drawn straight on the background take the brand's text colour instead of white.
    expect(tokens.colors.onBackground).toBe(0xff10302c)
    // Panels and unfocused buttons: the brand's text on the brand's surface.
    expect(tokens.colors.onSurface).toBe(0xff10302c)
    expect(tokens.colors.buttonSurface).toBe(theme.colors.surface)
    // The guide's live and selected greys and the dim text on focus follow the brand too.
    expect(tokens.colors.surfaceLive).not.toBe(theme.colors.surfaceLive)
    expect(tokens.colors.surfaceSelected).not.toBe(theme.colors.surfaceSelected)
    expect(tokens.colors.textDimOnFocus).not.toBe(theme.colors.textDimOnFocus)
    // No spaces: Lightning writes it into the canvas font as it is, sans-serif as the fallback.
    expect(tokens.font).toBe('SourceSans3,sans-serif')
  })
})

test('a dark focus colour gets the light one of text and background on it', () => {
  const { config } = validateAppSettings({
    brand: { colors: { background: '0xffeef5f3', text: '0xff12302e', focus: '0xff12302e' } },
  })
  const tokens = copyOfTheme()
  applyBrandTheme(tokens, config.brand)
  expect(tokens.colors.textOnFocus).toBe(0xffeef5f3)
})

describe('brand fonts', () => {
  const asset = (path: string) => `./static/${path}`

  test('none without a family, regular and bold with one', () => {
    expect(brandFontFaces(defaultAppConfig().brand.font, asset)).toEqual([])
    expect(
      brandFontFaces({ family: 'Inter', regular: 'fonts/r.woff2', bold: 'fonts/b.woff2' }, asset),
    ).toEqual([
      { family: 'Inter', url: './static/fonts/r.woff2', descriptors: { weight: '400' } },
      { family: 'Inter', url: './static/fonts/b.woff2', descriptors: { weight: '700' } },
    ])
  })

  test('a font that does not load is reported and the others are added: start goes on', async () => {
    const added: unknown[] = []
    class FakeFace {
      constructor(
        readonly family: string,
        readonly source: string,
      ) {}
      load() {
        return this.source.includes('missing')
          ? Promise.reject(new Error('404'))
          : Promise.resolve()
      }
    }
    const failed: string[] = []
    const load = tolerantFontLoader(
      { FontFace: FakeFace, document: { fonts: { add: (face) => added.push(face) } } },
      (url) => failed.push(url),
    )
    const fonts: FontFaceSpec[] = [
      { family: 'Inter', url: 'fonts/missing.woff2', descriptors: { weight: '400' } },
      { family: 'Inter', url: 'fonts/b.woff2', descriptors: { weight: '700' } },
    ]
    const store: unknown[] = []
    await expect(load(fonts, store)).resolves.toBeUndefined()
    expect(failed).toEqual(['fonts/missing.woff2'])
    expect(added).toHaveLength(1)
    expect(store).toEqual(added)
  })
})
