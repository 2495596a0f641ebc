/**
 * HLS packed audio whose `.aac` segments hold MPEG-2 TS packets, as some packagers write an
 * audio-only TS rendition under the raw format's name. Shaka picks the transmuxer by the name,
 * and its AAC transmuxer fails on TS (3018). Handing the segment to its TS transmuxer instead
 * keeps the packets' own PTS, while the picture is placed by its playlist: the sound played 1.4 s
 * (ffmpeg's TS start) out of time. The ADTS frames are taken out of the TS here, so the segment
 * goes on as the bare packed audio it claims to be and is dated by its playlist like the picture.
 */

const PACKET = 188
const SYNC = 0x47
const PAT_PID = 0
/** ISO/IEC 13818-1 stream_type of AAC in ADTS (ISO/IEC 13818-7). */
const ADTS_AAC = 0x0f

/**
 * Whether `bytes` starts as MPEG-2 TS: a sync byte every 188 bytes over three packets, or over
 * all of a shorter run (an initialisation segment may hold only its PAT and PMT).
 */
export function isTransportStream(bytes: Uint8Array): boolean {
  const count = Math.min(3, Math.floor(bytes.length / PACKET))
  if (count === 0 || (count < 3 && bytes.length !== count * PACKET)) return false
  for (let i = 0; i < count; i++) if (bytes[i * PACKET] !== SYNC) return false
  return true
}

interface Packet {
  pid: number
  unitStart: boolean
  payload: Uint8Array
}

/** The packets of `bytes` that carry a payload; reading stops at the first lost sync. */
function packets(bytes: Uint8Array): Packet[] {
  const found: Packet[] = []
  for (let at = 0; at + PACKET <= bytes.length && bytes[at] === SYNC; at += PACKET) {
    const pid = ((bytes[at + 1]! & 0x1f) << 8) | bytes[at + 2]!
    const control = (bytes[at + 3]! >> 4) & 0x3
    if (!(control & 0x1)) continue
    const start = control & 0x2 ? at + 5 + bytes[at + 4]! : at + 4
    if (start >= at + PACKET) continue
    const unitStart = (bytes[at + 1]! & 0x40) !== 0
    found.push({ pid, unitStart, payload: bytes.subarray(start, at + PACKET) })
  }
  return found
}

/** A PSI section's body (after its 8-byte header, before its CRC), from a unit-start payload. */
function sectionBody(payload: Uint8Array, tableId: number): Uint8Array | null {
  const section = payload.subarray(1 + payload[0]!)
  if (section.length < 12 || section[0] !== tableId) return null
  const length = ((section[1]! & 0x0f) << 8) | section[2]!
  return section.subarray(8, Math.min(section.length, 3 + length - 4))
}

/** Whether TS `bytes` carry a program association table, which names the program's map. */
export const carriesProgramTable = (bytes: Uint8Array): boolean =>
  packets(bytes).some((packet) => packet.pid === PAT_PID && packet.unitStart)

/** The PID of the first program's map, from the program association table. */
function programMapPid(all: Packet[]): number | null {
  for (const packet of all) {
    if (packet.pid !== PAT_PID || !packet.unitStart) continue
    const body = sectionBody(packet.payload, 0x00)
    for (let at = 0; body && at + 4 <= body.length; at += 4) {
      const program = (body[at]! << 8) | body[at + 1]!
      // Program 0 names the network information table, not a program.
      if (program !== 0) return ((body[at + 2]! & 0x1f) << 8) | body[at + 3]!
    }
  }
  return null
}

/** The PID of the program's ADTS AAC stream, from its program map. */
function adtsPid(all: Packet[], pmtPid: number): number | null {
  for (const packet of all) {
    if (packet.pid !== pmtPid || !packet.unitStart) continue
    const body = sectionBody(packet.payload, 0x02)
    if (!body || body.length < 4) continue
    let at = 4 + (((body[2]! & 0x0f) << 8) | body[3]!)
    while (at + 5 <= body.length) {
      const type = body[at]!
      const pid = ((body[at + 1]! & 0x1f) << 8) | body[at + 2]!
      if (type === ADTS_AAC) return pid
      at += 5 + (((body[at + 3]! & 0x0f) << 8) | body[at + 4]!)
    }
  }
  return null
}

/** What a PES packet's start carries after its header; null when it does not start a PES. */
function pesPayload(payload: Uint8Array): Uint8Array | null {
  if (payload.length < 9 || payload[0] !== 0 || payload[1] !== 0 || payload[2] !== 1) return null
  return payload.subarray(Math.min(payload.length, 9 + payload[8]!))
}

/**
 * The ADTS frames of a TS segment's AAC stream, joined; null when `bytes` is not TS or its program
 * carries no AAC in ADTS (another codec is left to fail as it did, with its error).
 */
export function adtsFromTransportStream(bytes: Uint8Array): Uint8Array | null {
  if (!isTransportStream(bytes)) return null
  const all = packets(bytes)
  const pmtPid = programMapPid(all)
  const audioPid = pmtPid === null ? null : adtsPid(all, pmtPid)
  if (audioPid === null) return null
  const parts: Uint8Array[] = []
  // Bytes before the first PES start belong to a frame of the previous segment.
  let inPes = false
  for (const packet of all) {
    if (packet.pid !== audioPid) continue
    if (packet.unitStart) {
      const payload = pesPayload(packet.payload)
      inPes = payload !== null
      if (payload) parts.push(payload)
    } else if (inPes) {
      parts.push(packet.payload)
    }
  }
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    joined.set(part, offset)
    offset += part.length
  }
  return joined
}
