import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import { theme } from '../theme'
import { badgeColor, TILE, tileScale, tileTitleColor } from './Tile.styles'
import type { TileModel } from './tileModel'

/**
 * A poster tile: artwork, offer badge and title. It handles no keys; its rail does. The poster is
 * only requested while the tile exists, and tiles only exist near the viewport (see Rail).
 */
export default class Tile extends Lightning.Component {
  private _model?: TileModel

  static override _template(): Lightning.Component.Template {
    return {
      w: TILE.w,
      h: TILE.h,
      pivotY: 0.5,
      Frame: {
        x: -6,
        y: -6,
        w: TILE.w + 12,
        h: TILE.h + 12,
        rect: true,
        color: theme.colors.accent,
        alpha: 0,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: TILE.radius + 6 },
      },
      Poster: {
        w: TILE.w,
        h: TILE.h,
        rect: true,
        color: theme.colors.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: TILE.radius },
        Image: { w: TILE.w, h: TILE.h, alpha: 0.001 },
      },
      Badge: {
        x: 12,
        y: 12,
        h: 30,
        rect: true,
        visible: false,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: 8 },
        Label: {
          x: 10,
          y: 16,
          mountY: 0.5,
          text: { text: '', fontFace: theme.font, fontSize: 18, fontStyle: 'bold' },
        },
      },
      Title: {
        y: TILE.h + TILE.titleGap,
        w: TILE.w,
        text: {
          text: '',
          fontFace: theme.font,
          fontSize: 22,
          wordWrapWidth: TILE.w,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }
  }

  set model(model: TileModel) {
    if (this._model && this._model.id === model.id && this._model.title === model.title) {
      if (this._model.badge?.label === model.badge?.label) return
    }
    const sameImage = this._model?.poster === model.poster
    this._model = model
    if (!sameImage) {
      const image = this.tag('Poster.Image')
      image.alpha = 0.001
      image.texture = { type: Lightning.textures.ImageTexture, src: model.poster }
    }
    this.tag('Title').text.text = model.title
    const badge = this.tag('Badge')
    if (model.badge) {
      badge.patch({ visible: true, color: badgeColor(model.badge.offerType) })
      badge.tag('Label').text.text = model.badge.label
      // A first guess until the text texture reports its real width.
      badge.w = model.badge.label.length * 11 + 20
    } else {
      badge.visible = false
    }
  }

  get model(): TileModel | undefined {
    return this._model
  }

  override _init(): void {
    const image = this.tag('Poster.Image')
    image.on('txLoaded', () => {
      image.setSmooth('alpha', 1, { duration: theme.duration.fade })
      fireUp(this, '$artworkLoaded', 'poster')
    })
    const label = this.tag('Badge.Label')
    label.on('txLoaded', () => (this.tag('Badge').w = label.renderWidth + 20))
    this._applyFocus(false)
  }

  override _focus(): void {
    this._applyFocus(true)
  }

  override _unfocus(): void {
    this._applyFocus(false)
  }

  private _applyFocus(focused: boolean): void {
    this.setSmooth('scale', tileScale(focused), { duration: theme.duration.focus })
    this.tag('Frame').setSmooth('alpha', focused ? 1 : 0, { duration: theme.duration.focus })
    this.tag('Title').color = tileTitleColor(focused)
  }
}
