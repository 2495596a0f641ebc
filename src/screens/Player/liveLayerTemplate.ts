import { Lightning } from '@lightningjs/sdk'
import { textStyle, theme, SAFE_WIDTH, withAlpha } from '../../components/theme'

/** The channel logo's width in the zapping banner (its image is decoded at this width). */
export const BANNER_LOGO_WIDTH = 128

/** The live layer's one-line messages ("Chaîne 7 inexistante"): their pill's height and margin. */
export const MESSAGE_HEIGHT = 72
export const MESSAGE_PAD_X = 36

/** Lines of the channel list that exist; the list scrolls through them. */
export const LIST_ROWS = 9

const BANNER = { x: theme.safe.x, y: 770, w: SAFE_WIDTH, h: 230 }

/** The live layer's layout: banner at the bottom, typed digits top right, channel list left. */
/** A channel number being typed, top right: over live TV and over a locked channel's screen. */
export function channelDigitsTemplate(): Lightning.Component.Template {
  return {
    x: 1920 - theme.safe.x,
    y: theme.safe.y,
    mountX: 1,
    visible: false,
    color: theme.colors.accent,
    ...textStyle(96, { fontStyle: 'bold' }),
  }
}

export function liveLayerTemplate(): Lightning.Component.Template {
  return {
    w: 1920,
    h: 1080,
    visible: false,
    Banner: {
      ...BANNER,
      rect: true,
      color: 0xe60b0f14,
      visible: false,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 16 },
      Logo: { x: 32, y: 32, w: BANNER_LOGO_WIDTH, h: 80 },
      Number: {
        x: 184,
        y: 28,
        color: theme.colors.accent,
        ...textStyle(44, { fontStyle: 'bold' }),
      },
      Name: { x: 300, y: 34, ...textStyle(36, { fontStyle: 'bold', maxLines: 1 }) },
      Now: { x: 184, y: 96, ...textStyle(30, { wordWrapWidth: BANNER.w - 220, maxLines: 1 }) },
      Bar: {
        x: 184,
        y: 144,
        w: BANNER.w - 220,
        h: 6,
        rect: true,
        color: 0x44ffffff,
        Played: { w: 0, h: 6, rect: true, color: theme.colors.accent },
      },
      Next: {
        x: 184,
        y: 168,
        color: theme.colors.textDim,
        ...textStyle(26, { wordWrapWidth: BANNER.w - 700, maxLines: 1 }),
      },
      Hint: {
        x: BANNER.w - 36,
        y: 168,
        mountX: 1,
        color: theme.colors.accent,
        ...textStyle(24),
      },
    },
    Digits: channelDigitsTemplate(),
    // On a pill: bare text over a bright picture could not be read.
    Message: {
      x: 960,
      y: 200,
      mountX: 0.5,
      h: MESSAGE_HEIGHT,
      w: 400,
      visible: false,
      rect: true,
      color: withAlpha(theme.colors.surface, 0xe6),
      shader: { type: Lightning.shaders.RoundedRectangle, radius: MESSAGE_HEIGHT / 2 },
      Label: {
        x: MESSAGE_PAD_X,
        y: MESSAGE_HEIGHT / 2 + 2,
        mountY: 0.5,
        color: theme.colors.text,
        ...textStyle(34, { fontStyle: 'bold' }),
      },
    },
    List: {
      x: theme.safe.x,
      y: theme.safe.y,
      w: 560,
      h: 80 + LIST_ROWS * 64,
      rect: true,
      color: 0xee0b0f14,
      visible: false,
      Title: { x: 28, y: 20, color: theme.colors.accent, ...textStyle(32, { fontStyle: 'bold' }) },
      ...Object.fromEntries(
        Array.from({ length: LIST_ROWS }, (_, i) => [
          `Row${i}`,
          {
            x: 12,
            y: 76 + i * 64,
            w: 536,
            h: 58,
            rect: true,
            color: 0x00000000,
            Label: { x: 18, y: 12, ...textStyle(28, { maxLines: 1, wordWrapWidth: 500 }) },
          },
        ]),
      ),
    },
  }
}
