import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import { theme, textStyle } from '../theme'

export interface EpisodeTileModel {
  id: string
  heading: string
  title: string
  duration: string
  synopsis: string
}

export const EPISODE_TILE = { w: 400, h: 190 }

/** An episode card: number, title, duration and a line of synopsis. Handles no keys. */
export default class EpisodeTile extends Lightning.Component {
  private _model?: EpisodeTileModel

  static override _template(): Lightning.Component.Template {
    const text = (fontSize: number, extra: Record<string, unknown> = {}) =>
      textStyle(fontSize, { wordWrapWidth: EPISODE_TILE.w - 48, ...extra })
    return {
      w: EPISODE_TILE.w,
      h: EPISODE_TILE.h,
      rect: true,
      color: theme.colors.surface,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 14 },
      Heading: { x: 24, y: 20, color: theme.colors.accent, ...text(22, { fontStyle: 'bold' }) },
      Title: {
        x: 24,
        y: 52,
        ...text(28, {
          fontStyle: 'bold',
          maxLines: 1,
          textOverflow: 'ellipsis',
          maxLinesSuffix: '…',
        }),
      },
      Synopsis: {
        x: 24,
        y: 94,
        color: theme.colors.textDim,
        ...text(22, { maxLines: 2, textOverflow: 'ellipsis', maxLinesSuffix: '…', lineHeight: 30 }),
      },
      Duration: { x: 24, y: 154, color: theme.colors.textDim, ...text(20) },
    }
  }

  set model(model: EpisodeTileModel) {
    this._model = model
    this.tag('Heading').text.text = model.heading
    this.tag('Title').text.text = model.title
    this.tag('Synopsis').text.text = model.synopsis
    this.tag('Duration').text.text = model.duration
  }

  get model(): EpisodeTileModel | undefined {
    return this._model
  }

  /** Focused, the card says its number, title and duration (the synopsis is for the eyes). */
  get announcement(): Announceable | undefined {
    const model = this._model
    return model ? { kind: 'item', parts: [model.heading, model.title, model.duration] } : undefined
  }

  override _focus(): void {
    this.patch({ color: theme.colors.surfaceFocused, smooth: { scale: 1.05 } })
    this.tag('Title').color = theme.colors.textOnFocus
    this.tag('Synopsis').color = theme.colors.textDimOnFocus
  }

  override _unfocus(): void {
    this.patch({ color: theme.colors.surface, smooth: { scale: 1 } })
    this.tag('Title').color = theme.colors.text
    this.tag('Synopsis').color = theme.colors.textDim
  }
}
