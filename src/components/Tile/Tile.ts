import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import { fireUp } from '../fire'
import { textWidth } from '../textMeasure'
import { theme } from '../theme'
import {
  cardColor,
  cardGradient,
  initialArtwork,
  nextArtwork,
  settledBy,
  type ArtworkShape,
  type ArtworkState,
} from './artwork'
import {
  badgeColor,
  cardTextLayout,
  fitCardTitle,
  hyphenateLongWords,
  imageFrame,
  TILE,
  tileScale,
  tileTitleColor,
} from './Tile.styles'
import type { TileModel } from './tileModel'
import { decodeBox, SizedImageTexture } from './sizedImage'

/** How a rail's tiles draw on this box (lite mode draws less); set before the first model. */
export interface TileLook {
  /** Posters are decoded at this share of their drawn size (with room for the focus zoom). */
  posterScale: number
  /** 'focused': only the focused tile shows its caption, one text texture per rail. */
  captions: 'all' | 'focused'
  /**
   * A loaded poster fades in (false: it shows at once). Home's first screen shows at once, as a
   * whole: a fade there only delays the moment the household sees a finished home.
   */
  fadeIn: boolean
}

const FULL_LOOK: TileLook = { posterScale: 1, captions: 'all', fadeIn: true }

type Outcome = 'loaded' | 'failed'

const sameArtwork = (a: TileModel['artwork'], b: TileModel['artwork']): boolean =>
  a?.src === b?.src && a?.shape === b?.shape

/**
 * A poster tile: artwork, offer badge and title. It handles no keys; its rail does. The poster is
 * only requested while the tile exists, and tiles only exist near the viewport (see Rail).
 *
 * The card under the image is coloured from the title id, so a tile is never a blank rectangle:
 * a poster covers it; a 16:9 image sits on its top with the title below; with no image, or one
 * that fails to load, the card itself carries the kind and the title. Tiles are recycled by the
 * rail, so everything here is reset by the next model.
 */
