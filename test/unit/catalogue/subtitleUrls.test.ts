import { mapFeed } from '../../../src/catalogue/directPublisher'
import { mapMrssFeed } from '../../../src/catalogue/mrss'
import { languageCode, subtitleFormat } from '../../../src/catalogue/tolerant'
import { conformantFeed } from './feedDeviations'

describe('subtitle URLs that name no file', () => {
  test('without a type or an extension a file is WebVTT; a declared or named format still wins', () => {
    expect(subtitleFormat(undefined, 'https://cdn.example.be/x/subs?id=5')).toBe('vtt')
    expect(subtitleFormat(undefined, 'https://cdn.example.be/subtitles.php?id=5&lang=nl')).toBe(
      'vtt',
    )
    expect(subtitleFormat('', 'https://cdn.example.be/x/5/nl')).toBe('vtt')
    expect(subtitleFormat('application/ttml+xml', 'https://cdn.example.be/x/subs?id=5')).toBe(
      'ttml',
    )
    expect(subtitleFormat(undefined, 'https://cdn.example.be/x/fr.srt?v=2')).toBe('srt')
    // A file named in a format the app does not read is not passed off as WebVTT.
    expect(subtitleFormat(undefined, 'https://cdn.example.be/x/fr.ass')).toBeUndefined()
    expect(subtitleFormat('text/x-ssa', 'https://cdn.example.be/x/subs?id=5')).toBeUndefined()
  })

  test('MRSS: a media:subTitle with no type at an extensionless URL is a subtitle of the film', () => {
    const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Studio Meuse</title>
<item><guid>S-1</guid><title>Le Pont</title>
<media:content url="https://cdn.example.be/s1/master.m3u8"/>
<media:subTitle lang="nl" href="https://cdn.example.be/x/subs?id=5"/>
</item></channel></rss>`
    const [title] = mapMrssFeed(feed, 'https://cms.example.be/feed.xml').titles
    expect(title).toMatchObject({
      subtitleLanguages: ['nl'],
      stream: {
        subtitles: [{ url: 'https://cdn.example.be/x/subs?id=5', language: 'nl', format: 'vtt' }],
      },
    })
  })

  test('Direct Publisher: captions at an extensionless URL are kept', () => {
    const feed = conformantFeed()
    Object.assign(feed.movies[0]!.content, {
      captions: [
        {
          url: 'https://cdn.example.be/captions/1001?lang=fr',
          language: 'fr',
          captionType: 'CLOSED_CAPTION',
        },
      ],
    })
    const film = mapFeed(feed, 'https://cms.example.be/feed.json').titles[0]
    expect(film).toMatchObject({
      stream: {
        subtitles: [
          {
            url: 'https://cdn.example.be/captions/1001?lang=fr',
            language: 'fr',
            format: 'vtt',
            captions: true,
          },
        ],
      },
    })
  })
})

describe('subtitle files the player cannot use', () => {
  test('Direct Publisher: an SSA file, or one without a language, is reported for the film and its episodes', () => {
    const feed = conformantFeed()
    feed.movies[0]!.content.captions = [
      { url: 'https://cdn.example.be/subs/fr.ass', language: 'fr' },
      { url: 'https://cdn.example.be/subs/nl.vtt', language: 'nl' },
      { url: 'https://cdn.example.be/subs/de.vtt', language: 'Klingon' },
    ] as never
    feed.series[0]!.seasons[0]!.episodes[0]!.content.captions = [
      { url: 'https://cdn.example.be/subs/e1.scc', language: 'en', captionType: 'CLOSED_CAPTION' },
    ] as never
    const { titles, problems } = mapFeed(feed, 'https://cms.example.be/feed.json')
    expect(titles.map((title) => title.id)).toEqual(['1001', '1002', '2001'])
    expect(titles[0]).toMatchObject({ subtitleLanguages: ['nl'] })
    expect(problems.map((problem) => [problem.itemId, problem.leftOut])).toEqual([
      ['1001', { reason: 'subtitle-format', count: 1, detail: 'fr.ass' }],
      ['2001', { reason: 'subtitle-format', count: 1, detail: 'e1.scc' }],
      ['1001', { reason: 'subtitle-language', count: 1, detail: 'de.vtt ("Klingon")' }],
    ])
  })

  test('MRSS: a media:subTitle in SSA, or with no lang, is reported; a skipped item is not', () => {
    const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Studio Meuse</title>
<item><guid>S-1</guid><title>Le Pont</title>
<media:group><media:content url="https://cdn.example.be/s1/master.m3u8"/>
<media:subTitle lang="fr" type="text/x-ssa" href="https://cdn.example.be/s1/fr.ssa"/></media:group>
<media:subTitle href="https://cdn.example.be/s1/nl.vtt"/>
</item>
<item><guid>S-2</guid><title>Sans vidéo</title>
<media:subTitle lang="fr" href="https://cdn.example.be/s2/fr.ass"/>
</item></channel></rss>`
    const { problems } = mapMrssFeed(feed, 'https://cms.example.be/feed.xml')
    expect(problems.map((problem) => [problem.itemId, problem.leftOut ?? problem.reason])).toEqual([
      ['S-2', 'no-playable-video'],
      ['S-1', { reason: 'subtitle-format', count: 1, detail: 'fr.ssa (text/x-ssa)' }],
      ['S-1', { reason: 'subtitle-language', count: 1, detail: 'nl.vtt (no language)' }],
    ])
  })
})

describe('languages written as their names, where a code belongs', () => {
  test('are read as their codes, in English, in the language itself and in French or Dutch', () => {
    const names = ['English (US)', 'Français', 'Nederlands', 'Deutsch', 'néerlandais', 'Duits']
    expect(names.map(languageCode)).toEqual(['en', 'fr', 'nl', 'de', 'nl', 'de'])
    expect(languageCode('Klingon')).toBeUndefined()
  })

  test('Direct Publisher: caption files and the audio named so keep their languages', () => {
    const feed = conformantFeed()
    Object.assign(feed.movies[0]!.content, {
      language: 'Nederlands',
      captions: [
        { url: 'https://cdn.example.be/subs/nl.vtt', language: 'Nederlands' },
        { url: 'https://cdn.example.be/subs/de.vtt', language: 'Deutsch' },
      ],
    })
    const { titles, problems } = mapFeed(feed, 'https://cms.example.be/feed.json')
    expect(problems).toEqual([])
    expect(titles[0]).toMatchObject({ audioLanguages: ['nl'], subtitleLanguages: ['nl', 'de'] })
  })
})
