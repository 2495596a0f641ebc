/**
 * The RFC 6381 codec strings of the tracks in an ISO BMFF initialisation segment (its `moov`), or
 * of a WebM header, read from the bytes themselves. A DASH manifest may leave out `@codecs` (it is
 * optional in ISO/IEC 23009-1), but the engine's MediaSource wants them before it accepts a
 * SourceBuffer: the player reads them from the stream's first bytes instead (see mpdCodecs.ts).
 */

import {
  audioChildrenOffset,
  child,
  esDecoderConfig,
  fourcc,
  sampleEntries,
  type Box,
} from './isoBmff'

/**
 * RFC 6381 codec strings of a picture (H.264 in its four sample-entry forms, HEVC, Dolby Vision,
 * VP8/VP9, AV1, MPEG-4 Part 2), as HLS CODECS and a file's `moov` name them.
 */
export const PICTURE_CODEC = /^(avc[1-4]|hvc1|hev1|dvh[1e]|dva[1v]|vp0?[89]|av01|mp4v)/i

/** Header bytes of a visual sample entry before its child boxes, after its 8-byte box header. */
const VISUAL_ENTRY_FIELDS = 78

const hex2 = (value: number): string => value.toString(16).padStart(2, '0')
const dec2 = (value: number): string => String(value).padStart(2, '0')

function avc(bytes: Uint8Array, entry: Box): string {
  const config = child(bytes, entry, 'avcC', VISUAL_ENTRY_FIELDS)
  if (!config || config.end - config.start < 4) return `${entry.type}.64001f`
  const at = config.start
  return `${entry.type}.${hex2(bytes[at + 1]!)}${hex2(bytes[at + 2]!)}${hex2(bytes[at + 3]!)}`
}

/** hvc1.<space><profile>.<compatibility, bits reversed>.<tier><level>.<constraints> */
function hevc(bytes: Uint8Array, entry: Box): string {
  const config = child(bytes, entry, 'hvcC', VISUAL_ENTRY_FIELDS)
  if (!config || config.end - config.start < 13) return `${entry.type}.1.6.L93.B0`
  const at = config.start
  const first = bytes[at + 1]!
  const space = ['', 'A', 'B', 'C'][first >> 6]
  const tier = first & 0x20 ? 'H' : 'L'
  const profile = first & 0x1f
  let flags = 0
  for (let i = 0; i < 4; i++) flags = (flags << 8) | bytes[at + 2 + i]!
  let reversed = 0
  for (let bit = 0; bit < 32; bit++) reversed = (reversed << 1) | ((flags >>> bit) & 1)
  const constraints = Array.from(bytes.subarray(at + 6, at + 12))
  while (constraints.length && constraints[constraints.length - 1] === 0) constraints.pop()
  const level = bytes[at + 12]!
  const parts = [entry.type, `${space}${profile}`, (reversed >>> 0).toString(16), `${tier}${level}`]
  return [...parts, ...constraints.map((c) => c.toString(16).toUpperCase())].join('.')
}

function vp9(bytes: Uint8Array, entry: Box): string {
  const config = child(bytes, entry, 'vpcC', VISUAL_ENTRY_FIELDS)
  // vpcC version 1: a full box header, then profile, level, and bit depth in the high nibble.
  if (!config || config.end - config.start < 7) return `${entry.type}.00.10.08`
  const at = config.start + 4
  return `${entry.type}.${dec2(bytes[at]!)}.${dec2(bytes[at + 1]!)}.${dec2(bytes[at + 2]! >> 4)}`
}

function av1(bytes: Uint8Array, entry: Box): string {
  const config = child(bytes, entry, 'av1C', VISUAL_ENTRY_FIELDS)
  if (!config || config.end - config.start < 3) return 'av01.0.04M.08'
  const at = config.start
  const profile = bytes[at + 1]! >> 5
  const level = bytes[at + 1]! & 0x1f
  const flags = bytes[at + 2]!
  const tier = flags & 0x80 ? 'H' : 'M'
  const depth = flags & 0x40 ? (profile === 2 && flags & 0x20 ? 12 : 10) : 8
  return `av01.${profile}.${dec2(level)}${tier}.${dec2(depth)}`
}

