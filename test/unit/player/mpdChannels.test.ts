import {
  CHANNEL_COUNT_SCHEME,
  channelGaps,
  fillMissingChannels,
  mayLackChannels,
} from '../../../src/player/mpdChannels'
import type { InitRequest } from '../../../src/player/mpdCodecs'
import { box, fullBox, init, u32 } from './isoBoxes'

const MANIFEST = 'https://cdn.example.be/films/rosetta/manifest.mpd'
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml')
const serialize = (doc: Document): string => new XMLSerializer().serializeToString(doc)

/** An AAC-LC 48 kHz initialisation segment with `channels` in its AudioSpecificConfig. */
const aacInit = (channels: number): Uint8Array => {
  const specific = [0x11, 0x80 | (channels << 3)]
  const info = [0x05, 2, ...specific]
  const decoder = [0x04, 13 + info.length, 0x40, 0x15, 0, 0, 0, ...u32(0), ...u32(0), ...info]
  const esds = fullBox('esds', [0x03, 3 + decoder.length, 0, 1, 0, ...decoder])
  return init(box('mp4a', new Array(16).fill(0), [0, 2], new Array(10).fill(0), esds))
}

const audioSet = (id: string, extra = '') =>
  `<AdaptationSet mimeType="audio/mp4" codecs="mp4a.40.2" lang="fr">${extra}
     <Representation id="${id}" bandwidth="96000">
       <SegmentTemplate initialization="init-$RepresentationID$.m4s" media="s-$Number$.m4s" duration="2" />
     </Representation>
   </AdaptationSet>`
const mpd = (...sets: string[]): string =>
  `<?xml version="1.0"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT60S" minBufferTime="PT2S">
  <Period>
    <AdaptationSet mimeType="video/mp4" codecs="avc1.64001f">
      <Representation id="v" bandwidth="900000"><SegmentTemplate initialization="init-v.m4s" media="v-$Number$.m4s" duration="2" /></Representation>
    </AdaptationSet>
    ${sets.join('\n')}
  </Period>
</MPD>`
const LAYOUT = `<AudioChannelConfiguration schemeIdUri="${CHANNEL_COUNT_SCHEME}" value="2"/>`

function fakeServer(files: Record<string, Uint8Array>) {
  const asked: InitRequest[] = []
  const fetchInit = (request: InitRequest): Promise<Uint8Array> => {
    asked.push(request)
    const file = files[request.url.replace(/^.*\//, '')]
    return file ? Promise.resolve(file) : Promise.reject(new Error(`404 ${request.url}`))
  }
  return { asked, fetchInit }
}

/** The channel count written on each Representation, by its id. */
const layouts = (xml: string): Record<string, string | null> =>
  Object.fromEntries(
    Array.from(parse(xml).getElementsByTagName('Representation')).map((r) => [
      r.getAttribute('id'),
      r.getElementsByTagName('AudioChannelConfiguration')[0]?.getAttribute('value') ?? null,
    ]),
  )

describe('mayLackChannels: the quick look that spares the common manifest a parse', () => {
  test('every audio set states its layout, or there is one set only: nothing to do', () => {
    expect(mayLackChannels(mpd(audioSet('a', LAYOUT), audioSet('b', LAYOUT)))).toBe(false)
    expect(mayLackChannels('<MPD><Period><AdaptationSet/></Period></MPD>')).toBe(false)
  })
  test('two audio sets and a layout missing', () => {
    expect(mayLackChannels(mpd(audioSet('a', LAYOUT), audioSet('b')))).toBe(true)
  })
})

describe('channelGaps', () => {
  test('the audio Representations without a layout, where a Period has two audio sets', () => {
    const gaps = channelGaps(parse(mpd(audioSet('a', LAYOUT), audioSet('b'))), MANIFEST)
    expect(gaps.map((gap) => [gap.representation.getAttribute('id'), gap.init.url])).toEqual([
      ['b', 'https://cdn.example.be/films/rosetta/init-b.m4s'],
    ])
  })
  test('a lone audio set is not probed: the film starts without waiting', () => {
    expect(channelGaps(parse(mpd(audioSet('a'))), MANIFEST)).toEqual([])
  })
})

describe('fillMissingChannels', () => {
  test('a stereo and a 5.1 set of one language get their counts from their streams', async () => {
    const server = fakeServer({ 'init-a.m4s': aacInit(2), 'init-b.m4s': aacInit(6) })
    const filled = await fillMissingChannels(mpd(audioSet('a'), audioSet('b')), MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
    })
    expect(filled).not.toBeNull()
    expect(layouts(filled!)).toEqual({ v: null, a: '2', b: '6' })
    expect(filled).toContain(`schemeIdUri="${CHANNEL_COUNT_SCHEME}"`)
  })

  test('a layout stated on the set or the Representation is kept, and its stream not asked', async () => {
    const server = fakeServer({ 'init-b.m4s': aacInit(6) })
    const filled = await fillMissingChannels(mpd(audioSet('a', LAYOUT), audioSet('b')), MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
    })
    expect(layouts(filled!)).toEqual({ v: null, a: null, b: '6' })
    expect(server.asked.map((r) => r.url)).toEqual([
      'https://cdn.example.be/films/rosetta/init-b.m4s',
    ])
  })

  test('an unreadable stream leaves the manifest as it came; a cache spares a refresh', async () => {
    const cache = new Map<string, number | null>()
    const server = fakeServer({})
    const options = { parse, serialize, fetchInit: server.fetchInit, cache }
    const xml = mpd(audioSet('a'), audioSet('b'))
    expect(await fillMissingChannels(xml, MANIFEST, options)).toBeNull()
    expect(await fillMissingChannels(xml, MANIFEST, options)).toBeNull()
    expect(server.asked).toHaveLength(2)
  })

  test('a stream that does not answer in time holds the manifest no longer than the budget', async () => {
    const fetchInit = (request: InitRequest): Promise<Uint8Array> =>
      request.url.endsWith('init-a.m4s')
        ? Promise.resolve(aacInit(2))
        : new Promise<Uint8Array>(() => undefined)
    const filled = await fillMissingChannels(mpd(audioSet('a'), audioSet('b')), MANIFEST, {
      parse,
      serialize,
      fetchInit,
      budgetMs: 20,
    })
    expect(layouts(filled!)).toEqual({ v: null, a: '2', b: null })
  })
})
