/**
 * What the player's readers of ISO BMFF initialisation segments share (mp4Codecs.ts for codec
 * strings, mp4Channels.ts for channel counts): boxes, sample entries and the MPEG-4 `esds`.
 */

export interface Box {
  type: string
  /** Where the box's content starts (after its header) and where the box ends. */
  start: number
  end: number
}

/** The boxes that hold the ones on the way to a track's sample descriptions. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'sinf'])

/** Header bytes of an audio sample entry before its child boxes, after its 8-byte box header. */
const AUDIO_ENTRY_FIELDS = 28
/** QuickTime sound descriptions version 1 and 2 carry more fields before their child boxes. */
const AUDIO_EXTRA_BY_VERSION: Record<number, number> = { 1: 16, 2: 36 }

export const fourcc = (bytes: Uint8Array, at: number): string =>
  String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)

export function* boxes(bytes: Uint8Array, from: number, to: number): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = from
  while (at + 8 <= to) {
    let size = view.getUint32(at)
    let header = 8
    if (size === 1) {
      if (at + 16 > to) return
      // Not getBigUint64: the engines of older boxes have no BigInt.
      size = view.getUint32(at + 8) * 2 ** 32 + view.getUint32(at + 12)
      header = 16
    } else if (size === 0) size = to - at
    if (size < header) return
    // A box cut off at the end of what was fetched still gives what it holds so far.
    yield { type: fourcc(bytes, at + 4), start: at + header, end: Math.min(at + size, to) }
    at += size
  }
}

export function child(bytes: Uint8Array, box: Box, type: string, skip = 0): Box | undefined {
  for (const inner of boxes(bytes, box.start + skip, box.end)) if (inner.type === type) return inner
  return undefined
}

/** The sample entries of every track's `stsd`, in track order. */
export function sampleEntries(bytes: Uint8Array): Box[] {
  const found: Box[] = []
  const walk = (from: number, to: number): void => {
    for (const box of boxes(bytes, from, to)) {
      if (CONTAINERS.has(box.type)) walk(box.start, box.end)
      // stsd is a full box (4 bytes of version and flags) with a 4-byte entry count.
      else if (box.type === 'stsd') found.push(...boxes(bytes, box.start + 8, box.end))
    }
  }
  walk(0, bytes.length)
  return found
}

/** How far into an audio sample entry its child boxes start (its version says). */
export function audioChildrenOffset(bytes: Uint8Array, entry: Box): number {
  const version = new DataView(bytes.buffer, bytes.byteOffset).getUint16(entry.start + 8)
  return AUDIO_ENTRY_FIELDS + (AUDIO_EXTRA_BY_VERSION[version] ?? 0)
}

/** Reads an MPEG-4 descriptor's tag and length; returns where its content starts and ends. */
export function descriptor(
  bytes: Uint8Array,
  at: number,
  end: number,
): { tag: number; start: number; end: number } | undefined {
  if (at >= end) return undefined
  const tag = bytes[at]!
  let length = 0
  let i = at + 1
  for (let n = 0; n < 4 && i < end; n++) {
    const byte = bytes[i++]!
    length = (length << 7) | (byte & 0x7f)
    if (!(byte & 0x80)) break
  }
  return { tag, start: i, end: Math.min(i + length, end) }
}

/**
 * The decoder configuration of an `esds` (ISO/IEC 14496-1): its object type, and where its
 * DecoderSpecificInfo (for AAC, the AudioSpecificConfig) lies when it has one.
 */
export function esDecoderConfig(
  bytes: Uint8Array,
  esds: Box,
): { objectType: number; specific?: { start: number; end: number } } | undefined {
  // A full box: 4 bytes of version and flags before the ES descriptor.
  const es = descriptor(bytes, esds.start + 4, esds.end)
  if (!es || es.tag !== 0x03) return undefined
  const flags = bytes[es.start + 2] ?? 0
  let at = es.start + 3
  if (flags & 0x80) at += 2
  if (flags & 0x40) at += 1 + (bytes[at] ?? 0)
  if (flags & 0x20) at += 2
  const decoder = descriptor(bytes, at, es.end)
  if (!decoder || decoder.tag !== 0x04) return undefined
  const objectType = bytes[decoder.start]!
  const specific = descriptor(bytes, decoder.start + 13, decoder.end)
  return specific && specific.tag === 0x05 && specific.start < specific.end
    ? { objectType, specific: { start: specific.start, end: specific.end } }
    : { objectType }
}
