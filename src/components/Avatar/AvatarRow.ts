import { Lightning } from '@lightningjs/sdk'
import { fireUp } from '../fire'
import Avatar from './Avatar'
import { AVATAR_SIZE } from './Avatar.styles'
import type { AvatarModel } from './avatarModel'

const GAP = 80

/**
 * Profiles side by side. Left/Right move between them (the key bubbles at either end); OK fires
 * `$avatarChosen(id)`. The focused index is kept while focus is elsewhere, and a new list keeps
 * the same profile focused when it is still there.
 */
export default class AvatarRow extends Lightning.Component {
  private _models: AvatarModel[] = []
  private _index = 0

  static override _template(): Lightning.Component.Template {
    return { h: AVATAR_SIZE, Items: {} }
  }

  set models(models: AvatarModel[]) {
    const focusedId = this.focusedId
    this._models = models
    this.tag('Items').children = models.map((model, i) => ({
      type: Avatar,
      x: i * (AVATAR_SIZE + GAP),
      model,
    }))
    this.w = Math.max(0, models.length * (AVATAR_SIZE + GAP) - GAP)
    const kept = models.findIndex((model) => model.id === focusedId)
    this._index = kept >= 0 ? kept : Math.min(this._index, Math.max(0, models.length - 1))
    this._refocus()
  }

  get models(): AvatarModel[] {
    return this._models
  }

  get focusedId(): string | undefined {
    return this._models[this._index]?.id
  }

  focusOn(id: string): void {
    const index = this._models.findIndex((model) => model.id === id)
    if (index < 0) return
    this._index = index
    this._refocus()
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.tag('Items').children[this._index] as Avatar | undefined
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false
    this._index--
    this._refocus()
    return true
  }

  override _handleRight(): boolean {
    if (this._index >= this._models.length - 1) return false
    this._index++
    this._refocus()
    return true
  }

  override _handleEnter(): boolean {
    const id = this.focusedId
    if (id === undefined) return false
    fireUp(this, '$avatarChosen', id)
    return true
  }
}
