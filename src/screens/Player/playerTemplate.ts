import { Lightning } from '@lightningjs/sdk'
import ButtonRow from '../../components/ButtonRow'
import Countdown from '../../components/Countdown'
import ProgressBar from '../../components/ProgressBar'
import { textStyle, theme } from '../../components/theme'
import TrackMenu from '../../components/TrackMenu'
import NotFound from '../NotFound'
import LiveLayer from './LiveLayer'
import { channelDigitsTemplate } from './liveLayerTemplate'

/**
 * The player screen's layout: the controls overlay (shades, title, live badge, state, hint,
 * progress), the buffering spinner, the track menu, the next-episode countdown, the error panel
 * and the "not found" page. Player.ts binds state to these refs.
 */
export function playerTemplate(): Lightning.Component.Template {
  return {
    w: 1920,
    h: 1080,
    Overlay: {
      TopShade: { w: 1920, h: 240, rect: true, colorTop: 0xcc000000, colorBottom: 0x00000000 },
      BottomShade: {
        y: 720,
        w: 1920,
        h: 360,
        rect: true,
        colorTop: 0x00000000,
        colorBottom: 0xdd000000,
      },
      Title: {
        x: theme.safe.x,
        y: 60,
        ...textStyle(44, { fontStyle: 'bold', wordWrapWidth: 1500, maxLines: 1 }),
      },
      Subtitle: { x: theme.safe.x, y: 118, color: theme.colors.textDim, ...textStyle(28) },
      Live: {
        x: 1920 - theme.safe.x,
        y: 60,
        mountX: 1,
        visible: false,
        rect: true,
        w: 150,
        h: 48,
        color: theme.colors.danger,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 8 },
        Label: { x: 75, y: 26, mount: 0.5, ...textStyle(28, { fontStyle: 'bold' }) },
      },
      State: {
        x: theme.safe.x,
        y: 870,
        color: theme.colors.accent,
        ...textStyle(28, { fontStyle: 'bold' }),
      },
      Hint: {
        x: 1920 - theme.safe.x,
        y: 870,
        mountX: 1,
        color: theme.colors.textDim,
        ...textStyle(24),
      },
      Progress: { x: theme.safe.x, y: 920, type: ProgressBar },
    },
    Spinner: {
      x: 960,
      y: 540,
      mount: 0.5,
      w: 96,
      h: 96,
      visible: false,
      rect: true,
      color: 0x00000000,
      Ring: {
        w: 96,
        h: 96,
        rect: true,
        color: 0xccffffff,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 48, stroke: 8 },
      },
      Dot: { x: 40, y: -4, w: 16, h: 16, rect: true, color: theme.colors.accent },
    },
    // During an ad: "Publicité · 1 sur 2 · 0:12" and, for a skippable ad, the skip button.
    AdBadge: {
      x: theme.safe.x,
      y: 60,
      visible: false,
      Label: { ...textStyle(30, { fontStyle: 'bold' }), color: 0xffffffff },
    },
    // Info during an ad: why this ad, over the picture, without leaving the title.
    AdWhy: {
      x: theme.safe.x,
      y: 130,
      visible: false,
      Backdrop: { w: 1140, h: 420, rect: true, color: 0xe6101820 },
      Title: { x: 32, y: 24, ...textStyle(34, { fontStyle: 'bold' }), color: 0xffffffff },
      Intro: {
        x: 32,
        y: 80,
        ...textStyle(26, { wordWrapWidth: 1076, maxLines: 4, lineHeight: 36 }),
      },
      Segments: {
        x: 32,
        y: 236,
        color: theme.colors.accent,
        ...textStyle(26, { fontStyle: 'bold', wordWrapWidth: 1076, maxLines: 2, lineHeight: 36 }),
      },
      How: {
        x: 32,
        y: 320,
        color: theme.colors.textDim,
        ...textStyle(24, { wordWrapWidth: 1076, maxLines: 2, lineHeight: 32 }),
      },
    },
    AdSkip: {
      x: 1920 - theme.safe.x,
      y: 900,
      mountX: 1,
      visible: false,
      Label: { mountX: 1, ...textStyle(30, { fontStyle: 'bold' }), color: theme.colors.accent },
    },
    // High enough that subtitles lifted above the controls (LIFTED_CUE_LINE) show below it.
    Menu: { x: 960, y: 180, mountX: 0.5, type: TrackMenu, visible: false },
    Next: { x: 1920 - theme.safe.x, y: 700, mountX: 1, type: Countdown, visible: false },
    ErrorPanel: {
      visible: false,
      w: 1920,
      h: 1080,
      rect: true,
      color: 0xee0b0f14,
      Title: { x: 960, y: 360, mountX: 0.5, ...textStyle(52, { fontStyle: 'bold' }) },
      Help: {
        x: 960,
        y: 440,
        mountX: 0.5,
        color: theme.colors.textDim,
        ...textStyle(30, { wordWrapWidth: 1400, textAlign: 'center' }),
      },
      Detail: { x: 960, y: 530, mountX: 0.5, color: 0xff6b7785, ...textStyle(22) },
      Buttons: { x: 960, y: 600, mountX: 0.5, type: ButtonRow },
    },
    // A live channel's banner, typed digits and channel list; above the error screen, so that a
    // number typed to leave a channel that failed shows over it.
    LiveLayer: { type: LiveLayer },
    Missing: { type: NotFound, visible: false },
    // A channel number typed over a locked channel's screen, where the live layer is stopped.
    HeldDigits: channelDigitsTemplate(),
  }
}
