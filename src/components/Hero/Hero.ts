import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import { theme, textStyle } from '../theme'
import {
  cardColor,
  cardGradient,
  initialArtwork,
  nextArtwork,
  settledBy,
  type ArtworkEvent,
  type ArtworkShape,
  type ArtworkState,
} from '../Tile/artwork'
import type { HeroModel } from './heroModel'
import { decodeBox, SizedImageTexture } from '../Tile/sizedImage'
import { linesIn } from '../textFit'
import { titleColumnItems } from '../titleColumn'
import {
  BRAND,
  HERO_SYNOPSIS_LINES_UNMEASURED,
  heroSynopsisLines,
  INFO_TOP,
  INFO_WIDTH,
  META,
  OFFER,
  SYNOPSIS,
  TITLE,
} from './heroLayout'

/** The same colour fully transparent, so a fade into the background passes through no grey. */
const transparent = (argb: number) => (argb & 0x00ffffff) >>> 0

const BACKDROP = { w: 1440, h: 810 }
/**
 * The backdrop is decoded at two thirds of its drawn size and scaled up: its left half lies under
 * the fade and the text, and a billboard change then uploads about half the texels (1280x720
 * served, 960x540 uploaded), which is the frame a focus move would otherwise stall on.
 */
const BACKDROP_DECODE = 2 / 3
/** A poster shown on the right of the billboard when a title has no wide image. */
const KEY_ART = { w: 300, h: 450, y: 110, radius: 16 }

/**
 * The billboard: the focused title's backdrop and its essentials. Not focusable.
 *
 * Behind the backdrop sits a gradient coloured from the title id: it shows when there is no image
 * or the image fails, and behind a poster standing in as key art. The left and bottom fades cover
 * image and gradient alike, so the text always sits on the app's dark background.
 */
export default class Hero extends Lightning.Component {
  private _model?: HeroModel
  private _art: ArtworkState = { mode: 'card' }
  private _src = ''
  /** Lite mode (weak boxes) draws the gradient only and changes without a cross-fade. */
  private _drawsArtwork = true
  private _lite = false
  private _fadeIn = true

