/**
 * Texture accounting for the soak benchmark: what Lightning still holds as textures, grouped by
 * kind and origin, and who holds it. Pure: the Lightning side (textureProbe.ts) turns the stage's
 * texture sources into `TextureSourceInfo`s.
 */

export type TextureKind = 'image' | 'text' | 'rectangle' | 'canvas' | 'other'

/** Where an element that shows a texture sits. */
export type TextureOwner = 'page' | 'left-page' | 'app'

export interface TextureSourceInfo {
  kind: TextureKind
  /** Lightning's lookup id (an image's URL, with the decode size when sized), null when none. */
  lookupId: string | null
  /** Width x height: Lightning counts texture memory in pixels (RGBA: 4 bytes each). */
  pixels: number
  /** Drawn in the current frame's tree (an element within the viewport's margin). */
  active: boolean
  /** One entry per element showing the texture (enabled elements only, as Lightning tracks). */
  owners: TextureOwner[]
  /** The first such element's place in the tree, by refs ("Home.Rails.Rail.Tile.Image"). */
  holder?: string
}

export interface TextureGroup {
  group: string
  count: number
  pixels: number
  /** Sources drawn now. */
  active: number
  /** Shown by enabled elements that are out of view: kept while the element lives. */
  held: number
  /** Loaded with no element left: a cache Lightning frees only under memory pressure. */
  idle: number
  idlePixels: number
  /** Still shown by an element of a page the Router keeps but the user has left. */
  leftPage: number
  /** Where the elements that show this group's textures sit, most common first (at most 4). */
  holders: { holder: string; sources: number }[]
}

export interface TextureAccount {
  count: number
  pixels: number
  idle: number
  idlePixels: number
  leftPage: number
  groups: TextureGroup[]
}

/**
 * The group a source is counted under: images by folder and decode size ("image static/posters/
 * #w300"), so a cache that keeps every poster it ever showed stands out; text and shapes by kind.
 */
export function textureGroup(info: Pick<TextureSourceInfo, 'kind' | 'lookupId'>): string {
  if (info.kind !== 'image' || !info.lookupId) return info.kind
  const [url = '', size] = info.lookupId.split('#')
  const path = url.split('?')[0] ?? ''
  const folder = path.slice(0, path.lastIndexOf('/') + 1) || path
  // Data and blob URLs are one group each: their "folder" would be the whole payload.
  const origin = /^(data|blob):/.test(folder) ? folder.slice(0, folder.indexOf(':') + 1) : folder
  return size ? `image ${origin} #${size}` : `image ${origin}`
}

export function accountTextures(sources: readonly TextureSourceInfo[]): TextureAccount {
  const groups = new Map<string, TextureGroup>()
  const total: TextureAccount = {
    count: 0,
    pixels: 0,
    idle: 0,
    idlePixels: 0,
    leftPage: 0,
    groups: [],
  }
  for (const source of sources) {
    const name = textureGroup(source)
    let group = groups.get(name)
    if (!group) {
      group = {
        group: name,
        count: 0,
        pixels: 0,
        active: 0,
        held: 0,
        idle: 0,
        idlePixels: 0,
        leftPage: 0,
        holders: [],
      }
      groups.set(name, group)
    }
    if (source.holder) {
      const known = group.holders.find((h) => h.holder === source.holder)
      if (known) known.sources++
      else group.holders.push({ holder: source.holder, sources: 1 })
    }
    const idle = source.owners.length === 0
    const leftPage = source.owners.includes('left-page')
    group.count++
    group.pixels += source.pixels
    if (source.active) group.active++
    else if (idle) {
      group.idle++
      group.idlePixels += source.pixels
    } else group.held++
    if (leftPage) group.leftPage++
    total.count++
    total.pixels += source.pixels
    if (idle && !source.active) {
      total.idle++
      total.idlePixels += source.pixels
    }
    if (leftPage) total.leftPage++
  }
  for (const group of groups.values())
    group.holders = group.holders.sort((a, b) => b.sources - a.sources).slice(0, 4)
  total.groups = [...groups.values()].sort((a, b) => b.pixels - a.pixels)
  return total
}
