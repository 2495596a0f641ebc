import { Lightning } from '@lightningjs/sdk'
import { formatClock } from '../../i18n/format'
import { textStyle, theme, SAFE_WIDTH } from '../theme'

export interface ProgressModel {
  position: number
  duration: number
  buffered: number
  /** A live stream: no total time, "LIVE" instead. */
  live?: boolean
  liveLabel?: string
  /** Ad breaks (seconds): a mark on the bar each, hidden once played (`markersPlayed`). */
  markers?: readonly number[]
}

export const PROGRESS_BAR = { w: SAFE_WIDTH, h: 8 }

/** Elapsed and total time, the played part and the buffered range ahead of it. Handles no keys. */
export default class ProgressBar extends Lightning.Component {
  static override _template(): Lightning.Component.Template {
    const { w, h } = PROGRESS_BAR
    return {
      w,
      h: h + 50,
      Elapsed: { y: 0, ...textStyle(28) },
      Total: { x: w, y: 0, mountX: 1, ...textStyle(28) },
      Track: { y: 46, w, h, rect: true, color: 0x44ffffff },
      Buffered: { y: 46, w: 0, h, rect: true, color: 0x88ffffff },
      Played: { y: 46, w: 0, h, rect: true, color: theme.colors.accent },
      Markers: { y: 42 },
    }
  }

  private _markers = ''

  set model(model: ProgressModel) {
    const { w } = PROGRESS_BAR
    const ratio = (t: number) =>
      model.duration > 0 ? Math.min(1, Math.max(0, t / model.duration)) : 0
    this.tag('Played').w = model.live ? w : w * ratio(model.position)
    this.tag('Buffered').w = model.live ? w : w * ratio(model.buffered)
    this.tag('Elapsed').text.text = model.live ? '' : formatClock(model.position)
    const markers = model.live || !(model.duration > 0) ? [] : (model.markers ?? [])
    const key = `${markers.join(',')}/${model.duration}`
    // Redrawn only when the breaks or the duration change, not on every time update.
    if (key !== this._markers) {
      this._markers = key
      this.tag('Markers').children = markers.map((at) => ({
        x: w * ratio(at) - 3,
        w: 6,
        h: PROGRESS_BAR.h + 8,
        rect: true,
        color: 0xffffd54a,
      }))
    }
    this.tag('Total').text.text = model.live
      ? (model.liveLabel ?? 'LIVE')
      : formatClock(model.duration)
  }
}
