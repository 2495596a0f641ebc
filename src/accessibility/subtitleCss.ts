import type { SubtitleStyle } from './preferences'

/**
 * The subtitles are drawn by the <video> itself (Shaka's native text displayer hands it VTTCues),
 * so the household's style goes on the cues through a `video::cue` rule. Sizes are relative to
 * the engine's own cue size (a share of the video height), so they follow the picture.
 */
const SIZES: Record<SubtitleStyle['size'], string> = {
  small: '80%',
  medium: '100%',
  large: '140%',
}

const BACKGROUNDS: Record<SubtitleStyle['background'], string> = {
  none: 'transparent',
  semi: 'rgba(0, 0, 0, 0.6)',
  opaque: 'rgb(0, 0, 0)',
}

const COLOURS: Record<SubtitleStyle['colour'], string> = {
  white: 'rgb(255, 255, 255)',
  yellow: 'rgb(255, 230, 0)',
  cyan: 'rgb(0, 230, 255)',
}

/** The declarations for a style; without a background a dark outline keeps the words readable. */
export function cueDeclarations(style: SubtitleStyle): Record<string, string> {
  return {
    'font-size': SIZES[style.size],
    color: COLOURS[style.colour],
    'background-color': BACKGROUNDS[style.background],
    'text-shadow':
      style.background === 'none'
        ? '0 0 4px rgb(0, 0, 0), 0 0 2px rgb(0, 0, 0), 1px 1px 2px rgb(0, 0, 0)'
        : 'none',
  }
}

/** The stylesheet text for a style. */
export function cueCss(style: SubtitleStyle): string {
  const body = Object.entries(cueDeclarations(style))
    .map(([property, value]) => `${property}: ${value} !important;`)
    .join(' ')
  return `video::cue { ${body} }`
}

export const SUBTITLE_STYLE_ID = 'belgica-subtitle-style'

/** Puts (or replaces) the rule in the page; the one <style> element is reused. */
export function applySubtitleStyle(doc: Document, style: SubtitleStyle): void {
  let element = doc.getElementById(SUBTITLE_STYLE_ID)
  if (!element) {
    element = doc.createElement('style')
    element.id = SUBTITLE_STYLE_ID
    doc.head.appendChild(element)
  }
  element.textContent = cueCss(style)
}
