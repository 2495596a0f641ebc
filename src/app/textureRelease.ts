import { Lightning } from '@lightningjs/sdk'

// Lightning's element internals this fix reads (not in its type declarations).
interface TextureHolder {
  __active: boolean
  __texture: Lightning.Texture | null
  __displayedTexture: Lightning.Texture | null
  _setDisplayedTexture(texture: Lightning.Texture | null): void
  _unsetActiveFlag: (this: TextureHolder) => void
}

let installed = false

/**
 * Fixes a texture that stays "in use" for good in Lightning core 2.20. An element that is given a
 * new texture keeps drawing the old one until the new one loads. If the element goes inactive in
 * between (its screen is left, it scrolls out of view), core clears the active flag first and
 * then drops the old texture, so the old texture's active count is never decremented: its source
 * stays used, Lightning's texture GC never frees it, and every such image stays in GPU memory for
 * the life of the app. Seen in the soak as the billboard's backdrops (one ~2 MB texture per
 * title focused just before leaving home) piling up.
 *
 * The fix drops the stale displayed texture while the element is still active, so the count is
 * released the way core releases it when the new texture loads. Installed once at start.
 */
export function releaseStaleTexturesOnDeactivate(
  element: { prototype: object } = Lightning.Element,
): void {
  if (installed) return
  installed = true
  const proto = element.prototype as TextureHolder
  const unsetActive = proto._unsetActiveFlag
  proto._unsetActiveFlag = function (this: TextureHolder) {
    const displayed = this.__displayedTexture
    if (this.__active && displayed && displayed !== this.__texture) this._setDisplayedTexture(null)
    unsetActive.call(this)
  }
}
