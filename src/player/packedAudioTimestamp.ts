/**
 * HLS packed audio (bare ADTS .aac segments) without the ID3 timestamp RFC 8216 (3.4) asks for.
 * Exports cut with a plain segmenter carry none, and Shaka then dates each segment by its *end*
 * in the playlist: the sound lands one segment late, the first seconds have no sound and the
 * player jumps over them. Such a segment is given the timestamp the playlist says it starts at,
 * in the ID3 form Shaka reads, before Shaka's own transmuxer sees it.
 */
import type { Shaka } from './loadShaka'
import { adtsFromTransportStream } from './packedAudioTs'

const OWNER = 'com.apple.streaming.transportStreamTimestamp'
const PES_CLOCK = 90_000

/** Whether `bytes` starts with an ID3v2 tag ('ID3', version, flags, a syncsafe size). */
export function startsWithId3(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 10 &&
    bytes[0] === 0x49 &&
    bytes[1] === 0x44 &&
    bytes[2] === 0x33 &&
    bytes[3]! < 0xff &&
    bytes[4]! < 0xff &&
    bytes[6]! < 0x80 &&
    bytes[7]! < 0x80 &&
    bytes[8]! < 0x80 &&
    bytes[9]! < 0x80
  )
}

const syncsafe = (size: number): number[] => [
  (size >> 21) & 0x7f,
  (size >> 14) & 0x7f,
  (size >> 7) & 0x7f,
  size & 0x7f,
]

/**
 * An ID3v2.4 tag with one PRIV frame holding `seconds` as a 33-bit 90 kHz timestamp, as an
 * HLS packager writes it before a packed audio segment.
 */
export function id3Timestamp(seconds: number): Uint8Array {
  const ticks = Math.round(Math.max(0, seconds) * PES_CLOCK) % 2 ** 33
  const high = Math.floor(ticks / 2 ** 32)
  const low = ticks % 2 ** 32
  const owner = [...OWNER].map((char) => char.charCodeAt(0))
  const payload = [
    ...owner,
    0,
    0,
    0,
    0,
    high,
    (low >>> 24) & 0xff,
    (low >>> 16) & 0xff,
    (low >>> 8) & 0xff,
    low & 0xff,
  ]
  const frame = [0x50, 0x52, 0x49, 0x56, ...syncsafe(payload.length), 0, 0, ...payload]
  return Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, ...syncsafe(frame.length), ...frame])
}

/** `segment` as Shaka should read it: dated at `startSeconds` unless it dates itself. */
export function withStartTimestamp(segment: Uint8Array, startSeconds: number): Uint8Array {
  if (startsWithId3(segment)) return segment
  const tag = id3Timestamp(startSeconds)
  const dated = new Uint8Array(tag.length + segment.length)
  dated.set(tag)
  dated.set(segment, tag.length)
  return dated
}

const toBytes = (data: ArrayBuffer | ArrayBufferView): Uint8Array =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/**
 * A packed audio segment as Shaka's AAC transmuxer should read it: the ADTS frames of one written
 * as TS (packedAudioTs.ts), dated at `startSeconds` unless it dates itself.
 */
export function packedAudioSegment(segment: Uint8Array, startSeconds: number): Uint8Array {
  return withStartTimestamp(adtsFromTransportStream(segment) ?? segment, startSeconds)
}

/**
 * Puts a transmuxer for 'audio/aac' in front of Shaka's own, at the application's priority,
 * that dates undated segments, takes the sound out of TS ones and hands everything else on
 * unchanged.
 */
export function datePackedAudio(shaka: Shaka): void {
  const engine = shaka.transmuxer.TransmuxerEngine
  const mimeType = 'audio/aac'
  engine.registerTransmuxer(
    mimeType,
    () => {
      const inner = new shaka.transmuxer.AacTransmuxer(mimeType)
      return {
        convertCodecs: (contentType: string, type: string) =>
          inner.convertCodecs(contentType, type) as string,
        destroy: () => inner.destroy(),
        getOriginalMimeType: () => inner.getOriginalMimeType(),
        isSupported: (type: string, contentType?: string) => inner.isSupported(type, contentType),
        transmux: (data, stream, reference, duration) =>
          inner.transmux(
            reference ? packedAudioSegment(toBytes(data), reference.getStartTime()) : data,
            stream,
            reference,
            duration,
          ) as Promise<Uint8Array>,
      }
    },
    engine.PluginPriority.APPLICATION,
  )
}