  static override _template(): Lightning.Component.Template {
    return {
      Fallback: { x: 1920 - BACKDROP.w, w: BACKDROP.w, h: BACKDROP.h, rect: true, alpha: 0 },
      Backdrop: { x: 1920 - BACKDROP.w, w: BACKDROP.w, h: BACKDROP.h, alpha: 0.001 },
      FadeLeft: {
        x: 1920 - BACKDROP.w,
        w: 760,
        h: BACKDROP.h,
        rect: true,
        colorLeft: theme.colors.background,
        colorRight: transparent(theme.colors.background),
      },
      // Over the backdrop only: left of it, the fade would blend the background into itself.
      FadeBottom: {
        x: 1920 - BACKDROP.w,
        y: BACKDROP.h - 360,
        w: BACKDROP.w,
        h: 360,
        rect: true,
        colorTop: transparent(theme.colors.background),
        colorBottom: theme.colors.background,
      },
      // Above the bottom fade: it ends above the rails, and a faded poster would look broken.
      KeyArt: {
        x: 1920 - theme.safe.x - KEY_ART.w,
        y: KEY_ART.y,
        w: KEY_ART.w,
        h: KEY_ART.h,
        alpha: 0.001,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: KEY_ART.radius },
      },
      // A flex column, so a one-line title does not leave a hole where a second line would be;
      // the synopsis's line count is fitted to the title's drawn height (heroLayout.ts), so the
      // offer line never reaches home's rails.
      Info: {
        x: theme.safe.x,
        y: INFO_TOP,
        w: INFO_WIDTH,
        flex: { direction: 'column' },
        ...titleColumnItems(
          { brand: BRAND, title: TITLE, meta: META, synopsis: SYNOPSIS },
          {
            titleWidth: INFO_WIDTH,
            synopsisWidth: 860,
            synopsisLines: HERO_SYNOPSIS_LINES_UNMEASURED,
          },
        ),
        Offer: {
          flexItem: { marginTop: OFFER.marginTop },
          color: theme.colors.accent,
          ...textStyle(OFFER.fontSize, { fontStyle: 'bold' }),
        },
      },
    }
  }

  set model(model: HeroModel) {
    const sameTitle = this._model?.id === model.id
    this._model = model
    this.tag('Info.Brand').text.text = model.brand
    if (this.tag('Info.Title').text.text !== model.title) {
      this.tag('Info.Title').text.text = model.title
      // Until the new title is drawn, the synopsis assumes it takes its two lines.
      this._fitSynopsis(HERO_SYNOPSIS_LINES_UNMEASURED)
    }
    this.tag('Info.Meta').text.text = model.meta
    this.tag('Info.Synopsis').text.text = model.synopsis
    this.tag('Info.Offer').text.text = model.offer
    if (!sameTitle) this._requestArtwork(model)
  }

  /** Set before the first model: a weak box's billboard has no image to decode and upload. */
  set lite(lite: boolean) {
    this._lite = lite
    this._drawsArtwork = !lite
  }

  /** Artwork fades in (false: it shows at once, as on home's first screen); lite never fades. */
  set fadeIn(fadeIn: boolean) {
    this._fadeIn = fadeIn
  }

  get model(): HeroModel | undefined {
    return this._model
  }

  /** What the billboard draws for its artwork right now (for tests and diagnostics). */
  get artworkState(): ArtworkState {
    return this._art
  }

  /** Where the text column is drawn (for tests: its bottom must stay above home's rails). */
  get layout(): { titleLines: number; synopsisLines: number; bottom: number } {
    const offer = this.tag('Info.Offer')
    const synopsis = this.tag('Info.Synopsis')
    return {
      titleLines: linesIn(TITLE, this.tag('Info.Title').renderHeight),
      synopsisLines: synopsis.visible ? linesIn(SYNOPSIS, synopsis.renderHeight) : 0,
      bottom: this.tag('Info').finalY + offer.finalY + offer.renderHeight,
    }
  }

  override _init(): void {
    // The title's height is known once drawn: one line leaves room for more synopsis than two.
    const title = this.tag('Info.Title')
    title.on('txLoaded', () => this._fitSynopsis(heroSynopsisLines(title.renderHeight)))
    for (const shape of ['landscape', 'portrait'] as const) {
      const element = this._imageFor(shape)
      element.on('txLoaded', (texture: Lightning.Texture) => {
        const source = texture.source
        const width = source?.getRenderWidth() ?? 0
        const height = source?.getRenderHeight() ?? 0
        this._advance(shape, { type: 'loaded', width, height })
      })
      element.on('txError', () => this._advance(shape, { type: 'failed' }))
    }
  }

  private _fitSynopsis(lines: number): void {
    const synopsis = this.tag('Info.Synopsis')
    // maxLines 0 would mean "no limit" to Lightning.
    synopsis.visible = lines > 0
    synopsis.text.maxLines = Math.max(lines, 1)
  }

  private _imageFor(shape: ArtworkShape): Lightning.Element {
    return this.tag(shape === 'landscape' ? 'Backdrop' : 'KeyArt')
  }

  private _texture(shape: ArtworkShape) {
    const box = shape === 'landscape' ? BACKDROP : KEY_ART
    return {
      type: SizedImageTexture,
      src: this._src,
      decode: decodeBox(shape, box, shape === 'landscape' ? BACKDROP_DECODE : 1),
      resizeMode: { type: 'cover' as const, w: box.w, h: box.h },
    }
  }

  private _requestArtwork(model: HeroModel): void {
    const artwork = this._drawsArtwork ? model.artwork : undefined
    this._art = initialArtwork(artwork)
    this._src = artwork?.src ?? ''
    this.tag('Fallback').patch(cardGradient(cardColor(model.id)))
    for (const shape of ['landscape', 'portrait'] as const) {
      const element = this._imageFor(shape)
      // Hidden at once (not faded) so the previous title's image never shows under the new text.
      element.setSmooth('alpha', 0.001, { duration: 0 })
      element.alpha = 0.001
      element.texture = artwork?.shape === shape ? this._texture(shape) : null
    }
    const fallback = this.tag('Fallback')
    const showFallback = this._art.mode === 'card' || artwork?.shape === 'portrait'
    fallback.setSmooth('alpha', showFallback ? 1 : 0, { duration: 0 })
    fallback.alpha = showFallback ? 1 : 0
    if (!artwork) fireUp(this, '$artworkFailed', 'backdrop')
  }

  private _advance(from: ArtworkShape, event: ArtworkEvent): void {
    const before = this._art
    // A report from the element not holding this title's image is stale.
    if (before.mode === 'card' || before.shape !== from) return
    const after = nextArtwork(before, event)
    this._art = after
    const element = this._imageFor(from)
    if (after.mode === 'card') {
      // No retry: the gradient is the billboard for this title.
      element.texture = null
    } else if (after.shape !== from) {
      // The image is not the shape the catalogue said: draw the already loaded image in the
      // other frame (the texture source is shared, so this costs no second request).
      element.texture = null
      this._imageFor(after.shape).texture = this._texture(after.shape)
    }
    this._render()
    const outcome = settledBy(before, after)
    if (outcome)
      fireUp(this, outcome === 'loaded' ? '$artworkLoaded' : '$artworkFailed', 'backdrop')
  }

  private _render(): void {
    const art = this._art
    const fade = { duration: this._fadeIn && !this._lite ? theme.duration.fade : 0 }
    const shown = (shape: ArtworkShape) => art.mode === 'image' && art.shape === shape
    this.tag('Backdrop').setSmooth('alpha', shown('landscape') ? 1 : 0.001, fade)
    this.tag('KeyArt').setSmooth('alpha', shown('portrait') ? 1 : 0.001, fade)
    const fallback = art.mode === 'card' || art.shape === 'portrait'
    this.tag('Fallback').setSmooth('alpha', fallback ? 1 : 0, fade)
  }
}
