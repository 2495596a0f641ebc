import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import { theme, textStyle } from '../theme'
import type { HeroModel } from './heroModel'

const BACKDROP = { w: 1440, h: 810 }

/** The billboard: the focused title's backdrop and its essentials. Not focusable. */
export default class Hero extends Lightning.Component {
  private _model?: HeroModel

  static override _template(): Lightning.Component.Template {
    return {
      Backdrop: { x: 1920 - BACKDROP.w, w: BACKDROP.w, h: BACKDROP.h, alpha: 0.001 },
      FadeLeft: {
        x: 1920 - BACKDROP.w,
        w: 760,
        h: BACKDROP.h,
        rect: true,
        colorLeft: theme.colors.background,
        colorRight: 0x000b0f14,
      },
      FadeBottom: {
        y: BACKDROP.h - 360,
        w: 1920,
        h: 360,
        rect: true,
        colorTop: 0x000b0f14,
        colorBottom: theme.colors.background,
      },
      // A flex column, so a one-line title does not leave a hole where a second line would be.
      Info: {
        x: theme.safe.x,
        y: 130,
        w: 900,
        flex: { direction: 'column' },
        Brand: {
          color: theme.colors.accent,
          ...textStyle(24, { fontStyle: 'bold', letterSpacing: 3 }),
        },
        Title: {
          flexItem: { marginTop: 6 },
          ...textStyle(68, {
            fontStyle: 'bold',
            wordWrapWidth: 900,
            maxLines: 2,
            textOverflow: 'ellipsis',
            lineHeight: 78,
          }),
        },
        Meta: { flexItem: { marginTop: 8 }, color: theme.colors.textDim, ...textStyle(26) },
        Synopsis: {
          flexItem: { marginTop: 14 },
          ...textStyle(28, {
            wordWrapWidth: 860,
            maxLines: 3,
            textOverflow: 'ellipsis',
            lineHeight: 38,
          }),
        },
        Offer: {
          flexItem: { marginTop: 14 },
          color: theme.colors.accent,
          ...textStyle(26, { fontStyle: 'bold' }),
        },
      },
    }
  }

  set model(model: HeroModel) {
    const sameTitle = this._model?.id === model.id
    this._model = model
    this.tag('Info.Brand').text.text = model.brand
    this.tag('Info.Title').text.text = model.title
    this.tag('Info.Meta').text.text = model.meta
    this.tag('Info.Synopsis').text.text = model.synopsis
    this.tag('Info.Offer').text.text = model.offer
    if (!sameTitle) {
      const backdrop = this.tag('Backdrop')
      backdrop.alpha = 0.001
      backdrop.texture = { type: Lightning.textures.ImageTexture, src: model.backdrop }
    }
  }

  get model(): HeroModel | undefined {
    return this._model
  }

  override _init(): void {
    const backdrop = this.tag('Backdrop')
    backdrop.on('txLoaded', () => {
      backdrop.setSmooth('alpha', 1, { duration: theme.duration.fade })
      fireUp(this, '$artworkLoaded', 'backdrop')
    })
  }
}
