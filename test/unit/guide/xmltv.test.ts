import { channelMatcher, parseXmltv, xmltvTime, type XmltvOptions } from '../../../src/guide/xmltv'
import { finishGuide } from '../../../src/guide/wire'
import { createGuideSource, GuideSourceRegistry, XMLTV_FRESH_MS } from '../../../src/guide/sources'
import { BackendRegistry } from '../../../src/catalogue/registry'
import { CatalogueError } from '../../../src/catalogue/errors'
import { reply } from '../catalogue/httpFakes'
import { fallbackOrder, pickText } from '../../../src/i18n/localize'

const OPTIONS: XmltvOptions = {
  zoneless: 'utc',
  channels: {},
  known: ['ardenne-1', 'schelde-een', 'kadee'],
  language: 'fr',
}
const DAY = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) }

function read(xml: string, options: Partial<XmltvOptions> = {}) {
  const { drafts, problems } = parseXmltv(xml, 'http://epg.example/tv.xml', new DOMParser(), {
    ...OPTIONS,
    ...options,
  })
  return finishGuide(drafts, problems, 'xmltv', OPTIONS.known, DAY.from, DAY.to)
}

const tv = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tv SYSTEM "xmltv.dtd">\n<tv generator-info-name="test">${body}</tv>`

describe('XMLTV times', () => {
  test.each([
    ['20261202193000 +0100', '2026-12-02T18:30:00.000Z'],
    ['20260702193000 +0200', '2026-07-02T17:30:00.000Z'],
    ['20261202193000 +01:00', '2026-12-02T18:30:00.000Z'],
    ['20261202183000Z', '2026-12-02T18:30:00.000Z'],
    ['202612021830 -0500', '2026-12-02T23:30:00.000Z'],
    ['20261202183000', '2026-12-02T18:30:00.000Z'],
    // A zone's name, as older grabbers write it.
    ['20261205150000 CET', '2026-12-05T14:00:00.000Z'],
    ['20260705150000 CEST', '2026-07-05T13:00:00.000Z'],
    ['20260705150000 bst', '2026-07-05T14:00:00.000Z'],
    ['20261205150000 UTC', '2026-12-05T15:00:00.000Z'],
    // ISO 8601, as exports converted from a JSON schedule write it.
    ['2026-12-02T19:30:00+01:00', '2026-12-02T18:30:00.000Z'],
    ['2026-12-02T19:30:00.000Z', '2026-12-02T19:30:00.000Z'],
    ['2026-12-02 19:30', '2026-12-02T19:30:00.000Z'],
    ['20261202T193000 +0100', '2026-12-02T18:30:00.000Z'],
  ])('%s is %s', (raw, iso) => {
    expect(new Date(xmltvTime(raw, 'utc')!).toISOString()).toBe(iso)
  })

  test('times without a zone read as Brussels time across the DST change (29 March 2026)', () => {
    const at = (raw: string) => new Date(xmltvTime(raw, 'brussels')!).toISOString()
    expect(at('20260328203000')).toBe('2026-03-28T19:30:00.000Z') // CET, the day before
    expect(at('20260329203000')).toBe('2026-03-29T18:30:00.000Z') // CEST from that night
    expect(at('20261024203000')).toBe('2026-10-24T18:30:00.000Z') // still CEST
    expect(at('20261025203000')).toBe('2026-10-25T19:30:00.000Z') // CET again
    // 02:30 does not exist on the spring night: read as 03:30 summer time.
    expect(at('20260329023000')).toBe('2026-03-29T01:30:00.000Z')
  })

  test.each([
    '',
    'tomorrow',
    '02/12/2026 19:30',
    '2026-12-02T25:30:00Z',
    '20261302193000 +0100',
    '20261205150000 XYZ',
  ])('"%s" is not a time', (raw) => expect(xmltvTime(raw, 'utc')).toBeUndefined())
})

describe('XMLTV programmes', () => {
  const full = tv(`
    <channel id="ardenne1.be"><display-name lang="fr">Ardenne 1</display-name></channel>
    <programme start="20261202193000 +0100" stop="20261202201500 +0100" channel="ardenne1.be">
      <title lang="fr">Le Journal de 19h30</title>
      <title lang="nl">Het Journaal</title>
      <sub-title lang="fr">Édition du soir</sub-title>
      <desc lang="fr">L'actualité du jour.</desc>
      <desc lang="nl">Het nieuws van de dag.</desc>
      <category lang="fr">Information</category>
      <rating system="CSA"><value>-12</value></rating>
      <episode-num system="xmltv_ns">1.4.</episode-num>
    </programme>`)

  test('a complete programme: titles per language, CSA rating, xmltv_ns episode (zero-based)', () => {
    const { programmes, problems } = read(full)
    expect(problems).toEqual([])
    expect(programmes).toHaveLength(1)
    const [p] = programmes
    expect(p).toMatchObject({
      channelId: 'ardenne-1',
      start: Date.UTC(2026, 11, 2, 18, 30),
      end: Date.UTC(2026, 11, 2, 19, 15),
      title: { fr: 'Le Journal de 19h30', nl: 'Het Journaal' },
      subtitle: { fr: 'Édition du soir' },
      synopsis: { fr: "L'actualité du jour.", nl: 'Het nieuws van de dag.' },
      category: 'Information',
      episode: { season: 2, episode: 5 },
    })
    expect(p!.classification).toMatchObject({ csa: '12', minimumAge: 12 })
  })

  test('a missing stop (optional in XMLTV) ends at the next programme; the last one lasts 3 h', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="20261202180000 +0100" channel="ardenne-1"><title>Un</title></programme>
      <programme start="20261202190000 +0100" channel="ardenne-1"><title>Deux</title></programme>`),
    )
    expect(programmes.map((p) => [p.title.fr, p.end])).toEqual([
      ['Un', Date.UTC(2026, 11, 2, 18)],
      ['Deux', Date.UTC(2026, 11, 2, 21)],
    ])
    expect(problems).toEqual([])
  })

  test('a programme skipped for its title or stop still ends the one before it, without a stop', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="20261202180000 +0100" channel="ardenne-1"><title>Un</title></programme>
      <programme start="20261202190000 +0100" channel="ardenne-1"><title/></programme>
      <programme start="20261202200000 +0100" channel="ardenne-1"><title>Trois</title></programme>
      <programme start="20261202210000 +0100" stop="later" channel="ardenne-1"><title>Quatre</title></programme>
      <programme start="20261202220000 +0100" stop="20261202230000 +0100" channel="ardenne-1"><title>Cinq</title></programme>`),
    )
    // Un and Trois keep their hour: the unnamed 19:00 and the unreadable 21:00 are gaps.
    expect(programmes.map((p) => [p.title.fr, p.start, p.end])).toEqual([
      ['Un', Date.UTC(2026, 11, 2, 17), Date.UTC(2026, 11, 2, 18)],
      ['Trois', Date.UTC(2026, 11, 2, 19), Date.UTC(2026, 11, 2, 20)],
      ['Cinq', Date.UTC(2026, 11, 2, 21), Date.UTC(2026, 11, 2, 22)],
    ])
    expect(problems.map((p) => p.message)).toEqual([
      'title: missing',
      'stop: "later" is not a time',
    ])
  })

  test('a rating of an unknown system, or none, is read when it is written as an age', () => {
    const { programmes } = read(
      tv(`
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee">
        <title lang="nl">Bollie</title><rating system="XYZ"><value>7</value></rating></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee">
        <title lang="nl">Billie</title><rating><value>-10</value></rating></programme>
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="kadee">
        <title lang="nl">Bellie</title><rating system="XYZ"><value>M</value></rating></programme>`),
    )
    // XMLTV makes `system` optional; a letter grade of a system the app does not know stays
    // unreadable, and is kept (never dropped) for the lock.
    expect(programmes.map((p) => p.classification.minimumAge)).toEqual([7, 10, null])
    expect(programmes.map((p) => p.classification.csa)).toEqual(['10', '10', 'NR'])
    expect(programmes[2]!.classification.given).toEqual([{ system: 'XYZ', value: 'M' }])
  })

  test('malformed programmes are skipped and reported, the rest kept', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="soon" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"></programme>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100"><title>C</title></programme>
      <programme start="20261202190000 +0100" stop="20261202183000 +0100" channel="kadee"><title>D</title></programme>
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="kadee"><title>E</title></programme>
      <programme start="20261202203000 +0100" stop="20261202204500 +0100" channel="kadee"><title>F</title></programme>
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="other.tv"><title>G</title></programme>`),
    )
    expect(programmes.map((p) => p.title.fr)).toEqual(['E'])
    expect(problems.map((p) => p.message)).toEqual([
      'start: "soon" is not a time',
      'title: missing',
      'channel: missing',
      'ends before it starts',
      'overlaps the programme before it',
    ])
    expect(problems.map((p) => p.placement)).toEqual([
      undefined,
      undefined,
      undefined,
      'ends-before-start',
      'overlap',
    ])
  })

  test('a programme listed twice at the same start is a duplicate, with or without its stop', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="20261202180000 +0100" channel="kadee"><title>Bollie</title></programme>
      <programme start="20261202180000 +0100" channel="kadee"><title>Bollie</title></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>Billie</title></programme>
      <programme start="20261202190000 +0100" stop="20261202193000 +0100" channel="kadee"><title>Billie (court)</title></programme>
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="kadee"><title>Bellie</title></programme>
      <programme start="20261202201500 +0100" stop="20261202204500 +0100" channel="kadee"><title>Inside</title></programme>
      <programme start="20261202220000 +0100" stop="20261202220000 +0100" channel="kadee"><title>Nothing</title></programme>`),
    )
    // The first of two is kept, and ends at the next programme that starts later, not at its twin.
    expect(programmes.map((p) => [p.title.fr, p.end])).toEqual([
      ['Bollie', Date.UTC(2026, 11, 2, 18)],
      ['Billie', Date.UTC(2026, 11, 2, 19)],
      ['Bellie', Date.UTC(2026, 11, 2, 20)],
    ])
    expect(problems.map((p) => [p.itemId, p.placement])).toEqual([
      ['kadee@20261202180000 +0100', 'same-start'],
      ['kadee@20261202190000 +0100', 'same-start'],
      ['kadee@20261202201500 +0100', 'overlap'],
      ['kadee@20261202220000 +0100', 'ends-before-start'],
    ])
    expect(problems[0]!.message).toBe('starts at the same time as another programme of its channel')
  })

  test('says how far the export reaches and which of its channels match none of the app', () => {
    const { coverage } = parseXmltv(
      tv(`
      <channel id="bbc1.uk"><display-name>BBC One</display-name></channel>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
      <programme start="20261202230000 +0100" stop="20261203010000 +0100" channel="bbc1.uk"><title>B</title></programme>
      <programme start="20261202200000 +0100" channel="tf1.fr"><title>C</title></programme>
      <programme start="20261202210000 +0100" stop="20261202220000 +0100" channel="bbc1.uk"><title>D</title></programme>`),
      'http://epg.example/tv.xml',
      new DOMParser(),
      OPTIONS,
    )
    // Over every channel: the file is as fresh as its last programme, whoever airs it.
    expect(coverage).toEqual({
      lastEnd: Date.UTC(2026, 11, 3, 0),
      unmatched: ['bbc1.uk', 'tf1.fr'],
    })
    const empty = parseXmltv(tv(''), 'http://epg.example/tv.xml', new DOMParser(), OPTIONS)
    expect(empty.coverage).toEqual({ unmatched: [] })
    // A last programme without its stop is on air for OPEN_END_MS, as the guide shows it.
    const open = parseXmltv(
      tv(`<programme start="20261202200000 +0100" channel="kadee"><title>C</title></programme>`),
      'http://epg.example/tv.xml',
      new DOMParser(),
      OPTIONS,
    )
    expect(open.coverage.lastEnd).toBe(Date.UTC(2026, 11, 2, 22))
  })

  test('a stop a few minutes past the next start ends the programme there; the next one is kept', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="20261202180000 +0100" stop="20261202190500 +0100" channel="kadee"><title>Journal</title></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>Météo</title></programme>`),
    )
    expect(problems).toEqual([])
    expect(programmes.map((p) => [p.title.fr, new Date(p.end).toISOString()])).toEqual([
      ['Journal', '2026-12-02T18:00:00.000Z'],
      ['Météo', '2026-12-02T19:00:00.000Z'],
    ])
  })

  test('a start moved half an hour into the programme before (a late change) cuts that one there', () => {
    const { programmes, problems } = read(
      tv(`
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="kadee"><title>Film</title></programme>
      <programme start="20261202203000 +0100" stop="20261202220000 +0100" channel="kadee"><title>Débat</title></programme>`),
    )
    expect(problems).toEqual([])
    expect(
      programmes.map((p) => [
        p.title.fr,
        new Date(p.start).toISOString(),
        new Date(p.end).toISOString(),
      ]),
    ).toEqual([
      ['Film', '2026-12-02T19:00:00.000Z', '2026-12-02T19:30:00.000Z'],
      ['Débat', '2026-12-02T19:30:00.000Z', '2026-12-02T21:00:00.000Z'],
    ])
  })

  test('channels match by map, by id without its domain, or by display name', () => {
    const { programmes } = read(
      tv(`
      <channel id="S1"><display-name>Schelde Eén</display-name></channel>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="S1"><title>Nieuws</title></programme>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee.be"><title>Bollie</title></programme>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="A1"><title>Journal</title></programme>`),
      { channels: { A1: 'ardenne-1' } },
    )
    expect(programmes.map((p) => p.channelId).sort()).toEqual(['ardenne-1', 'kadee', 'schelde-een'])
  })

  test("texts in the household's language, then its fallbacks, then untagged, then any other", () => {
    const shown = (xml: string, household: 'fr' | 'nl', language: 'fr' | 'nl' = 'fr') => {
      const [p] = read(tv(xml), { language }).programmes
      const order = fallbackOrder(household, ['en', 'fr', 'nl', 'de'])
      return [pickText(p!.title, order), pickText(p!.synopsis, order)]
    }
    const at = 'start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"'
    const news = `<programme ${at}><title lang="ar">الأخبار</title><title lang="fr">Le Journal</title>
      <title lang="nl-BE">Het Journaal</title><desc lang="ar">نشرة</desc><desc lang="fr">Les infos.</desc></programme>`
    expect(shown(news, 'fr')).toEqual(['Le Journal', 'Les infos.'])
    expect(shown(news, 'nl', 'nl')).toEqual(['Het Journaal', 'Les infos.'])
    const tagged = `<programme ${at}><title>Untagged</title><title lang="fr">Tagged FR</title></programme>`
    expect(shown(tagged, 'fr')).toEqual(['Tagged FR', ''])
    expect(shown(tagged, 'nl', 'nl')).toEqual(['Tagged FR', ''])
    const untagged = `<programme ${at}><title lang="ar">الأخبار</title><title>Journal</title></programme>`
    expect(shown(untagged, 'nl', 'nl')).toEqual(['Journal', ''])
    const foreign = `<programme ${at}><title lang="ar">الأخبار</title><title lang="tr">Haberler</title></programme>`
    expect(shown(foreign, 'fr')).toEqual(['الأخبار', ''])
  })

  test('an export with a bare "&" or HTML entities is mended and read, and said once', () => {
    const body = `
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>Tom & Jerry</title></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>Caf&eacute; &amp; th&Eacute; &ndash; &laquo;&nbsp;live&nbsp;&raquo; &#233;t&#xE9;</title>
        <desc><![CDATA[R&D <b>&amp;</b>]]></desc></programme>`
    for (const xml of [tv(body), `<tv>${body}</tv>`]) {
      const lines: string[] = []
      const { programmes } = read(xml, { log: (line) => lines.push(line) })
      expect(programmes.map((p) => p.title.fr)).toEqual([
        'Tom & Jerry',
        'Café & thÉ – « live » été',
      ])
      expect(programmes[1]!.synopsis).toEqual({ fr: 'R&D &' })
      expect(lines).toEqual([
        'guide[xmltv]: http://epg.example/tv.xml is not well-formed XML (1 bare "&", HTML entities eacute, Eacute, ndash, laquo, nbsp, raquo); read as if escaped',
      ])
    }
    expect(() => read(tv(`${body}<programme>`))).toThrow(/not XML/)
  })

  const episodeOfNum = (num: string) =>
    read(
      tv(`<programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee">
        <title>Série</title>${num}</programme>`),
    ).programmes[0]!.episode

  test.each([
    ['S02E05', { season: 2, episode: 5 }],
    ['2x05', { season: 2, episode: 5 }],
    ['E05', { episode: 5 }],
    ['Ep. 5', { episode: 5 }],
    ['Épisode 5', { episode: 5 }],
    ['Aflevering 5', { episode: 5 }],
    ['Saison 2 - Épisode 5', { season: 2, episode: 5 }],
    ['Finale', undefined],
    ['1/2', undefined],
  ])('an episode-num without a system is onscreen (the DTD default): "%s"', (text, expected) => {
    expect(episodeOfNum(`<episode-num>${text}</episode-num>`)).toEqual(expected)
    expect(episodeOfNum(`<episode-num system="onscreen">${text}</episode-num>`)).toEqual(expected)
  })

  test('xmltv_ns is zero-based and read before onscreen; other systems give no numbers', () => {
    expect(
      episodeOfNum(
        '<episode-num>S09E09</episode-num><episode-num system="xmltv_ns">0 . 6/10 . 0/1</episode-num>',
      ),
    ).toEqual({ season: 1, episode: 7 })
    expect(episodeOfNum('<episode-num system="dd_progid">EP01234567.0001</episode-num>')).toBe(
      undefined,
    )
  })

  test('not XML, or not <tv>, is a NOT_XML error', () => {
    expect(() => read('{"programmes": []}')).toThrow(CatalogueError)
    expect(() => read('<rss><channel/></rss>')).toThrow(/not <tv>/)
    expect(() => read('<tv><programme></tv>')).toThrow(/not XML/)
  })
})

