/**
 * How many channels the first sound track of an ISO BMFF initialisation segment carries, read from
 * its decoder configuration: the AAC AudioSpecificConfig in `esds` (ISO/IEC 14496-3), AC-3's
 * `dac3` and E-AC-3's `dec3` (ETSI TS 102 366, annex F), Opus's `dOps`. The sample entry's own
 * `channelcount` is not trusted: the file format lets AC-3 and E-AC-3 write 2 there whatever they
 * hold, so it is used only for AAC whose configuration leaves the count to a program config
 * element. A DASH manifest may leave out AudioChannelConfiguration; the player reads the count
 * here instead (mpdChannels.ts).
 */

import {
  audioChildrenOffset,
  boxes,
  child,
  esDecoderConfig,
  fourcc,
  sampleEntries,
  type Box,
} from './isoBmff'

/** Channels of AAC's channelConfiguration values (0: given by a program config element). */
const AAC_CHANNELS: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  6: 6,
  7: 8,
  11: 7,
  12: 8,
  14: 8,
}
/** Full-bandwidth channels of AC-3 and E-AC-3's acmod values. */
const ACMOD_CHANNELS = [2, 1, 2, 3, 3, 4, 4, 5]
/**
 * Channels each bit of E-AC-3's chan_loc adds, most significant first: Lc/Rc, Lrs/Rrs, Cs, Ts,
 * Lsd/Rsd, Lw/Rw, Vhl/Vhr, Vhc, LFE2.
 */
const CHAN_LOC_CHANNELS = [2, 2, 1, 1, 2, 2, 2, 1, 1]

/** Reads `count` bits from `at` (a bit offset) of `bytes`, most significant first. */
function bits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0
  for (let i = 0; i < count; i++) {
    const bit = at + i
    value = value * 2 + (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1)
  }
  return value
}

/** The channelConfiguration of the AudioSpecificConfig in an `esds`, or undefined. */
function aacConfiguration(bytes: Uint8Array, esds: Box): number | undefined {
  const config = esDecoderConfig(bytes, esds)
  const specific = config?.objectType === 0x40 ? config.specific : undefined
  if (!specific || specific.end - specific.start < 2) return undefined
  const audioSpecific = bytes.subarray(specific.start, specific.end)
  // audioObjectType (5 bits, 31 escapes to 6 more), samplingFrequencyIndex (4 bits, 15 is
  // followed by a 24-bit frequency), then channelConfiguration (4 bits).
  let bit = bits(audioSpecific, 0, 5) === 31 ? 11 : 5
  bit += bits(audioSpecific, bit, 4) === 15 ? 28 : 4
  return bits(audioSpecific, bit, 4)
}

function aac(bytes: Uint8Array, entry: Box, childrenFrom: number): number | undefined {
  for (const box of boxes(bytes, childrenFrom, entry.end)) {
    if (box.type !== 'esds') continue
    const configuration = aacConfiguration(bytes, box)
    if (configuration === undefined) return undefined
    if (configuration !== 0) return AAC_CHANNELS[configuration]
    // A program config element names the channels: the sample entry's count is AAC's own.
    const count = new DataView(bytes.buffer, bytes.byteOffset).getUint16(entry.start + 16)
    return count > 0 ? count : undefined
  }
  return undefined
}

function ac3(bytes: Uint8Array, config: Box): number {
  // fscod (2), bsid (5), bsmod (3), acmod (3), lfeon (1).
  const at = config.start * 8
  return ACMOD_CHANNELS[bits(bytes, at + 10, 3)]! + bits(bytes, at + 13, 1)
}

function eac3(bytes: Uint8Array, config: Box): number {
  // data_rate (13), num_ind_sub (3); then the first independent substream: fscod (2), bsid (5),
  // reserved (1), asvc (1), bsmod (3), acmod (3), lfeon (1), reserved (3), num_dep_sub (4), and
  // chan_loc (9) when it has dependent substreams, whose channels extend the substream's.
  const at = config.start * 8 + 16
  let channels = ACMOD_CHANNELS[bits(bytes, at + 12, 3)]! + bits(bytes, at + 15, 1)
  if (bits(bytes, at + 19, 4) > 0) {
    const location = bits(bytes, at + 23, 9)
    CHAN_LOC_CHANNELS.forEach((added, i) => {
      if ((location >> (8 - i)) & 1) channels += added
    })
  }
  return channels
}

function entryChannels(bytes: Uint8Array, entry: Box): number | undefined {
  const from = entry.start + audioChildrenOffset(bytes, entry)
  let type = entry.type
  if (type === 'enca') {
    const sinf = child(bytes, entry, 'sinf', from - entry.start)
    const frma = sinf && child(bytes, sinf, 'frma')
    if (frma && frma.end - frma.start >= 4) type = fourcc(bytes, frma.start)
  }
  if (type === 'mp4a') return aac(bytes, entry, from)
  const configType = { 'ac-3': 'dac3', 'ec-3': 'dec3', Opus: 'dOps' }[type]
  if (!configType) return undefined
  for (const box of boxes(bytes, from, entry.end)) {
    if (box.type !== configType || box.end - box.start < 2) continue
    if (configType === 'dac3') return ac3(bytes, box)
    if (configType === 'dec3') return box.end - box.start >= 5 ? eac3(bytes, box) : undefined
    return bytes[box.start + 1]
  }
  return undefined
}

/** The channel count of the segment's first sound track, or undefined when it cannot be told. */
export function channelsOfInitSegment(bytes: Uint8Array): number | undefined {
  for (const entry of sampleEntries(bytes)) {
    const channels = entryChannels(bytes, entry)
    if (channels !== undefined) return channels
  }
  return undefined
}
