/**
 * @jest-environment node
 */
import {
  codecName,
  placeMoov,
  PROBE_BYTES,
  readBytes,
  undecodableFilePicture,
  undecodablePicture,
} from '../../../src/player/progressivePicture'
import { audioEntry, box, init, visualEntry } from './isoBoxes'

const HEVC = visualEntry('hvc1', box('hvcC', [1, 0x01, 0x60, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 93]))
const H264 = visualEntry('avc1', box('avcC', [1, 0x64, 0x00, 0x1f, 0xff]))
const AAC = audioEntry('mp4a')
/** The ftyp box that init() starts with. */
const FTYP_BYTES = 16

/** A file with `mdatBytes` of media data between its ftyp and its moov (no "faststart"). */
function moovAtEnd(mdatBytes: number, ...entries: number[][]): Uint8Array {
  const movie = init(...entries)
  const mdat = new Uint8Array(mdatBytes)
  new DataView(mdat.buffer).setUint32(0, mdatBytes)
  mdat.set([0x6d, 0x64, 0x61, 0x74], 4)
  const file = new Uint8Array(movie.length + mdatBytes)
  file.set(movie.subarray(0, FTYP_BYTES), 0)
  file.set(mdat, FTYP_BYTES)
  file.set(movie.subarray(FTYP_BYTES), FTYP_BYTES + mdatBytes)
  return file
}

/** A server for one file; `ranges: false` answers every request with the whole file (200). */
function serve(file: Uint8Array, ranges = true) {
  const asked: string[] = []
  let sent = 0
  const fetchFn = (async (_url: string, init?: RequestInit) => {
    const range = (init?.headers as Record<string, string>).Range!
    asked.push(range)
    const [, from, to] = /bytes=(\d+)-(\d+)/.exec(range)!.map(Number) as [number, number, number]
    const body = ranges ? file.subarray(from, to + 1) : file
    // Sent in 16 kB pieces, as a network does: what is not read is never sent (the stream pulls
    // one piece ahead).
    let at = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) return controller.close()
        const piece = body.subarray(at, at + 16_384)
        at += piece.length
        sent += piece.length
        controller.enqueue(piece)
      },
    })
    return new Response(stream, { status: ranges ? 206 : 200 })
  }) as typeof fetch
  return { fetchFn, asked, sent: () => sent }
}

const decodes =
  (...families: string[]) =>
  (type: string) =>
    families.some((family) => type.includes(`codecs="${family}`))

describe('placeMoov', () => {
  test('a "faststart" file has its moov in its first bytes', () => {
    expect(placeMoov(init(H264, AAC))).toEqual({ at: 'head', start: FTYP_BYTES })
  })

  test('a file with its moov after the media data says where to read it', () => {
    const file = moovAtEnd(1_000_000, H264)
    expect(placeMoov(file.subarray(0, 4096))).toEqual({
      at: 'later',
      start: FTYP_BYTES + 1_000_000,
    })
  })

  test('bytes that are not an ISO BMFF file place nothing', () => {
    expect(placeMoov(new TextEncoder().encode('<html><body>Not found</body></html>'))).toBeNull()
    expect(placeMoov(new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]))).toBeNull()
  })
})

describe('undecodablePicture', () => {
  test('a picture no decoder here reads is named; one that decodes, or none, is not', () => {
    expect(undecodablePicture(['hvc1.1.6.L93.B0', 'mp4a.40.2'], decodes('avc1'))).toBe(
      'hvc1.1.6.L93.B0',
    )
    expect(undecodablePicture(['avc1.64001f', 'mp4a.40.2'], decodes('avc1'))).toBeNull()
    expect(undecodablePicture(['mp4a.40.2'], decodes())).toBeNull()
    // Dolby Vision with an HEVC fallback the box decodes is not refused.
    expect(undecodablePicture(['dvh1.05.06', 'hvc1.2.4.L150'], decodes('hvc1'))).toBeNull()
  })

  test('codecs are named as a support engineer knows them', () => {
    expect(codecName('hev1.1.6.L93.B0')).toBe('HEVC')
    expect(codecName('av01.0.08M.10')).toBe('AV1')
    expect(codecName('dvh1.05.06')).toBe('Dolby Vision')
  })
})

describe('undecodableFilePicture: what the file itself says', () => {
  test('an HEVC film is named from its first bytes, without reading the rest', async () => {
    const film = new Uint8Array(4 * PROBE_BYTES)
    film.set(init(HEVC, AAC))
    const server = serve(film)
    await expect(undecodableFilePicture(server.fetchFn, 'f.mp4', decodes('avc1'))).resolves.toMatch(
      /^hvc1\./,
    )
    expect(server.asked).toEqual([`bytes=0-${PROBE_BYTES - 1}`])
  })

  test('a moov after the media data is read where the first bytes say', async () => {
    const file = moovAtEnd(3 * PROBE_BYTES, HEVC, AAC)
    const server = serve(file)
    await expect(undecodableFilePicture(server.fetchFn, 'f.mp4', decodes('avc1'))).resolves.toMatch(
      /^hvc1\./,
    )
    const moovAt = FTYP_BYTES + 3 * PROBE_BYTES
    expect(server.asked[1]).toBe(`bytes=${moovAt}-${moovAt + PROBE_BYTES - 1}`)
  })

  test('an H.264 film, or a programme with sound only, is not refused', async () => {
    const h264 = serve(init(H264, AAC))
    await expect(undecodableFilePicture(h264.fetchFn, 'f.mp4', decodes('avc1'))).resolves.toBeNull()
    const radio = serve(init(AAC))
    await expect(undecodableFilePicture(radio.fetchFn, 'f.mp4', decodes())).resolves.toBeNull()
  })

  test('a server that ignores Range costs no more than the bytes asked for', async () => {
    const file = moovAtEnd(40 * PROBE_BYTES, HEVC)
    const server = serve(file, false)
    // Its answer to the second request starts at byte 0, not at the moov: nothing is concluded.
    await expect(undecodableFilePicture(server.fetchFn, 'f.mp4', decodes())).resolves.toBeNull()
    expect(server.sent()).toBeLessThanOrEqual(PROBE_BYTES + 2 * 16_384)
  })

  test('readBytes stops at the length asked for', async () => {
    const server = serve(new Uint8Array(10 * PROBE_BYTES), false)
    const bytes = await readBytes(server.fetchFn, 'f.mp4', 0, 1000)
    expect(bytes?.length).toBe(1000)
    expect(server.sent()).toBeLessThanOrEqual(2 * 16_384)
  })
})