test("a grabber's escaped HTML in a description is read as plain text", () => {
  const { programmes } = read(
    tv(`<channel id="ardenne1.be"><display-name lang="fr">Ardenne 1</display-name></channel>
    <programme start="20261202193000 +0100" stop="20261202201500 +0100" channel="ardenne1.be">
      <title lang="fr">Ardennes &amp; Co</title>
      <desc lang="fr">Un policier enquête.&lt;br&gt;Avec de l'&lt;b&gt;action&lt;/b&gt;.</desc>
    </programme>`),
  )
  expect(programmes[0]).toMatchObject({
    title: { fr: 'Ardennes & Co' },
    synopsis: { fr: "Un policier enquête. Avec de l'action." },
  })
})

describe('the XMLTV source', () => {
  const host = (fetch: typeof globalThis.fetch) => ({
    fetch,
    log: () => undefined,
    asset: (p: string) => p,
    baseUrl: 'http://box.local/',
    catalogue: { backend: 'embedded', url: '' },
    catalogueBackends: new BackendRegistry(),
    xmlParser: () => new DOMParser(),
  })
  const xml = tv(`
    <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
    <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>B</title></programme>`)

  test('fetches once, revalidates with the ETag once it is no longer fresh, and slices the window asked', async () => {
    let now = Date.UTC(2026, 11, 2, 17)
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    const asked: (string | null)[] = []
    const fetch = ((_url: string, init: RequestInit) => {
      const etag = (init.headers as Record<string, string>)['If-None-Match'] ?? null
      asked.push(etag)
      return Promise.resolve(
        etag
          ? reply({ status: 304, headers: { ETag: '"v1"' } })
          : reply({ text: xml, headers: { ETag: '"v1"' } }),
      )
    }) as typeof globalThis.fetch
    const source = createGuideSource(
      { source: 'xmltv', url: 'http://epg.example/tv.xml' },
      host(fetch),
    )
    const signal = new AbortController().signal
    const first = await source.guide(
      ['kadee'],
      Date.UTC(2026, 11, 2, 17),
      Date.UTC(2026, 11, 2, 18),
      { signal },
    )
    now += XMLTV_FRESH_MS
    const second = await source.guide(
      ['kadee'],
      Date.UTC(2026, 11, 2, 18),
      Date.UTC(2026, 11, 2, 19),
      { signal },
    )
    expect(first.programmes.map((p) => p.title.fr)).toEqual(['A'])
    expect(second.programmes.map((p) => p.title.fr)).toEqual(['B'])
    expect(asked).toEqual([null, '"v1"'])
    source.dispose()
  })

  test("says what the export covers: its reach, its channels unmatched, the app's without programmes", async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => Date.UTC(2026, 11, 2, 17))
    const fetch = (() =>
      Promise.resolve(
        reply({
          text: tv(`
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="bbc1.uk"><title>B</title></programme>
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="ardenne-1"><title/></programme>`),
        }),
      )) as unknown as typeof globalThis.fetch
    const source = createGuideSource(
      { source: 'xmltv', url: 'http://epg.example/tv.xml' },
      {
        ...host(fetch),
        liveChannels: async () => [
          { id: 'kadee', name: 'Kadee' },
          { id: 'ardenne-1', name: 'Ardenne 1' },
        ],
      },
    )
    const load = await source.guide(
      ['kadee'],
      Date.UTC(2026, 11, 2, 17),
      Date.UTC(2026, 11, 2, 18),
      { signal: new AbortController().signal },
    )
    // Ardenne 1's only programme has no title: it has nothing to show.
    expect(load.coverage).toEqual({
      lastEnd: Date.UTC(2026, 11, 2, 19),
      unmatched: ['bbc1.uk'],
      unfed: ['ardenne-1'],
    })
    source.dispose()
  })

  test('an export without validators is kept a while: moving between days asks nothing', async () => {
    let now = Date.UTC(2026, 11, 2, 17)
    jest.spyOn(Date, 'now').mockImplementation(() => now)
    const fetch = jest.fn(() => Promise.resolve(reply({ text: xml })))
    const source = createGuideSource(
      { source: 'xmltv', url: 'http://epg.example/tv.xml' },
      host(fetch as unknown as typeof globalThis.fetch),
    )
    const signal = new AbortController().signal
    const day = (hour: number) =>
      source.guide(['kadee'], Date.UTC(2026, 11, 2, hour), Date.UTC(2026, 11, 2, hour + 1), {
        signal,
      })
    expect((await day(17)).programmes.map((p) => p.title.fr)).toEqual(['A'])
    now += XMLTV_FRESH_MS - 1
    expect((await day(18)).programmes.map((p) => p.title.fr)).toEqual(['B'])
    expect(fetch).toHaveBeenCalledTimes(1)
    now += 1
    await day(17)
    expect(fetch).toHaveBeenCalledTimes(2)
    source.dispose()
  })

  const twoChannels = tv(`
    <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
    <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="ardenne-1"><title>C</title></programme>`)
  const evening = [Date.UTC(2026, 11, 2, 17), Date.UTC(2026, 11, 2, 18)] as const
  const titlesOf = (load: { programmes: { title: { fr?: string } }[] }) =>
    load.programmes.map((p) => p.title.fr)
  /** The XMLTV source over `fetch`, with the live list's two channels or none. */
  const sourceOver = (fetch: unknown, withLiveList: boolean) =>
    createGuideSource(
      { source: 'xmltv', url: 'http://epg.example/tv.xml' },
      {
        ...host(fetch as typeof globalThis.fetch),
        ...(withLiveList
          ? {
              liveChannels: () =>
                Promise.resolve([
                  { id: 'kadee', name: 'Kadee' },
                  { id: 'ardenne-1', name: 'Ardenne 1' },
                ]),
            }
          : {}),
      },
    )

  test('a zap to another channel finds it in the copy already fetched (matched to the live list)', async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => Date.UTC(2026, 11, 2, 17))
    const fetch = jest.fn(() => Promise.resolve(reply({ text: twoChannels })))
    const source = sourceOver(fetch, true)
    const signal = new AbortController().signal
    const a = await source.guide(['kadee'], ...evening, { signal })
    const c = await source.guide(['ardenne-1'], ...evening, { signal })
    expect(titlesOf(a)).toEqual(['A'])
    expect(titlesOf(c)).toEqual(['C'])
    expect(fetch).toHaveBeenCalledTimes(1)
    source.dispose()
  })

  test('a channel outside the list is matched once; those asked before stay matched', async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => Date.UTC(2026, 11, 2, 17))
    const fetch = jest.fn(() => Promise.resolve(reply({ text: twoChannels })))
    const source = sourceOver(fetch, false)
    const signal = new AbortController().signal
    await source.guide(['kadee'], ...evening, { signal })
    const c = await source.guide(['ardenne-1'], ...evening, { signal })
    const a = await source.guide(['kadee'], ...evening, { signal })
    expect(titlesOf(c)).toEqual(['C'])
    expect(titlesOf(a)).toEqual(['A'])
    expect(fetch).toHaveBeenCalledTimes(2)
    source.dispose()
  })

  test('calls during a download wait for it; one that gives up does not stop it for the others', async () => {
    jest.spyOn(Date, 'now').mockImplementation(() => Date.UTC(2026, 11, 2, 17))
    let answer: () => void = () => undefined
    const fetch = jest.fn(
      () =>
        new Promise<Response>((resolve) => (answer = () => resolve(reply({ text: twoChannels })))),
    )
    const source = sourceOver(fetch, true)
    const banner = new AbortController()
    const first = source.guide(['kadee'], ...evening, { signal: banner.signal })
    const second = source.guide(['ardenne-1'], ...evening, {
      signal: new AbortController().signal,
    })
    await Promise.resolve()
    banner.abort()
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })
    answer()
    expect(titlesOf(await second)).toEqual(['C'])
    expect(fetch).toHaveBeenCalledTimes(1)
    source.dispose()
  })

  test('an aborted call rejects with an AbortError', async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('x', 'AbortError'))),
      )) as typeof globalThis.fetch
    const source = createGuideSource(
      { source: 'xmltv', url: 'http://epg.example/tv.xml' },
      host(fetch),
    )
    const controller = new AbortController()
    const call = source.guide(['kadee'], 0, 1, { signal: controller.signal })
    controller.abort()
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('the registry picks sources by name; an unknown one rejects with UNKNOWN_BACKEND', async () => {
    const fetch = jest.fn() as unknown as typeof globalThis.fetch
    const registry = new GuideSourceRegistry()
    const fake = { name: 'fake', guide: jest.fn(), dispose: jest.fn() }
    registry.register('fake', () => fake)
    expect(createGuideSource({ source: 'fake', url: '' }, host(fetch), registry)).toBe(fake)
    await expect(
      createGuideSource({ source: 'nope', url: '' }, host(fetch), registry).guide([], 0, 1, {
        signal: new AbortController().signal,
      }),
    ).rejects.toMatchObject({ problem: { code: 1006 } })
    registry.unregister('fake')
    expect(registry.names()).toEqual([])
  })
})

