import {
  codecGaps,
  fillMissingCodecs,
  namesAllCodecs,
  type InitRequest,
} from '../../../src/player/mpdCodecs'

const MANIFEST = 'https://cdn.example.be/films/rosetta/manifest.mpd'
const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml')
const serialize = (doc: Document): string => new XMLSerializer().serializeToString(doc)

const mpd = (body: string, mpdLevel = ''): string =>
  `<?xml version="1.0"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT60S"
     minBufferTime="PT2S" profiles="urn:mpeg:dash:profile:isoff-live:2011">${mpdLevel}
  <Period>${body}</Period>
</MPD>`

/** Minimal AVC and AAC initialisation segments: enough boxes for the codec reader. */
const box = (type: string, ...content: number[][]): number[] => {
  const body = content.flat()
  const size = 8 + body.length
  return [
    size >>> 24,
    (size >>> 16) & 255,
    (size >>> 8) & 255,
    size & 255,
    ...[...type].map((c) => c.charCodeAt(0)),
    ...body,
  ]
}
const track = (entry: number[]): number[] =>
  box('trak', box('mdia', box('minf', box('stbl', box('stsd', [0, 0, 0, 0, 0, 0, 0, 1], entry)))))
const AVC_INIT = Uint8Array.from(
  box('moov', track(box('avc1', new Array(78).fill(0), box('avcC', [1, 0x4d, 0x40, 0x1f])))),
)
const esds = box(
  'esds',
  [
    0, 0, 0, 0, 0x03, 22, 0, 1, 0, 0x04, 17, 0x40, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x05, 2,
    0x2b, 0x92,
  ],
)
const AVC_BASELINE_INIT = Uint8Array.from(
  box('moov', track(box('avc1', new Array(78).fill(0), box('avcC', [1, 0x42, 0xc0, 0x0d])))),
)
const AAC_INIT = Uint8Array.from(box('moov', track(box('mp4a', new Array(28).fill(0), esds))))

function fakeServer(files: Record<string, Uint8Array>) {
  const asked: InitRequest[] = []
  const fetchInit = (request: InitRequest): Promise<Uint8Array> => {
    asked.push(request)
    const file = files[request.url]
    return file ? Promise.resolve(file) : Promise.reject(new Error(`404 ${request.url}`))
  }
  return { asked, fetchInit }
}

