import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import { textStyle, theme } from '../theme'
import {
  AVATAR_SIZE,
  avatarDesign,
  avatarFocusStyle,
  avatarShapes,
  kidsBadgeFrame,
  RING_GAP,
} from './Avatar.styles'
import type { AvatarModel } from './avatarModel'

const RING = AVATAR_SIZE + RING_GAP * 2
const BADGE = kidsBadgeFrame()

/**
 * A profile's face, drawn by the renderer (no image file): a coloured disc with a pattern and the
 * name's initial, the name below, and a "Kids" marker on kids profiles. It handles no keys; the
 * row holding it does.
 */
export default class Avatar extends Lightning.Component {
  private _model?: AvatarModel

  static override _template(): Lightning.Component.Template {
    return {
      w: AVATAR_SIZE,
      h: AVATAR_SIZE,
      pivotY: 0.5,
      Ring: {
        x: -RING_GAP,
        y: -RING_GAP,
        w: RING,
        h: RING,
        rect: true,
        alpha: 0,
        color: theme.colors.accent,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RING / 2 },
      },
      Face: {
        w: AVATAR_SIZE,
        h: AVATAR_SIZE,
        rect: true,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: AVATAR_SIZE / 2 },
        Shapes: {},
        Initial: {
          x: AVATAR_SIZE / 2,
          y: AVATAR_SIZE / 2 + 4,
          mount: 0.5,
          ...textStyle(Math.round(AVATAR_SIZE * 0.46), { fontStyle: 'bold' }),
        },
      },
      Kids: {
        ...BADGE,
        visible: false,
        rect: true,
        color: theme.colors.accent,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: BADGE.h / 2 },
        Text: {
          x: BADGE.w / 2,
          y: BADGE.h / 2 + 2,
          mount: 0.5,
          color: theme.colors.textOnFocus,
          ...textStyle(Math.round(BADGE.h * 0.62), { fontStyle: 'bold' }),
        },
      },
      Name: {
        x: AVATAR_SIZE / 2,
        y: AVATAR_SIZE + 28,
        mountX: 0.5,
        ...textStyle(28, {
          textAlign: 'center',
          wordWrapWidth: AVATAR_SIZE + 60,
          maxLines: 1,
          maxLinesSuffix: '…',
        }),
      },
    }
  }

  set model(model: AvatarModel) {
    this._model = model
    this._renderFace(model)
    this._renderKids(model)
    this.tag('Name').text.text = model.label
  }

  get model(): AvatarModel | undefined {
    return this._model
  }

  /** Focused, the profile says its name, and that it is a kids profile. */
  get announcement(): Announceable | undefined {
    const model = this._model
    return model ? { kind: 'item', parts: [model.label, model.kidsLabel] } : undefined
  }

  override _init(): void {
    this._applyFocus(false)
  }

  override _focus(): void {
    this._applyFocus(true)
  }

  override _unfocus(): void {
    this._applyFocus(false)
  }

  private _renderFace(model: AvatarModel): void {
    const design = avatarDesign(model.design)
    this.tag('Face').color = design.background
    this.tag('Face.Initial').patch({ color: design.ink, text: { text: model.initial } })
    this.tag('Face.Shapes').children = avatarShapes(design).map((shape) => ({
      x: shape.x,
      y: shape.y,
      w: shape.w,
      h: shape.h,
      rotation: shape.rotation,
      rect: true,
      color: shape.stroke ? 0xffffffff : shape.color,
      shader: shape.stroke
        ? {
            type: Lightning.shaders.RoundedRectangle,
            radius: shape.radius,
            stroke: shape.stroke,
            strokeColor: shape.color,
            fillColor: 0x00000000,
          }
        : { type: Lightning.shaders.RoundedRectangle, radius: shape.radius },
    }))
  }

  private _renderKids(model: AvatarModel): void {
    const kids = this.tag('Kids')
    kids.visible = model.kidsLabel !== null
    kids.tag('Text').text.text = model.kidsLabel ?? ''
  }

  private _applyFocus(focused: boolean): void {
    const style = avatarFocusStyle(focused)
    this.patch({ scale: style.scale })
    this.tag('Ring').alpha = style.ringAlpha
    this.tag('Name').color = style.labelColor
  }
}