export default class Tile extends Lightning.Component {
  private _model?: TileModel
  private _art: ArtworkState = { mode: 'card' }
  private _look: TileLook = FULL_LOOK
  private _focused = false
  /** A settled outcome not yet reported because the tile was not in the tree yet. */
  private _unreported?: Outcome

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
        Image: {
          w: TILE.w,
          h: TILE.h,
          alpha: 0.001,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: TILE.radius },
        },
        Kind: {
          visible: false,
          color: theme.colors.accent,
          text: {
            text: '',
            fontFace: theme.font,
            fontSize: 16,
            fontStyle: 'bold',
            letterSpacing: 2,
          },
        },
        CardTitle: {
          visible: false,
          color: theme.colors.text,
          text: { text: '', fontFace: theme.font, fontSize: 28, fontStyle: 'bold' },
        },
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
          maxLinesSuffix: '…',
          wordBreak: true,
        },
      },
    }
  }

  set model(model: TileModel) {
    const previous = this._model
    if (
      previous &&
      previous.id === model.id &&
      previous.title === model.title &&
      previous.kind === model.kind &&
      previous.badge?.label === model.badge?.label &&
      sameArtwork(previous.artwork, model.artwork)
    ) {
      return
    }
    this._model = model
    if (previous?.id !== model.id) this.tag('Poster').patch(cardGradient(cardColor(model.id)))
    if (!previous || previous.id !== model.id || !sameArtwork(previous.artwork, model.artwork)) {
      this._requestArtwork(model)
    }
    this._renderCard()
    this.tag('Title').text.text = model.title
    this._renderBadge(model)
  }

  set look(look: TileLook) {
    const captionsChanged = look.captions !== this._look.captions
    this._look = look
    // Fades and decode size are read when the next image arrives; only captions show at once.
    // Home turns fades on at the first key for every tile it holds: that key redraws nothing.
    if (captionsChanged) this._applyFocus(this._focused)
  }

  get model(): TileModel | undefined {
    return this._model
  }

  /** What the announcer says when the tile gets focus (src/accessibility/phrases.ts words it). */
  get announcement(): Announceable | undefined {
    const model = this._model
    if (!model) return undefined
    return {
      kind: 'tile',
      title: model.title,
      kindLabel: model.kind,
      ...(model.badge ? { offer: model.badge.label } : {}),
      ...(model.rating ? { rating: model.rating } : {}),
    }
  }

  /** What the tile draws for its artwork right now (for tests and diagnostics). */
  get artworkState(): ArtworkState {
    return this._art
  }

  override _init(): void {
    const image = this.tag('Poster.Image')
    image.on('txLoaded', (texture: Lightning.Texture) => {
      const source = texture.source
      this._advance({
        type: 'loaded',
        width: source?.getRenderWidth() ?? 0,
        height: source?.getRenderHeight() ?? 0,
      })
    })
    image.on('txError', () => this._advance({ type: 'failed' }))
    // One listener for the tile's life: Lightning keeps an element's transition object, and its
    // settings change on each setSmooth, so a listener added per image would pile up.
    image.transition('alpha').on('finish', () => this._coverCard())
    const label = this.tag('Badge.Label')
    label.on('txLoaded', () => (this.tag('Badge').w = label.renderWidth + 20))
    this._applyFocus(false)
  }

  override _attach(): void {
    const pending = this._unreported
    this._unreported = undefined
    if (pending) this._report(pending)
  }

  override _focus(): void {
    this._applyFocus(true)
  }

  override _unfocus(): void {
    this._applyFocus(false)
  }

  private _requestArtwork(model: TileModel): void {
    this._art = initialArtwork(model.artwork)
    this._unreported = undefined
    this.tag('Poster').rect = true
    const image = this.tag('Poster.Image')
    // Stop a fade-in still running for the previous model's image.
    image.setSmooth('alpha', 0.001, { duration: 0 })
    image.alpha = 0.001
    if (model.artwork) {
      this._frameImage(model.artwork.shape)
      const cover = this._coverBox(model.artwork.shape)
      image.texture = {
        type: SizedImageTexture,
        src: model.artwork.src,
        decode: decodeBox(model.artwork.shape, cover, this._look.posterScale * tileScale(true)),
        resizeMode: { type: 'cover', ...cover },
      }
    } else {
      image.texture = null
      // Nothing to wait for: the card is the artwork, and counts as drawn.
      this._report('failed')
    }
  }

  private _advance(event: Parameters<typeof nextArtwork>[1]): void {
    const before = this._art
    const after = nextArtwork(before, event)
    this._art = after
    const image = this.tag('Poster.Image')
    if (after.mode === 'image') {
      if (before.mode !== 'card' && before.shape !== after.shape) this._reframe(after.shape)
      image.setSmooth('alpha', 1, { duration: this._look.fadeIn ? theme.duration.fade : 0 })
      this._coverCardOnceShown()
    } else if (after.mode === 'card' && before.mode !== 'card') {
      // Drop the failed texture so it is not re-reported each time the tile becomes visible.
      image.texture = null
      image.alpha = 0.001
      this._coverCard()
    }
    this._renderCard()
    const outcome = settledBy(before, after)
    if (outcome) this._report(outcome)
  }

  /**
   * An opaque poster filling the frame hides the card under it: the card is then not drawn at all,
   * a quad of fill less per tile in every frame (fill rate is what old boxes' GPUs lack most).
   * Checked once the image is fully shown, so a fade-in still starts from the card.
   */
  private _coverCardOnceShown(): void {
    // Shown at once (no fade, or off the stage); otherwise the fade's end calls _coverCard.
    if (this.tag('Poster.Image').alpha === 1) this._coverCard()
  }

  private _coverCard(): void {
    const image = this.tag('Poster.Image')
    const source = image.texture?.source as { hasAlpha?: boolean } | undefined
    const covered =
      this._art.mode === 'image' &&
      this._art.shape === 'portrait' &&
      image.alpha === 1 &&
      source?.hasAlpha === false
    this.tag('Poster').rect = !covered
  }

  /** The loaded image's proportions differ from what the catalogue said: crop it for its real shape. */
  private _reframe(shape: ArtworkShape): void {
    const image = this.tag('Poster.Image')
    this._frameImage(shape)
    const texture = image.texture
    if (texture) {
      // A new resize mode is applied over the old crop; clear that first.
      texture.disableClipping()
      texture.resizeMode = { type: 'cover', ...this._coverBox(shape) }
    }
  }

  private _frameImage(shape: ArtworkShape): void {
    const frame = imageFrame(shape)
    const image = this.tag('Poster.Image')
    image.patch({ w: frame.w, h: frame.h })
    // The template's shader is kept and only its corners change: tiles are recycled while the
    // household scrolls, and a new shader object per model would be garbage on that path.
    const shader = image.shader as unknown as { radius: number | number[] } | null
    if (shader) shader.radius = frame.radius
  }

  private _coverBox(shape: ArtworkShape): { w: number; h: number } {
    const frame = imageFrame(shape)
    return { w: frame.w, h: frame.h }
  }

  /** The card's own text, drawn only when no poster covers it. */
  private _renderCard(): void {
    const layout = cardTextLayout(this._art)
    const kind = this.tag('Poster.Kind')
    const title = this.tag('Poster.CardTitle')
    if (!layout || !this._model) {
      kind.visible = false
      title.visible = false
      return
    }
    kind.patch({
      visible: true,
      x: layout.x,
      y: layout.kindY,
      text: { text: this._model.kind.toUpperCase(), fontSize: layout.kindSize },
    })
    const fit = fitCardTitle(this._model.title, layout, (word, size) =>
      textWidth(word, theme.font, size, true),
    )
    title.patch({
      visible: true,
      x: layout.x,
      y: layout.titleY,
      text: {
        text: hyphenateLongWords(this._model.title, layout.wrapWidth, (text) =>
          textWidth(text, theme.font, fit.titleSize, true),
        ),
        fontSize: fit.titleSize,
        lineHeight: fit.lineHeight,
        maxLines: layout.maxLines,
        wordWrapWidth: layout.wrapWidth,
        textOverflow: 'ellipsis',
        maxLinesSuffix: '…',
        // A word wider than the card even at the smallest fit is broken, not drawn past it.
        wordBreak: true,
      },
    })
  }

  private _renderBadge(model: TileModel): void {
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

  /**
   * Tells the app a poster is settled, drawn or replaced by the card, so "home drawn" never waits
   * for an image that will not come. Events only travel once the tile is in the tree.
   */
  private _report(outcome: Outcome): void {
    if (!this.attached) {
      this._unreported = outcome
      return
    }
    fireUp(this, outcome === 'loaded' ? '$artworkLoaded' : '$artworkFailed', 'poster')
  }

  private _applyFocus(focused: boolean): void {
    this._focused = focused
    this.setSmooth('scale', tileScale(focused), { duration: theme.duration.focus })
    this.tag('Frame').setSmooth('alpha', focused ? 1 : 0, { duration: theme.duration.focus })
    const title = this.tag('Title')
    title.color = tileTitleColor(focused)
    // A hidden text element makes no texture: on a weak box only the focused caption is drawn.
    title.visible = focused || this._look.captions === 'all'
  }
}
