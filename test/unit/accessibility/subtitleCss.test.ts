import {
  applySubtitleStyle,
  cueCss,
  SUBTITLE_STYLE_ID,
} from '../../../src/accessibility/subtitleCss'
import { applyHighContrast, HIGH_CONTRAST } from '../../../src/accessibility/palette'

describe('subtitle style', () => {
  test('size, colour and background become a video::cue rule', () => {
    const css = cueCss({ size: 'large', background: 'opaque', colour: 'yellow' })
    expect(css).toMatch(/^video::cue \{/)
    expect(css).toContain('font-size: 140% !important')
    expect(css).toContain('color: rgb(255, 230, 0) !important')
    expect(css).toContain('background-color: rgb(0, 0, 0) !important')
    expect(css).toContain('text-shadow: none')
  })

  test('without a background the words get a dark outline', () => {
    expect(cueCss({ size: 'medium', background: 'none', colour: 'white' })).toMatch(
      /background-color: transparent.*text-shadow: 0 0 4px/,
    )
  })

  test('applied twice, the page holds one style element with the latest rule', () => {
    applySubtitleStyle(document, { size: 'small', background: 'semi', colour: 'white' })
    applySubtitleStyle(document, { size: 'large', background: 'semi', colour: 'cyan' })
    const elements = document.querySelectorAll(`#${SUBTITLE_STYLE_ID}`)
    expect(elements).toHaveLength(1)
    expect(elements[0]?.textContent).toContain('140%')
  })
})

describe('high contrast', () => {
  test('replaces every colour token', () => {
    const theme = { colors: { ...HIGH_CONTRAST, background: 1, text: 2 } }
    applyHighContrast(theme)
    expect(theme.colors).toEqual(HIGH_CONTRAST)
  })
})