describe('XMLTV channels matched to the app', () => {
  const options = {
    channels: { 'vrt.canvas': 'canvas' },
    known: ['la-une', 'een', 'ch12', 'canvas', 'ardenne-1'],
    names: {
      ch12: 'BX1',
      'la-une': 'La Une',
      een: 'Eén',
      canvas: 'Canvas',
      'ardenne-1': 'Ardenne 1',
    },
  }
  const match = channelMatcher(
    options,
    new Map([
      ['bx1.be', ['BX1 Bruxelles']],
      ['bxl', ['BX1']],
      ['tele-x', ['Télé X']],
    ]),
  )

  test.each([
    ['la-une', 'la-une'],
    ['LaUne.be', 'la-une'],
    ['La Une.be', 'la-une'],
    ['Eén.be', 'een'],
    ['EEN', 'een'],
    ['Ardenne1', 'ardenne-1'],
    ['vrt.canvas', 'canvas'],
    // By the app's channel name, from the export's display-name.
    ['bxl', 'ch12'],
    ['tele-x', undefined],
    ['bx1.be', 'ch12'],
  ])('%s -> %s', (xmltvId, appId) => {
    expect(match(xmltvId)).toBe(appId)
  })
})

describe('an XMLTV export cut short', () => {
  test('is read up to its last whole programme, and the log says so', () => {
    const whole = tv(`
      <programme start="20261202180000 +0100" stop="20261202190000 +0100" channel="kadee"><title>A</title></programme>
      <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>B</title></programme>
      <programme start="20261202200000 +0100" stop="20261202210000 +0100" channel="kadee"><title>C</title></programme>`)
    const cut = whole.slice(0, whole.indexOf('<title>C'))
    const lines: string[] = []
    const { drafts } = parseXmltv(cut, 'http://epg.example/tv.xml', new DOMParser(), {
      zoneless: 'utc',
      channels: {},
      known: ['kadee'],
      language: 'fr',
      log: (line) => lines.push(line),
    })
    expect(drafts.map((d) => d.programme.title.fr)).toEqual(['A', 'B'])
    expect(lines.join('\n')).toMatch(/cut short: read up to its last whole programme/)
  })
})

describe('XMLTV times without a zone', () => {
  const body = tv(`
    <programme start="20261202180000" stop="20261202190000" channel="kadee"><title>A</title></programme>
    <programme start="20261202190000 +0100" stop="20261202200000 +0100" channel="kadee"><title>B</title></programme>`)
  const parse = (zoneless: 'utc' | 'brussels') => {
    const lines: string[] = []
    parseXmltv(body, 'http://epg.example/tv.xml', new DOMParser(), {
      zoneless,
      channels: {},
      known: ['kadee'],
      language: 'fr',
      log: (line) => lines.push(line),
    })
    return lines
  }

  test('read as UTC, tell the operator where Belgian time is set', () => {
    expect(parse('utc').join('\n')).toMatch(
      /1 programme times have no zone and are read as UTC.*zoneless to "brussels"/,
    )
    expect(parse('brussels')).toEqual([])
  })
})
