import type { BackendHost } from '../../../src/catalogue/backend'
import { isNotModified } from '../../../src/catalogue/backend'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { declareMissingPrefixes, mapMrssFeed, mrssBackend } from '../../../src/catalogue/mrss'
import { idFromUrl } from '../../../src/catalogue/mrssItem'
import type { Film } from '../../../src/catalogue/schema'
import { routeFetch } from './httpFakes'
import { ATOM_FEED, FULL_FEED, MINIMAL_FEED, UNDECLARED_FEED } from './mrssFixture'

const FEED_URL = 'https://cms.example.be/mrss/feed.xml'
const full = () => mapMrssFeed(FULL_FEED, FEED_URL)
const film = (id: string) => {
  const found = full().titles.find((title) => title.id === id)
  if (!found || found.kind !== 'film') throw new Error(`no film ${id}`)
  return found
}

function thrown(run: () => unknown): CatalogueError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError)
    return error as CatalogueError
  }
  throw new Error('expected a CatalogueError')
}

describe('MRSS feed mapping', () => {
  test('a minimal conformant feed: one film, text in the channel language, nothing skipped', () => {
    const { titles, problems, layout } = mapMrssFeed(MINIMAL_FEED, FEED_URL)
    expect(problems).toEqual([])
    expect(layout).toBeUndefined()
    expect(titles).toHaveLength(1)
    expect(titles[0]).toMatchObject({
      id: 'mrss-001',
      kind: 'film',
      title: { fr: 'Le Pont de Liège' },
      originalTitle: 'Le Pont de Liège',
      synopsis: { fr: 'Un pont, deux rives, et une ville qui se regarde.' },
      year: 2021,
      genres: [],
      countries: ['ZZ'],
      brand: { id: 'studio-meuse', name: 'Studio Meuse', kind: 'distributor' },
      originalLanguage: 'fr',
      audioLanguages: ['fr'],
      subtitleLanguages: [],
      offers: [{ type: 'free' }],
      artwork: { backdrop: 'https://img.example.be/001-1280.jpg' },
      durationMinutes: 91,
      stream: { hls: 'https://cdn.example.be/001/master.m3u8' },
      classification: { minimumAge: null, csa: 'NR', kijkwijzer: 'NR' },
    })
    expect(titles[0]).not.toHaveProperty('ratings')
    expect(titles[0]).not.toHaveProperty('availableUntil')
  })

  test('a channel without its optional <language>: texts in English, the spoken language not specified', () => {
    const feed = MINIMAL_FEED.replace('<language>fr-be</language>', '')
    const [title] = mapMrssFeed(feed, FEED_URL).titles
    expect(title).toMatchObject({
      title: { en: 'Le Pont de Liège' },
      originalLanguage: 'und',
      audioLanguages: ['und'],
    })
  })

  test('items that cannot be mapped are skipped with their reason; the rest shows', () => {
    const { titles, problems } = full()
    expect(titles.map((title) => title.id)).toEqual([
      'https-cms-example-be-videos-grand-format-1',
      'enc-002',
      'dash-003',
      'adult-004',
      'simple-005',
      // No guid (optional in RSS 2.0): named after its video.
      '006-t5xgsg',
    ])
    expect(problems.map((p) => [p.itemId, p.code, p.reason, p.message])).toEqual([
      [
        'SMOOTH-007',
        CatalogueErrorCode.ITEM_INVALID,
        'no-playable-video',
        'media:content: only Smooth Streaming, which the app does not play ("Lisse")',
      ],
      [
        'IMAGE-008',
        CatalogueErrorCode.ITEM_INVALID,
        'no-playable-video',
        'media:content: no HLS, DASH or MP4 video ("Une image")',
      ],
      [
        'NOTITLE-009',
        CatalogueErrorCode.ITEM_INVALID,
        'missing-field',
        'title: no media:title, title or description',
      ],
      // Kept, without the credit of a role no screen shows: said for the diagnostics page.
      [
        'https://cms.example.be/videos/Grand Format 1',
        CatalogueErrorCode.PART_LEFT_OUT,
        undefined,
        'credit-role: 1 left out (lighting: Cy Light)',
      ],
    ])
  })

  test('a feed with only what RSS 2.0 requires: no guid, and an item with only a description', () => {
    const minimal = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
      <title>T</title><link>https://tv.example.be/</link><description>d</description>
      <item><title>Min</title><media:content url="https://cdn.example.be/a/master.m3u8"/></item>
      <item><description>Une soirée au bord de la Meuse. Puis la nuit tombe.</description>
        <media:content url="https://cdn.example.be/b/manifest.mpd"/></item>
      <item><title>Lien</title><link>https://tv.example.be/films/lien</link>
        <enclosure url="https://cdn.example.be/c.mp4" type="video/mp4" length="1"/></item>
    </channel></rss>`
    const { titles, problems } = mapMrssFeed(minimal, FEED_URL)
    expect(problems).toEqual([])
    expect(titles.map((title) => [title.id, Object.values(title.title)[0]])).toEqual([
      [idFromUrl('https://cdn.example.be/a/master.m3u8'), 'Min'],
      [idFromUrl('https://cdn.example.be/b/manifest.mpd'), 'Une soirée au bord de la Meuse.'],
      [idFromUrl('https://tv.example.be/films/lien'), 'Lien'],
    ])
    expect(Object.values(titles[1]!.synopsis)).toEqual([
      'Une soirée au bord de la Meuse. Puis la nuit tombe.',
    ])
  })

  test('of several MP4 files, one taller than Full HD plays only when there is no other', () => {
    const item = (files: [string, number][]) =>
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
        <item><guid>u</guid><title>U</title><media:group>${files
          .map(
            ([name, height]) =>
              `<media:content url="https://cdn.example.be/${name}.mp4" type="video/mp4" height="${height}" bitrate="${height * 5}"/>`,
          )
          .join('')}</media:group></item></channel></rss>`
    const played = (files: [string, number][]) =>
      (mapMrssFeed(item(files), FEED_URL).titles[0] as Film).stream.mp4
    expect(
      played([
        ['uhd', 2160],
        ['fhd', 1080],
        ['hd', 720],
      ]),
    ).toBe('https://cdn.example.be/fhd.mp4')
    expect(played([['uhd', 2160]])).toBe('https://cdn.example.be/uhd.mp4')
  })

  test('items without a guid that share the show page as their link stay apart, with steady ids', () => {
    const item = (title: string, video: string) =>
      `<item><title>${title}</title><link>https://tv.example.be/show</link>
        <media:content url="https://cdn.example.be/${video}.m3u8"/></item>`
    const feed = (items: string[]) =>
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
        ${items.join('')}</channel></rss>`
    const episodes = [item('Un', 'e1'), item('Deux', 'e2'), item('Trois', 'e2')]
    const { titles, problems } = mapMrssFeed(feed(episodes), FEED_URL)
    expect(problems).toEqual([])
    const ids = titles.map((title) => title.id)
    expect(new Set(ids).size).toBe(3)
    // The first keeps the id it had before; a reload gives every item the same id again.
    expect(ids[0]).toBe(idFromUrl('https://tv.example.be/show'))
    expect(mapMrssFeed(feed(episodes), FEED_URL).titles.map((title) => title.id)).toEqual(ids)
    // The very same item twice is one title.
    const twice = mapMrssFeed(feed([item('Un', 'e1'), item('Un', 'e1')]), FEED_URL)
    expect(twice.titles).toHaveLength(1)
    expect(twice.problems.map((problem) => problem.reason)).toEqual(['duplicate-id'])
  })

  test("the channel's children (its items) are read a few times for the whole feed, not once per item", () => {
    const items = Array.from(
      { length: 200 },
      (_, n) =>
        `<item><guid>i-${n}</guid><title>T${n}</title><media:content url="https://cdn.example.be/${n}.mp4" type="video/mp4"/></item>`,
    )
    const feed = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <media:rating scheme="urn:simple">nonadult</media:rating>${items.join('')}</channel></rss>`
    const real = new DOMParser()
    let reads = 0
    const parser = {
      parseFromString(source: string, type: DOMParserSupportedType) {
        const document = real.parseFromString(source, type)
        const channel = document.documentElement.firstElementChild!
        const children = Object.getOwnPropertyDescriptor(Element.prototype, 'children')!
        Object.defineProperty(channel, 'children', {
          get() {
            reads++
            return children.get!.call(channel) as HTMLCollection
          },
        })
        return document
      },
    } as DOMParser
    const { titles } = mapMrssFeed(feed, FEED_URL, { parser })
    expect(titles).toHaveLength(200)
    // Quadratic before: 200 items read the channel's 201 children once each, 2,000 took seconds.
    expect(reads).toBeLessThan(10)
  })

  test('a media URL with a space or an accent is encoded, not a reason to drop the item', () => {
    const feed = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><guid>sp-1</guid><title>Espace</title>
      <media:content url="https://cdn.example.be/mes films/été.mp4" type="video/mp4"/>
      <media:thumbnail url="https://cdn.example.be/my poster.jpg"/></item></channel></rss>`
    const { titles, problems } = mapMrssFeed(feed, FEED_URL)
    expect(problems).toEqual([])
    expect((titles[0] as Film).stream.mp4).toBe(
      'https://cdn.example.be/mes%20films/%C3%A9t%C3%A9.mp4',
    )
  })

  test("the RSS 0.91 DOCTYPE's HTML entities are read as the characters they name", () => {
    const feed = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T&eacute;l&eacute;</title>
      <item><guid>dt-1</guid><title>Caf&eacute; cr&egrave;me</title>
      <description>L&rsquo;&eacute;t&eacute;&nbsp;fini &amp; puis</description>
      <media:content url="https://cdn.example.be/dt.m3u8"/></item></channel></rss>`
    const log = jest.fn()
    const [title] = mapMrssFeed(feed, FEED_URL, { log }).titles
    expect(Object.values(title!.title)).toEqual(['Café crème'])
    expect(Object.values(title!.synopsis)).toEqual(['L’été fini & puis'])
    expect(title!.brand.name).toBe('Télé')
  })

  test('a feed whose default namespace is Media RSS: its unprefixed RSS elements are read too', () => {
    const feed = `<rss version="2.0" xmlns="http://search.yahoo.com/mrss/"><channel>
      <title>T</title><link>https://tv.example.be/</link><description>d</description>
      <item><guid>dn-1</guid><title>Défaut</title><description>Un film sans préfixe.</description>
        <group><content url="https://cdn.example.be/dn/master.m3u8" duration="5400"/></group>
        <thumbnail url="https://cdn.example.be/dn.jpg"/></item>
    </channel></rss>`
    const { titles, problems } = mapMrssFeed(feed, FEED_URL)
    expect(problems).toEqual([])
    expect(titles).toMatchObject([
      {
        id: 'dn-1',
        title: { en: 'Défaut' },
        durationMinutes: 90,
        stream: { hls: 'https://cdn.example.be/dn/master.m3u8' },
      },
    ])
  })

  test.each([
    ['Sun, 1 Jan 1995 00:30:00 +0100', 1995],
    ['Tue, 31 Dec 2019 23:30:00 -0500', 2019],
    ['2003-01-01T00:10:00+02:00', 2003],
    ['Wed, 02 Oct 02 13:00:00 GMT', 2002],
    // European zone names, which the engines' date parsers refuse.
    ['Wed, 11 Nov 2009 20:00:00 CET', 2009],
    ['Sat, 27 Jun 2015 21:00:00 CEST', 2015],
    ['Sat, 27 Jun 2015 21:00:00 BST', 2015],
    // Epoch time, seconds or milliseconds.
    ['1614884400', 2021],
    ['1614884400000', 2021],
  ])('the year is read from the date as written: %s', (pubDate, year) => {
    const feed = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
      <item><guid>y</guid><title>Y</title><pubDate>${pubDate}</pubDate>
      <media:content url="https://cdn.example.be/y.m3u8"/></item></channel></rss>`
    expect(mapMrssFeed(feed, FEED_URL).titles[0]!.year).toBe(year)
  })

  test('an enclosure with no duration of its own takes itunes:duration', () => {
    const feed = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>
      <item><guid>e</guid><title>E</title><itunes:duration>0:45:10</itunes:duration>
      <enclosure url="https://cdn.example.be/e.mp4" type="video/mp4" length="0"/></item></channel></rss>`
    expect(mapMrssFeed(feed, FEED_URL).titles[0]).toMatchObject({ durationMinutes: 45 })
  })

  test("a podcast-style item's itunes:summary and itunes:image are its synopsis and artwork", () => {
    const feed = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>
      <item><guid>p</guid><title>L'Ardenne en hiver</title>
      <itunes:summary>Trois semaines dans la neige.</itunes:summary>
      <itunes:image href="https://cdn.example.be/p.jpg"/>
      <enclosure url="https://cdn.example.be/p.mp4" type="video/mp4" length="0"/></item></channel></rss>`
    expect(mapMrssFeed(feed, FEED_URL).titles[0]).toMatchObject({
      synopsis: { en: 'Trois semaines dans la neige.' },
      artwork: { backdrop: 'https://cdn.example.be/p.jpg' },
    })
  })

  test("a file of two channels (exports joined) keeps both channels' items, each its own provider", () => {
    const channel = (name: string, language: string) =>
      `<channel><title>${name}</title><language>${language}</language>
      <item><guid>${name}-1</guid><title>${name} 1</title><enclosure url="https://cdn.example.be/${name}-1.mp4" type="video/mp4" length="0"/></item>
      <item><guid>${name}-2</guid><title>${name} 2</title><enclosure url="https://cdn.example.be/${name}-2.mp4" type="video/mp4" length="0"/></item>
      </channel>`
    const feed = `<rss version="2.0">${channel('nord', 'nl-BE')}${channel('sud', 'fr-BE')}</rss>`
    const { titles, problems } = mapMrssFeed(feed, FEED_URL)
    expect(problems).toEqual([])
    expect(titles.map((title) => [title.id, title.brand?.name, title.title])).toEqual([
      ['nord-1', 'nord', { nl: 'nord 1' }],
      ['nord-2', 'nord', { nl: 'nord 2' }],
      ['sud-1', 'sud', { fr: 'sud 1' }],
      ['sud-2', 'sud', { fr: 'sud 2' }],
    ])
  })

  test('an id from a URL is a slug that stays the same and tells close URLs apart', () => {
    const id = idFromUrl('https://cdn.example.be/series/ep-1/master.m3u8')
    expect(id).toMatch(/^[a-z0-9-]+$/)
    expect(id).toBe(idFromUrl('https://cdn.example.be/series/ep-1/master.m3u8'))
    const long = 'https://cdn.example.be/' + 'x'.repeat(300)
    expect(idFromUrl(`${long}/1.mp4`)).not.toBe(idFromUrl(`${long}/2.mp4`))
    expect(idFromUrl(`${long}/1.mp4`).length).toBeLessThan(80)
  })

  test('media:group with several media:content: HLS is the main video, the best MP4 is kept as fallback', () => {
    const grand = film('https-cms-example-be-videos-grand-format-1')
    expect(grand.stream).toEqual({
      hls: 'https://cdn.example.be/gf1/master.m3u8',
      mp4: 'https://cdn.example.be/gf1/1080.mp4',
      // The next file, should the Full HD one not play (a codec the box does not decode).
      mp4Fallbacks: ['https://cdn.example.be/gf1/720.mp4'],
      subtitles: [
        { url: 'https://cdn.example.be/gf1/nl.vtt', language: 'nl', format: 'vtt' },
        { url: 'https://cdn.example.be/gf1/fr.ttml', language: 'fr', format: 'ttml' },
      ],
    })
    // Attributes are strings: " 5430.0 " seconds, and the HLS rendition's language.
    expect(grand.durationMinutes).toBe(91)
    expect(grand.audioLanguages).toEqual(['nl'])
    expect(grand.subtitleLanguages).toEqual(['nl', 'fr'])
  })

  test('media:title and an HTML media:description in the group win over the RSS elements', () => {
    const grand = film('https-cms-example-be-videos-grand-format-1')
    expect(grand.title).toEqual({ fr: 'Grand Format' })
    expect(grand.synopsis).toEqual({ fr: 'Une histoire de fleuve.' })
    expect(grand.year).toBe(2025)
  })

  test('categories give genres (unknown ones as labels), keywords only known genres; credits, widest thumbnail', () => {
    const grand = film('https-cms-example-be-videos-grand-format-1')
    expect(grand.genres).toEqual(['drama', 'comedy'])
    expect(grand.genreLabels).toEqual(['Belgique'])
    expect(grand.crew).toEqual([{ name: 'Ann Director', role: 'director' }])
    expect(grand.cast).toEqual([{ name: 'Bo Actor', role: 'actor' }])
    expect(grand.artwork).toEqual({ backdrop: 'https://cms.example.be/mrss/art/gf1-1920.jpg' })
  })

  test('ratings: urn:mpaa is MPAA, urn:v-chip US TV, urn:simple adult is 18; other schemes kept and not rated', () => {
    expect(film('https-cms-example-be-videos-grand-format-1')).toMatchObject({
      ratings: [{ system: 'MPAA', value: 'pg-13' }],
      classification: { minimumAge: 13 },
    })
    expect(film('enc-002')).toMatchObject({
      ratings: [{ system: 'US_TV', value: 'tv-y7' }],
      classification: { minimumAge: 7 },
    })
    expect(film('dash-003')).toMatchObject({
      ratings: [{ system: 'urn:sg', value: 'M18' }],
      classification: { minimumAge: null, csa: 'NR' },
    })
    // No scheme: Media RSS's default, urn:simple.
    expect(film('adult-004')).toMatchObject({
      ratings: [{ system: 'urn:simple', value: 'adult' }],
      classification: { minimumAge: 18, csa: '18' },
    })
    expect(film('simple-005').classification.minimumAge).toBeNull()
  })

  test('an enclosure instead of media:content; no description: the synopsis is the title; RFC 822 date', () => {
    expect(film('enc-002')).toMatchObject({
      stream: { mp4: 'https://cdn.example.be/kust.mp4' },
      synopsis: { fr: 'Kust' },
      year: 2019,
    })
    expect(film('enc-002')).not.toHaveProperty('durationMinutes')
  })

  test('dcterms:valid gives the availability window; an expired title stays in the model', () => {
    expect(film('https-cms-example-be-videos-grand-format-1')).toMatchObject({
      availableFrom: '2026-01-01T00:00:00.000Z',
      availableUntil: '2027-12-31T22:59:59.000Z',
    })
    const expired = film('dash-003') as Film
    expect(expired).toMatchObject({
      availableFrom: '2024-01-01T00:00:00.000Z',
      availableUntil: '2025-01-01T00:00:00.000Z',
      stream: { dash: 'https://cdn.example.be/003/manifest.mpd' },
      durationMinutes: 100,
      synopsis: { fr: 'Een film die niet meer te zien is.' },
    })
  })

  test('undeclared media: and dcterms: prefixes are declared before parsing, and the repair is logged', () => {
    const logs: string[] = []
    const { titles, problems } = mapMrssFeed(UNDECLARED_FEED, FEED_URL, {
      log: (line) => logs.push(line),
    })
    expect(problems).toEqual([])
    expect(titles[0]).toMatchObject({
      id: 'noord-1',
      title: { nl: 'Polder' },
      synopsis: { nl: 'Wind & water.' },
      year: 2003,
      stream: { hls: 'https://cdn.example.be/polder.m3u8' },
      durationMinutes: 60,
      availableUntil: '2030-01-01T00:00:00.000Z',
      artwork: { backdrop: 'https://img.example.be/polder.jpg' },
    })
    expect(logs).toEqual([
      `catalogue[mrss]: ${FEED_URL} uses undeclared namespace prefixes (media, dcterms); read as if declared`,
    ])
  })

  test("media:restriction by country: items the boxes' country may not show are skipped, with the reason", () => {
    const item = (guid: string, restriction: string) =>
      `<item><title>${guid}</title><guid>${guid}</guid>${restriction}
        <media:content url="https://cdn.example.be/${guid}.m3u8" type="application/x-mpegURL"/></item>`
    const feed = MINIMAL_FEED.replace(
      /<item>[\s\S]*<\/item>/,
      [
        item(
          'deny-be',
          '<media:restriction relationship="deny" type="country">fr be</media:restriction>',
        ),
        item(
          'allow-us',
          '<media:restriction relationship="allow" type="country">us ca</media:restriction>',
        ),
        item(
          'allow-be',
          '<media:restriction relationship="allow" type="country">BE nl lu</media:restriction>',
        ),
        item(
          'deny-none',
          '<media:restriction relationship="deny" type="country">none</media:restriction>',
        ),
        item(
          'allow-all',
          '<media:restriction relationship="allow" type="country">all</media:restriction>',
        ),
        item(
          'uri-only',
          '<media:restriction relationship="allow" type="uri">https://box.example.be</media:restriction>',
        ),
        item(
          'group-wins',
          '<media:restriction relationship="allow" type="country">be</media:restriction><media:group><media:restriction relationship="deny" type="country">be</media:restriction><media:content url="https://cdn.example.be/g.m3u8" type="application/x-mpegURL"/></media:group>',
        ),
      ].join('\n'),
    )
    const inBelgium = mapMrssFeed(feed, FEED_URL, { country: 'BE' })
    expect(inBelgium.titles.map((t) => t.id)).toEqual([
      'allow-be',
      'deny-none',
      'allow-all',
      'uri-only',
    ])
    expect(inBelgium.problems.map((p) => [p.itemId, p.reason, p.message])).toEqual([
      ['deny-be', 'not-in-country', expect.stringContaining('denies fr be')],
      ['allow-us', 'not-in-country', expect.stringContaining('allows only us ca')],
      ['group-wins', 'not-in-country', expect.stringContaining('denies be')],
    ])
    // No country set: restrictions are not applied.
    expect(mapMrssFeed(feed, FEED_URL).titles).toHaveLength(7)
  })

  test('HTML entities XML does not know are read as their characters, and the repair is logged', () => {
    const logs: string[] = []
    const feed = MINIMAL_FEED.replace(
      '<title>Le Pont de Liège</title>',
      '<title>Caf&eacute;&nbsp;noir &amp; cr&egrave;me</title>',
    )
    const { titles } = mapMrssFeed(feed, FEED_URL, { log: (line) => logs.push(line) })
    expect(titles.map((t) => t.title)).toEqual([{ fr: 'Café noir & crème' }])
    expect(logs).toEqual([
      `catalogue[mrss]: ${FEED_URL} uses HTML entities XML does not know (eacute, nbsp, egrave); read as the characters they name`,
    ])
  })

  test('an "&" that starts no entity, in a title or a URL, is read as the character, not a broken feed', () => {
    const logs: string[] = []
    const feed = MINIMAL_FEED.replace(
      '<title>Le Pont de Liège</title>',
      '<title>Rock & Roll &amp; Caf&eacute;</title>',
    ).replace('master.m3u8"', 'master.m3u8?token=a1&amp;exp=9&sig=x"')
    const { titles } = mapMrssFeed(feed, FEED_URL, { log: (line) => logs.push(line) })
    expect(titles).toMatchObject([
      {
        title: { fr: 'Rock & Roll & Café' },
        stream: { hls: 'https://cdn.example.be/001/master.m3u8?token=a1&exp=9&sig=x' },
      },
    ])
    expect(logs).toContain(
      `catalogue[mrss]: ${FEED_URL} has 2 "&" starting no entity (write "&amp;"); read as the character`,
    )
  })

  test('declareMissingPrefixes leaves declared prefixes alone and names unknown ones', () => {
    const { source, added, undeclared } = declareMissingPrefixes(
      '<?xml version="1.0"?><rss xmlns:media="http://search.yahoo.com/mrss/"><media:a/><acme:b x:y="1"/><jw:c xmlns:jw="urn:jw"/></rss>',
    )
    expect(added).toEqual(['acme', 'jw', 'x'])
    // Declared on the element that uses it: not one for the operator's log.
    expect(undeclared).toEqual(['acme', 'x'])
    expect(source).toContain(
      '<rss xmlns:acme="urn:x-undeclared:acme" xmlns:jw="urn:x-undeclared:jw" xmlns:x="urn:x-undeclared:x" xmlns:media=',
    )
  })

  test('XML that is not RSS is a NOT_CONTRACT error naming its root', () => {
    const error = thrown(() => mapMrssFeed(ATOM_FEED, FEED_URL))
    expect(error.problem).toMatchObject({
      code: CatalogueErrorCode.NOT_CONTRACT,
      severity: 'critical',
      category: 'format',
      backend: 'mrss',
    })
    expect(error.message).toBe(
      `${FEED_URL} is not an RSS feed (root: the root element is <feed>, not <rss>)`,
    )
    expect(thrown(() => mapMrssFeed('<rss version="2.0"/>', FEED_URL)).message).toMatch(
      /no <channel>/,
    )
  })

  test.each([
    ['JSON', '{"movies": []}'],
    ['HTML', '<html><body><br></body></html>'],
    ['a truncated feed', MINIMAL_FEED.slice(0, 300)],
    ['an empty body', ''],
  ])('%s is a NOT_XML error', (_label, body) => {
    const error = thrown(() => mapMrssFeed(body, FEED_URL))
    expect(error.problem).toMatchObject({
      code: CatalogueErrorCode.NOT_XML,
      severity: 'critical',
      category: 'format',
    })
    expect(error.message).toMatch(
      new RegExp(`^${FEED_URL.replace(/\./g, '\\.')} is not XML \\(.+\\)$`),
    )
  })
})

describe('MRSS deviations seen in real exports', () => {
  const itemWith = (replace: [string, string][]) =>
    replace.reduce((feed, [from, to]) => feed.replace(from, to), MINIMAL_FEED)

  test('a trailer listed beside the film (expression="sample") is neither what plays nor its length', () => {
    const feed = itemWith([
      [
        '<media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" medium="video" duration="5430" />',
        `<media:group>
          <media:content url="https://cdn.example.be/001/trailer.m3u8" type="application/x-mpegURL" expression="sample" duration="95" bitrate="6000" />
          <media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" expression="full" duration="5430" />
          <media:content url="https://cdn.example.be/001/trailer.mp4" type="video/mp4" expression="sample" duration="95" />
        </media:group>`,
      ],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles as Film[]
    expect(title).toMatchObject({
      durationMinutes: 91,
      stream: { hls: 'https://cdn.example.be/001/master.m3u8' },
    })
    expect(title!.stream).not.toHaveProperty('mp4')
  })

  test("the title, description, thumbnail and rating inside the MP4's media:content describe an item whose HLS one is bare", () => {
    const feed = itemWith([
      [
        '<media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" medium="video" duration="5430" />',
        `<media:content url="https://cdn.example.be/001/master.m3u8" type="application/x-mpegURL" />
        <media:content url="https://cdn.example.be/001/film.mp4" type="video/mp4" duration="5430">
          <media:title>Le Pont, version longue</media:title>
          <media:description>Deux rives.</media:description>
          <media:thumbnail url="https://img.example.be/001-inner.jpg" />
          <media:rating scheme="urn:mpaa">r</media:rating>
        </media:content>`,
      ],
      ['<media:thumbnail url="https://img.example.be/001-1280.jpg" />', ''],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles as Film[]
    expect(title).toMatchObject({
      title: { fr: 'Le Pont, version longue' },
      synopsis: { fr: 'Deux rives.' },
      artwork: { backdrop: 'https://img.example.be/001-inner.jpg' },
      ratings: [{ system: 'MPAA', value: 'r' }],
      classification: { minimumAge: 17 },
      stream: { hls: 'https://cdn.example.be/001/master.m3u8' },
    })
  })

  test("empty media elements a template wrote for blank fields do not hide the item's own", () => {
    const feed = itemWith([
      [
        'medium="video" duration="5430" />',
        `medium="video" duration="5430">
          <media:title></media:title><media:description/><media:thumbnail url="" /><media:rating> </media:rating>
        </media:content>
        <media:title>Le Pont, titre média</media:title>
        <media:description>La description de l’item.</media:description>
        <media:rating scheme="urn:mpaa">pg</media:rating>`,
      ],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles as Film[]
    expect(title).toMatchObject({
      title: { fr: 'Le Pont, titre média' },
      synopsis: { fr: 'La description de l’item.' },
      artwork: { backdrop: 'https://img.example.be/001-1280.jpg' },
      ratings: [{ system: 'MPAA', value: 'pg' }],
    })
  })

  test('an item with nothing but a sample still shows it', () => {
    const feed = itemWith([['medium="video"', 'medium="video" expression="sample"']])
    const [title] = mapMrssFeed(feed, FEED_URL).titles as Film[]
    expect(title!.stream).toEqual({ hls: 'https://cdn.example.be/001/master.m3u8' })
  })

  test('dcterms:valid in ISO 8601 basic form, or with an offset of hours alone, bounds the window', () => {
    const feed = itemWith([
      ['xmlns:media=', 'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media='],
      [
        '<media:thumbnail',
        '<dcterms:valid>start=20200101T000000Z; end=2021-01-01T00:00:00+01; scheme=W3C-DTF</dcterms:valid><media:thumbnail',
      ],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles
    expect(title).toMatchObject({
      availableFrom: '2020-01-01T00:00:00.000Z',
      availableUntil: '2020-12-31T23:00:00.000Z',
    })
  })

  test('a description in HTML keeps a space where a line break or a paragraph stood', () => {
    const feed = itemWith([
      [
        '<description>Un pont, deux rives, et une ville qui se regarde.</description>',
        '<description><![CDATA[<p>Een <b>mooie</b> film &amp; meer.<br/>Tweede regel</p><p>Derde</p>]]></description>',
      ],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles
    expect(title!.synopsis).toEqual({ fr: 'Een mooie film & meer. Tweede regel Derde' })
  })

  test('a description in HTML loses its scripts and styles, wherever they stand, and stray controls', () => {
    const feed = itemWith([
      [
        '<description>Un pont, deux rives, et une ville qui se regarde.</description>',
        // XML 1.0 allows the C1 controls (U+0080-U+009F) but no C0 one besides tab and breaks.
        '<description><![CDATA[<p>Un <b>film</b></p><br/>avec du HTML<script>alert(1)</script><style>p{color:red}</style>\u009c fin</p>]]></description>',
      ],
    ])
    const [title] = mapMrssFeed(feed, FEED_URL).titles
    expect(title!.synopsis).toEqual({ fr: 'Un film avec du HTML fin' })
  })

  test('an item dated in Dublin Core instead of pubDate still has its year', () => {
    const feed = itemWith([
      [
        'xmlns:media="http://search.yahoo.com/mrss/"',
        'xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ],
      ['<pubDate>Thu, 04 Mar 2021 20:00:00 +0100</pubDate>', '<dc:date>2019-06-01</dc:date>'],
    ])
    expect(mapMrssFeed(feed, FEED_URL).titles[0]).toMatchObject({ year: 2019 })
  })

  test("a parse error says the parser's line, not the headings Chromium wraps it in", () => {
    const page = new DOMParser().parseFromString(
      '<rss><parsererror xmlns="http://www.w3.org/1999/xhtml"><h3>This page contains the following errors:</h3>' +
        '<div>error on line 14 at column 39: Unexpected end of stream</div>' +
        '<h3>Below is a rendering of the page up to the first error.</h3></parsererror></rss>',
      'application/xml',
    )
    jest.spyOn(DOMParser.prototype, 'parseFromString').mockReturnValue(page)
    const error = thrown(() => mapMrssFeed(MINIMAL_FEED, FEED_URL))
    expect(error.message).toBe(
      `${FEED_URL} is not XML (error on line 14 at column 39: Unexpected end of stream)`,
    )
  })
})

describe('mrssBackend', () => {
  const host = (fetchFn: typeof fetch, logs: string[] = []): BackendHost => ({
    settings: { backend: 'mrss', url: FEED_URL, retries: 1, timeoutMs: 1000 },
    fetch: fetchFn,
    asset: (path) => path,
    baseUrl: 'https://app.example.be/',
    log: (line) => logs.push(line),
  })
  const signal = () => new AbortController().signal

  test('loads the feed as text with an XML Accept header, keeps its validators and logs skipped items', async () => {
    const { fetchFn, calls } = routeFetch({
      'feed.xml': { text: FULL_FEED, headers: { ETag: '"m1"' } },
    })
    const logs: string[] = []
    const backend = mrssBackend(host(fetchFn, logs))
    expect(backend.keepsLastGood).toBe(true)
    const result = await backend.load({ signal: signal() })
    if (isNotModified(result)) throw new Error('unexpected 304')
    expect(calls[0]?.url).toBe(FEED_URL)
    expect(calls[0]?.headers.Accept).toMatch(/^application\/rss\+xml/)
    expect(result.titles).toHaveLength(6)
    expect(result.revision).toEqual({ etag: '"m1"' })
    expect(logs).toEqual([
      expect.stringMatching(/^catalogue\[mrss\]: skipped SMOOTH-007 /),
      expect.stringMatching(/^catalogue\[mrss\]: skipped IMAGE-008 /),
      expect.stringMatching(/^catalogue\[mrss\]: skipped NOTITLE-009 /),
      'catalogue[mrss]: kept, parts left out of https://cms.example.be/videos/Grand Format 1 (credit-role: 1 left out (lighting: Cy Light))',
    ])
  })

  test('revalidates with If-None-Match; a 304 is not-modified', async () => {
    const { fetchFn, calls } = routeFetch({
      'feed.xml': { status: 304, headers: { ETag: '"m1"' } },
    })
    const result = await mrssBackend(host(fetchFn)).load({
      signal: signal(),
      revision: { etag: '"m1"' },
    })
    expect(calls[0]?.headers['If-None-Match']).toBe('"m1"')
    expect(result).toEqual({ notModified: true, revision: { etag: '"m1"' } })
  })

  test('a 5xx is retried through the shared request path', async () => {
    let count = 0
    const { fetchFn, calls } = routeFetch({
      'feed.xml': () => (++count === 1 ? { status: 503, body: {} } : { text: MINIMAL_FEED }),
    })
    const result = await mrssBackend(host(fetchFn)).load({ signal: signal() })
    expect(calls).toHaveLength(2)
    expect(isNotModified(result) ? [] : result.titles.map((t) => t.id)).toEqual(['mrss-001'])
  })

  test('a body that is not XML rejects with NOT_XML and is not retried', async () => {
    const { fetchFn, calls } = routeFetch({ 'feed.xml': { text: '<!doctype html><p>Gateway' } })
    const error = await mrssBackend(host(fetchFn))
      .load({ signal: signal() })
      .catch((reason: unknown) => reason)
    expect((error as CatalogueError).problem.code).toBe(CatalogueErrorCode.NOT_XML)
    expect(calls).toHaveLength(1)
  })
})
