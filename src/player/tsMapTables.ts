import { carriesProgramTable, isTransportStream } from './packedAudioTs'

/**
 * HLS TS segments (video `.ts`, or packed audio `.aac` holding TS packets) whose program tables,
 * the PAT and PMT that say which packets carry which stream, are written once in the playlist's
 * EXT-X-MAP initialisation segment rather than at the start of every segment. RFC 8216 (4.3.2.5)
 * allows it, and some packagers do it. Shaka ignores EXT-X-MAP for TS and packed audio, so those
 * segments reach its transmuxers without tables, and their sound cannot be found (3016). The
 * player puts the map's bytes in front of such a segment, as a decoder that read the map would
 * have them.
 */

/** Where an EXT-X-MAP's bytes are: its URI and, with BYTERANGE, an inclusive byte range. */
export interface MapRequest {
  url: string
  range?: [number, number]
}

/** Segments Shaka reads without an initialisation segment, by their name's extension. */
const WITHOUT_INIT = /\.(ts|aac|ac3|ec3|mp3)$/i

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`[:,]${name}="([^"]*)"`).exec(tag)?.[1]

/** "length@offset" of a BYTERANGE as an inclusive range (a map's offset defaults to 0). */
function byteRange(text: string | undefined): [number, number] | undefined {
  const match = /^(\d+)(?:@(\d+))?$/.exec(text ?? '')
  if (!match) return undefined
  const start = Number(match[2] ?? 0)
  return [start, start + Number(match[1]) - 1]
}

/**
 * The EXT-X-MAP in force for each TS or packed audio segment of a media playlist, by the
 * segment's absolute URL; empty for a playlist without maps (the common case).
 */
export function mapsOfPlaylist(text: string, playlistUrl: string): Map<string, MapRequest> {
  const maps = new Map<string, MapRequest>()
  if (!text.includes('#EXT-X-MAP')) return maps
  let map: MapRequest | undefined
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line.startsWith('#EXT-X-MAP:')) {
      const uri = attribute(line, 'URI')
      const range = byteRange(attribute(line, 'BYTERANGE'))
      map = uri ? { url: new URL(uri, playlistUrl).href, ...(range ? { range } : {}) } : undefined
    } else if (line && !line.startsWith('#') && map) {
      const url = new URL(line, playlistUrl).href
      if (WITHOUT_INIT.test(new URL(url).pathname)) maps.set(url, map)
    }
  }
  return maps
}

/**
 * The segment with its map's program tables in front, or null when it needs none: not TS, or
 * carrying its own tables, or a map that holds none.
 */
export function withMapTables(segment: Uint8Array, map: Uint8Array): Uint8Array | null {
  if (!isTransportStream(segment) || carriesProgramTable(segment)) return null
  if (!isTransportStream(map) || !carriesProgramTable(map)) return null
  const joined = new Uint8Array(map.length + segment.length)
  joined.set(map)
  joined.set(segment, map.length)
  return joined
}

/** The maps of the playlists read so far, and the bytes of those already fetched. */
export class TsMapTables {
  private byPlaylist = new Map<string, Map<string, MapRequest>>()
  private bytes = new Map<string, Promise<Uint8Array | null>>()

  /** Whether any playlist read has a map for such segments: else segments are not looked at. */
  get active(): boolean {
    return this.byPlaylist.size > 0
  }

  /** Notes a media playlist's maps; a live playlist's refresh replaces its earlier ones. */
  playlist(text: string, url: string): void {
    const maps = mapsOfPlaylist(text, url)
    if (maps.size) this.byPlaylist.set(url, maps)
    else this.byPlaylist.delete(url)
  }

  /**
   * `segment` with its map's tables in front when it lacks them, else null. The map is fetched
   * once; when it cannot be, the segment goes on as it came (and fails as it did).
   */
  async mend(
    segmentUrl: string,
    segment: Uint8Array,
    fetch: (map: MapRequest) => Promise<Uint8Array>,
  ): Promise<Uint8Array | null> {
    if (!this.active || !isTransportStream(segment) || carriesProgramTable(segment)) return null
    let map: MapRequest | undefined
    for (const maps of this.byPlaylist.values()) map ??= maps.get(segmentUrl)
    if (!map) return null
    const key = `${map.url}#${map.range?.join('-') ?? ''}`
    if (!this.bytes.has(key))
      this.bytes.set(
        key,
        fetch(map).catch(() => null),
      )
    const bytes = await this.bytes.get(key)!
    return bytes && withMapTables(segment, bytes)
  }

  clear(): void {
    this.byPlaylist.clear()
    this.bytes.clear()
  }
}