/** mp4a.<object type>[.<audio object type>] from the entry's `esds`. */
function mp4a(bytes: Uint8Array, entry: Box): string {
  const fallback = 'mp4a.40.2'
  const esds = child(bytes, entry, 'esds', audioChildrenOffset(bytes, entry))
  const config = esds && esDecoderConfig(bytes, esds)
  if (!config) return fallback
  if (config.objectType !== 0x40) return `mp4a.${hex2(config.objectType).toUpperCase()}`
  const specific = config.specific
  if (!specific) return fallback
  let audioObjectType = bytes[specific.start]! >> 3
  if (audioObjectType === 31 && specific.start + 1 < specific.end) {
    const bits = (bytes[specific.start]! << 8) | bytes[specific.start + 1]!
    audioObjectType = 32 + ((bits >> 5) & 0x3f)
  }
  return `mp4a.40.${audioObjectType}`
}

/** The format an encrypted entry (encv, enca) protects, from its `sinf/frma`. */
function originalFormat(bytes: Uint8Array, entry: Box, skip: number): string | undefined {
  const sinf = child(bytes, entry, 'sinf', skip)
  const frma = sinf && child(bytes, sinf, 'frma')
  return frma && frma.end - frma.start >= 4 ? fourcc(bytes, frma.start) : undefined
}

/** Entries whose codec string is read from their configuration box. */
const READERS: Record<string, (bytes: Uint8Array, entry: Box) => string> = {
  avc1: avc,
  avc3: avc,
  hvc1: hevc,
  hev1: hevc,
  vp09: vp9,
  av01: av1,
  mp4a,
}

/** Entries whose codec string is a fixed name. */
const NAMES: Record<string, string> = {
  vp08: 'vp8',
  Opus: 'opus',
  fLaC: 'flac',
  'ac-3': 'ac-3',
  'ec-3': 'ec-3',
  'ac-4': 'ac-4',
  wvtt: 'wvtt',
  stpp: 'stpp',
}

function entryCodec(bytes: Uint8Array, entry: Box): string | undefined {
  let type = entry.type
  if (type === 'encv' || type === 'enca') {
    const skip = type === 'encv' ? VISUAL_ENTRY_FIELDS : audioChildrenOffset(bytes, entry)
    const original = originalFormat(bytes, entry, skip)
    if (!original) return undefined
    type = original
    entry = { ...entry, type }
  }
  const read = READERS[type]
  return read ? read(bytes, entry) : NAMES[type]
}

/** Matroska CodecIDs as they appear in a WebM header, and what the engine calls them. */
const WEBM_CODECS: [string, string][] = [
  ['V_VP9', 'vp9'],
  ['V_VP8', 'vp8'],
  ['V_AV1', 'av01.0.04M.08'],
  ['A_OPUS', 'opus'],
  ['A_VORBIS', 'vorbis'],
]

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3]

function webmCodecs(bytes: Uint8Array): string[] {
  let text = ''
  const end = Math.min(bytes.length, 64 * 1024)
  for (let at = 0; at < end; at += 4096) {
    text += String.fromCharCode.apply(
      null,
      Array.from(bytes.subarray(at, Math.min(at + 4096, end))),
    )
  }
  return WEBM_CODECS.filter(([id]) => text.includes(id)).map(([, codec]) => codec)
}

/** Every track's codec string, in the order of the tracks; empty when nothing could be read. */
export function codecsOfInitSegment(bytes: Uint8Array): string[] {
  if (EBML_MAGIC.every((byte, i) => bytes[i] === byte)) return webmCodecs(bytes)
  return sampleEntries(bytes)
    .map((entry) => entryCodec(bytes, entry))
    .filter((codec): codec is string => codec !== undefined)
}
