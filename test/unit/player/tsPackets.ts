/** MPEG-2 TS packets built by hand: program tables, PES packets of ADTS AAC frames. */
export const PMT_PID = 0x1000
export const AUDIO_PID = 0x101

/** One 188-byte packet; a short payload is padded with an adaptation field, as muxers do. */
export function packet(pid: number, unitStart: boolean, payload: number[]): number[] {
  const header = [0x47, (unitStart ? 0x40 : 0) | (pid >> 8), pid & 0xff]
  const room = 184 - payload.length
  if (room === 0) return [...header, 0x10, ...payload]
  const stuffing = room === 1 ? [0] : [room - 1, 0x00, ...Array<number>(room - 2).fill(0xff)]
  return [...header, 0x30, ...stuffing, ...payload]
}

/** A PSI section (after a zero pointer field) with a dummy CRC: the reader does not check it. */
function section(tableId: number, body: number[]): number[] {
  const length = 5 + body.length + 4
  return [0, tableId, 0xb0 | (length >> 8), length & 0xff, 0, 1, 0xc1, 0, 0, ...body, 0, 0, 0, 0]
}

export const pat = () =>
  packet(0, true, section(0x00, [0, 1, 0xe0 | (PMT_PID >> 8), PMT_PID & 0xff]))

/** A program map listing `streams` ([stream_type, pid]), each with one 2-byte descriptor. */
export const pmt = (streams: [number, number][]) =>
  packet(
    PMT_PID,
    true,
    section(0x02, [
      0xe1,
      0x00,
      0xf0,
      0x00,
      ...streams.flatMap(([type, pid]) => [type, 0xe0 | (pid >> 8), pid & 0xff, 0xf0, 2, 0x0a, 0]),
    ]),
  )

/** A PES packet (stream 0xC0, with a PTS) carrying `data`, cut into TS packets. */
export function pes(pid: number, data: number[]): number[] {
  const header = [0, 0, 1, 0xc0, 0, 0, 0x80, 0x80, 5, 0x21, 0, 1, 0, 1]
  const bytes = [...header, ...data]
  const out: number[] = []
  for (let at = 0; at < bytes.length; at += 184) {
    out.push(...packet(pid, at === 0, bytes.slice(at, at + 184)))
  }
  return out
}

/** An ADTS frame of `size` bytes in all (7-byte header), filled with `fill`. */
export function adtsFrame(size: number, fill: number): number[] {
  return [
    0xff,
    0xf1,
    0x4c,
    0x80 | ((size >> 11) & 0x3),
    (size >> 3) & 0xff,
    ((size & 0x7) << 5) | 0x1f,
    0xfc,
    ...Array<number>(size - 7).fill(fill),
  ]
}
