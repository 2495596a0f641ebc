import { Lightning, Router } from '@lightningjs/sdk'
import type { TextureKind, TextureOwner, TextureSourceInfo } from './textureAccount'

// Lightning's texture bookkeeping is not in its type declarations: the few fields read here.
interface CoreElement {
  parent: CoreElement | null
  ref: string | undefined
}
interface CoreTexture {
  elements: Set<CoreElement>
}
interface CoreTextureSource {
  lookupId: string | null
  w: number
  h: number
  textures: Set<CoreTexture>
  isUsed(): boolean
}
interface CoreTextureManager {
  _uploadedTextureSources?: CoreTextureSource[]
}

function kindOf(source: CoreTextureSource): TextureKind {
  const { textures } = Lightning
  for (const texture of source.textures) {
    if (texture instanceof textures.TextTexture) return 'text'
    if (texture instanceof textures.ImageTexture) return 'image'
    if (texture instanceof textures.RectangleTexture) return 'rectangle'
    if (texture instanceof textures.StaticCanvasTexture) return 'canvas'
    return 'other'
  }
  // No element shows it any more: tell images (a URL) from the rest by the lookup id.
  const id = source.lookupId ?? ''
  if (/^(https?:|data:|blob:|\.?\/|static\/)/.test(id) || /\.(jpe?g|png|webp|svg)(#|\?|$)/.test(id))
    return 'image'
  return id ? 'text' : 'other'
}

/** Which screen an element belongs to: the Router's active page, another page it keeps, or neither. */
function ownerOf(element: CoreElement, active: CoreElement | null): TextureOwner {
  const host = active?.parent ?? null
  let node: CoreElement | null = element
  while (node) {
    if (node === active) return 'page'
    if (host && node.parent === host) return 'left-page'
    node = node.parent
  }
  return 'app'
}

/** An element's place by refs, unnamed levels skipped: "Home.Rails.Rail.Tile.Image". */
function holderOf(element: CoreElement): string {
  const refs: string[] = []
  for (let node: CoreElement | null = element; node && refs.length < 8; node = node.parent)
    if (node.ref) refs.unshift(node.ref.replace(/\d+$/, ''))
  return refs.join('.')
}

/** The stage's uploaded texture sources, described for accountTextures(). */
export function readTextureSources(stage: Lightning.Stage): TextureSourceInfo[] {
  const manager = stage.textureManager as unknown as CoreTextureManager
  const active = Router.getActivePage() as unknown as CoreElement | null
  return (manager._uploadedTextureSources ?? []).map((source) => {
    const owners: TextureOwner[] = []
    let holder: string | undefined
    for (const texture of source.textures)
      for (const element of texture.elements) {
        owners.push(ownerOf(element, active))
        holder ??= holderOf(element)
      }
    return {
      holder,
      kind: kindOf(source),
      lookupId: source.lookupId,
      pixels: source.w * source.h,
      active: source.isUsed(),
      owners,
    }
  })
}
