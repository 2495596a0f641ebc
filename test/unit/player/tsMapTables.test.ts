import { adtsFromTransportStream } from '../../../src/player/packedAudioTs'
import {
  mapsOfPlaylist,
  TsMapTables,
  withMapTables,
  type MapRequest,
} from '../../../src/player/tsMapTables'
import { adtsFrame, AUDIO_PID, pat, pes, pmt } from './tsPackets'

const PLAYLIST = 'https://cdn.example.be/films/rosetta/audio/fr.m3u8'
const frames = [adtsFrame(300, 1), adtsFrame(250, 2), adtsFrame(40, 3)]
/** What a packager writes in the map: the tables alone, two packets. */
const TABLES = Uint8Array.from([...pat(), ...pmt([[0x0f, AUDIO_PID]])])
/** A segment after it: sound packets, no table. */
const MEDIA = Uint8Array.from(frames.flatMap((frame) => pes(AUDIO_PID, frame)))

const playlist = (map: string) => `#EXTM3U
#EXT-X-VERSION:6
#EXT-X-TARGETDURATION:4
#EXT-X-PLAYLIST-TYPE:VOD
${map}
#EXTINF:4.0,
a0.aac
#EXTINF:4.0,
/other/a1.aac?token=1
#EXT-X-ENDLIST
`

describe('mapsOfPlaylist', () => {
  it('gives each TS or packed audio segment the EXT-X-MAP in force, by absolute URL', () => {
    const maps = mapsOfPlaylist(playlist('#EXT-X-MAP:URI="init.ts",BYTERANGE="376@0"'), PLAYLIST)
    const init = { url: 'https://cdn.example.be/films/rosetta/audio/init.ts', range: [0, 375] }
    expect([...maps]).toEqual([
      ['https://cdn.example.be/films/rosetta/audio/a0.aac', init],
      ['https://cdn.example.be/other/a1.aac?token=1', init],
    ])
  })

  it('has nothing for a playlist without maps, nor for fMP4 segments Shaka initialises itself', () => {
    expect(mapsOfPlaylist(playlist(''), PLAYLIST).size).toBe(0)
    const fmp4 = playlist('#EXT-X-MAP:URI="init.mp4"').replace(/\.aac/g, '.m4s')
    expect(mapsOfPlaylist(fmp4, PLAYLIST).size).toBe(0)
  })
})

describe('withMapTables', () => {
  it("puts the map's tables in front of a segment without them: its sound can be found", () => {
    expect(adtsFromTransportStream(MEDIA)).toBeNull()
    const mended = withMapTables(MEDIA, TABLES)!
    expect(mended).toHaveLength(TABLES.length + MEDIA.length)
    expect([...adtsFromTransportStream(mended)!]).toEqual(frames.flat())
  })

  it('leaves a segment that has its own tables, and a map that has none, as they are', () => {
    expect(withMapTables(Uint8Array.from([...TABLES, ...MEDIA]), TABLES)).toBeNull()
    expect(withMapTables(MEDIA, Uint8Array.from(frames[0]!))).toBeNull()
    expect(withMapTables(Uint8Array.from(frames.flat()), TABLES)).toBeNull()
  })
})

describe('TsMapTables', () => {
  const segment = 'https://cdn.example.be/films/rosetta/audio/a0.aac'

  it('fetches a map once for all its segments, and mends only those that need it', async () => {
    const maps = new TsMapTables()
    expect(maps.active).toBe(false)
    maps.playlist(playlist('#EXT-X-MAP:URI="init.ts"'), PLAYLIST)
    expect(maps.active).toBe(true)
    const fetch = jest.fn((_map: MapRequest) => Promise.resolve(TABLES))
    const first = await maps.mend(segment, MEDIA, fetch)
    expect([...adtsFromTransportStream(first!)!]).toEqual(frames.flat())
    expect(await maps.mend(segment, MEDIA, fetch)).not.toBeNull()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(await maps.mend('https://cdn.example.be/elsewhere.aac', MEDIA, fetch)).toBeNull()
    maps.clear()
    expect(await maps.mend(segment, MEDIA, fetch)).toBeNull()
  })

  it('a map that cannot be fetched leaves the segment as it came', async () => {
    const maps = new TsMapTables()
    maps.playlist(playlist('#EXT-X-MAP:URI="init.ts"'), PLAYLIST)
    const failing = () => Promise.reject(new Error('404'))
    expect(await maps.mend(segment, MEDIA, failing)).toBeNull()
  })
})