describe('namesAllCodecs: the quick look that spares the common manifest a second parse', () => {
  test('codecs on every Representation, or on every Adaptation Set, or not DASH at all', () => {
    expect(
      namesAllCodecs(
        mpd('<AdaptationSet><Representation id="v" codecs="avc1.64001f"/></AdaptationSet>'),
      ),
    ).toBe(true)
    expect(
      namesAllCodecs(
        mpd('<AdaptationSet codecs="mp4a.40.2"><Representation id="a"/></AdaptationSet>'),
      ),
    ).toBe(true)
    expect(namesAllCodecs('#EXTM3U\n#EXT-X-VERSION:3\n')).toBe(true)
  })

  test('one Representation without, under a set without: it looks closer', () => {
    const xml = mpd(`
      <AdaptationSet mimeType="video/mp4"><Representation id="v1" codecs="avc1.64001f"/><Representation id="v2"/></AdaptationSet>
      <AdaptationSet mimeType="audio/mp4" codecs="mp4a.40.2"><Representation id="a"/></AdaptationSet>`)
    expect(namesAllCodecs(xml)).toBe(false)
    expect(namesAllCodecs(xml.replace(/codecs="[^"]*"/g, 'codecs=""'))).toBe(false)
  })
})

describe('codecGaps: which Representations lack codecs and where their first bytes are', () => {
  test('SegmentTemplate@initialization with $RepresentationID$ and $Bandwidth$, under nested BaseURLs', () => {
    const doc = parse(
      mpd(
        `<BaseURL>dash/</BaseURL>
        <AdaptationSet mimeType="video/mp4">
          <SegmentTemplate initialization="init-$RepresentationID$-$Bandwidth%08d$.mp4" media="$Number$.m4s" timescale="1000" duration="4000"/>
          <Representation id="720p" bandwidth="2500000" width="1280" height="720"/>
          <Representation id="360p" bandwidth="800000" width="640" height="360"/>
        </AdaptationSet>
        <AdaptationSet mimeType="text/vtt"><Representation id="fr" bandwidth="100"><BaseURL>fr.vtt</BaseURL></Representation></AdaptationSet>`,
        '<BaseURL>https://media.example.be/v1/</BaseURL>',
      ),
    )
    const gaps = codecGaps(doc, MANIFEST)
    expect(gaps.map((g) => [g.representation.getAttribute('id'), g.mimeType, g.init])).toEqual([
      ['720p', 'video/mp4', { url: 'https://media.example.be/v1/dash/init-720p-02500000.mp4' }],
      ['360p', 'video/mp4', { url: 'https://media.example.be/v1/dash/init-360p-00800000.mp4' }],
    ])
  })

  test('SegmentBase: its Initialization range, or the bytes before its index', () => {
    const doc = parse(
      mpd(`
        <AdaptationSet mimeType="video/mp4">
          <Representation id="v" bandwidth="1"><BaseURL>video.mp4</BaseURL>
            <SegmentBase indexRange="842-1001"><Initialization range="0-841"/></SegmentBase></Representation>
        </AdaptationSet>
        <AdaptationSet mimeType="audio/mp4">
          <Representation id="a" bandwidth="1"><BaseURL>audio.mp4</BaseURL><SegmentBase indexRange="700-811"/></Representation>
        </AdaptationSet>
        <AdaptationSet mimeType="audio/mp4" lang="nl">
          <Representation id="a2" bandwidth="1"><BaseURL>audio-nl.mp4</BaseURL></Representation>
        </AdaptationSet>`),
    )
    expect(codecGaps(doc, MANIFEST).map((g) => g.init)).toEqual([
      { url: 'https://cdn.example.be/films/rosetta/video.mp4', range: [0, 841] },
      { url: 'https://cdn.example.be/films/rosetta/audio.mp4', range: [0, 699] },
      { url: 'https://cdn.example.be/films/rosetta/audio-nl.mp4', range: [0, 65535] },
    ])
  })

  test('SegmentList Initialization@sourceURL; a template with no initialization has none to read', () => {
    const doc = parse(
      mpd(`
        <AdaptationSet mimeType="video/mp4">
          <Representation id="v" bandwidth="1">
            <SegmentList duration="4"><Initialization sourceURL="v/init.mp4"/><SegmentURL media="v/1.m4s"/></SegmentList>
          </Representation>
        </AdaptationSet>
        <AdaptationSet mimeType="video/mp4">
          <SegmentTemplate media="self-$Number$.mp4" duration="4"/>
          <Representation id="s" bandwidth="1"/>
        </AdaptationSet>`),
    )
    expect(codecGaps(doc, MANIFEST).map((g) => g.init)).toEqual([
      { url: 'https://cdn.example.be/films/rosetta/v/init.mp4' },
      null,
    ])
  })

  test('a prefixed namespace is read the same', () => {
    const xml = `<dash:MPD xmlns:dash="urn:mpeg:dash:schema:mpd:2011"><dash:Period><dash:AdaptationSet mimeType="audio/mp4">
      <dash:SegmentTemplate initialization="a/init.mp4" media="a/$Number$.m4s"/>
      <dash:Representation id="a" bandwidth="1"/></dash:AdaptationSet></dash:Period></dash:MPD>`
    expect(codecGaps(parse(xml), MANIFEST)[0]?.init).toEqual({
      url: 'https://cdn.example.be/films/rosetta/a/init.mp4',
    })
  })
})

describe('fillMissingCodecs', () => {
  const LIVE_PROFILE = mpd(`
    <AdaptationSet mimeType="video/mp4" segmentAlignment="true">
      <SegmentTemplate initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/$Number$.m4s" duration="4" startNumber="1"/>
      <Representation id="v1" bandwidth="2000000" width="1280" height="720"/>
      <Representation id="v2" bandwidth="700000" width="640" height="360"/>
    </AdaptationSet>
    <AdaptationSet mimeType="audio/mp4" lang="fr">
      <SegmentTemplate initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/$Number$.m4s" duration="4" startNumber="1"/>
      <Representation id="a1" bandwidth="128000"/>
    </AdaptationSet>`)

  test('reads each Representation from its own initialisation segment', async () => {
    const server = fakeServer({
      'https://cdn.example.be/films/rosetta/v1/init.mp4': AVC_INIT,
      'https://cdn.example.be/films/rosetta/v2/init.mp4': AVC_BASELINE_INIT,
      'https://cdn.example.be/films/rosetta/a1/init.mp4': AAC_INIT,
    })
    const filled = await fillMissingCodecs(LIVE_PROFILE, MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
    })
    expect(server.asked.map((r) => r.url)).toEqual([
      'https://cdn.example.be/films/rosetta/v1/init.mp4',
      'https://cdn.example.be/films/rosetta/v2/init.mp4',
      'https://cdn.example.be/films/rosetta/a1/init.mp4',
    ])
    const reps = Array.from(parse(filled!).getElementsByTagName('Representation'))
    expect(reps.map((r) => [r.getAttribute('id'), r.getAttribute('codecs')])).toEqual([
      ['v1', 'avc1.4d401f'],
      ['v2', 'avc1.42c00d'],
      ['a1', 'mp4a.40.5'],
    ])
    // Everything else is kept as it was.
    expect(parse(filled!).getElementsByTagName('SegmentTemplate')[0]!.getAttribute('media')).toBe(
      '$RepresentationID$/$Number$.m4s',
    )
  })

  test('an init segment that cannot be read: the usual codecs of the container are named', async () => {
    const server = fakeServer({})
    const filled = await fillMissingCodecs(LIVE_PROFILE, MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
    })
    const codecs = Array.from(parse(filled!).getElementsByTagName('Representation')).map((r) =>
      r.getAttribute('codecs'),
    )
    expect(codecs).toEqual(['avc1.64001f', 'avc1.64001f', 'mp4a.40.2'])
  })

  test('a subtitle file of its own is not probed: the film does not wait on its host', async () => {
    const withSubtitles = mpd(`
      <AdaptationSet mimeType="video/mp4" codecs="avc1.64001f">
        <SegmentTemplate initialization="v/init.mp4" media="v/$Number$.m4s" duration="4"/>
        <Representation id="v1" bandwidth="2000000"/>
      </AdaptationSet>
      <AdaptationSet contentType="text" mimeType="application/ttml+xml" lang="fr">
        <Representation id="ttml-fr" bandwidth="256"><BaseURL>subs-fr.ttml</BaseURL></Representation>
      </AdaptationSet>
      <AdaptationSet mimeType="text/vtt" lang="nl">
        <Representation id="vtt-nl" bandwidth="256"><BaseURL>subs-nl.vtt</BaseURL></Representation>
      </AdaptationSet>`)
    const server = fakeServer({})
    expect(
      await fillMissingCodecs(withSubtitles, MANIFEST, { parse, serialize, ...server }),
    ).toBeNull()
    expect(server.asked).toEqual([])
  })

  test('a probe that hangs holds the manifest for the budget only, then the usual codecs are named', async () => {
    const asked: string[] = []
    const fetchInit = (request: InitRequest) => {
      asked.push(request.url)
      return new Promise<Uint8Array>(() => undefined)
    }
    const started = Date.now()
    const filled = await fillMissingCodecs(LIVE_PROFILE, MANIFEST, {
      parse,
      serialize,
      fetchInit,
      budgetMs: 30,
    })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(asked).toHaveLength(3)
    const codecs = Array.from(parse(filled!).getElementsByTagName('Representation')).map((r) =>
      r.getAttribute('codecs'),
    )
    expect(codecs).toEqual(['avc1.64001f', 'avc1.64001f', 'mp4a.40.2'])
  })

  test('a live refresh asks nothing again: codecs read are kept by URL', async () => {
    const server = fakeServer({
      'https://cdn.example.be/films/rosetta/v1/init.mp4': AVC_INIT,
      'https://cdn.example.be/films/rosetta/v2/init.mp4': AVC_INIT,
      'https://cdn.example.be/films/rosetta/a1/init.mp4': AAC_INIT,
    })
    const cache = new Map<string, string>()
    await fillMissingCodecs(LIVE_PROFILE, MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
      cache,
    })
    const again = await fillMissingCodecs(LIVE_PROFILE, MANIFEST, {
      parse,
      serialize,
      fetchInit: server.fetchInit,
      cache,
    })
    expect(server.asked).toHaveLength(3)
    expect(again).toContain('codecs="avc1.4d401f"')
  })

  test('Representations sharing one initialisation segment ask for it once', async () => {
    const shared = LIVE_PROFILE.replace(/\$RepresentationID\$\/init\.mp4/g, 'init.mp4')
    const server = fakeServer({ 'https://cdn.example.be/films/rosetta/init.mp4': AVC_INIT })
    await fillMissingCodecs(shared, MANIFEST, { parse, serialize, fetchInit: server.fetchInit })
    expect(server.asked.map((r) => r.url)).toEqual([
      'https://cdn.example.be/films/rosetta/init.mp4',
    ])
  })

  test('SegmentBase with only an index gets the bytes before it as its Initialization', async () => {
    const onDemand = mpd(`
      <AdaptationSet mimeType="video/mp4">
        <Representation id="v" bandwidth="1" codecs="avc1.64001f"><BaseURL>video.mp4</BaseURL>
          <SegmentBase indexRange="798-981"/></Representation>
        <Representation id="w" bandwidth="2" codecs="avc1.64001f"><BaseURL>video2.mp4</BaseURL>
          <SegmentBase indexRange="700-880"><Initialization range="0-699"/></SegmentBase></Representation>
      </AdaptationSet>`)
    const fetchInit = jest.fn()
    const filled = await fillMissingCodecs(onDemand, MANIFEST, { parse, serialize, fetchInit })
    const inits = Array.from(parse(filled!).getElementsByTagNameNS('*', 'Initialization'))
    expect(inits.map((i) => i.getAttribute('range'))).toEqual(['0-797', '0-699'])
    expect(inits[0]!.namespaceURI).toBe('urn:mpeg:dash:schema:mpd:2011')
    expect(fetchInit).not.toHaveBeenCalled()
  })

  test('a manifest that names its codecs, an HLS playlist or broken XML is left untouched', async () => {
    const fetchInit = jest.fn()
    const options = { parse, serialize, fetchInit }
    const named = LIVE_PROFILE.replace(/<Representation /g, '<Representation codecs="avc1.64001f" ')
    expect(await fillMissingCodecs(named, MANIFEST, options)).toBeNull()
    expect(await fillMissingCodecs('#EXTM3U\n', MANIFEST, options)).toBeNull()
    expect(await fillMissingCodecs('<MPD><Period><AdaptationSet', MANIFEST, options)).toBeNull()
    expect(fetchInit).not.toHaveBeenCalled()
  })
})
