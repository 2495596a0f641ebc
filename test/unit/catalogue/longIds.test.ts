import { mapFeed } from '../../../src/catalogue/directPublisher'
import { mapMrssFeed } from '../../../src/catalogue/mrss'
import { slug } from '../../../src/catalogue/tolerant'
import { conformantFeed } from './feedDeviations'

/** Ids as CMSs build them from a path: the same 130 characters, then the item's own part. */
const SHARED = `https://cms.example.be/${'collections/patrimoine-wallon/'.repeat(4)}episode`
const FIRST = `${SHARED}-premier`
const SECOND = `${SHARED}-second`

describe('ids longer than a slug holds', () => {
  test('two long ids that share their beginning stay two slugs, each within 120 characters', () => {
    expect(SHARED.length).toBeGreaterThan(120)
    const [first, second] = [slug(FIRST), slug(SECOND)]
    expect(first).not.toBe(second)
    expect(first.length).toBeLessThanOrEqual(120)
    expect(second.length).toBeLessThanOrEqual(120)
    expect(first).toMatch(/^https-cms-example-be-collections-patrimoine-wallon-/)
    // The same id gives the same slug from one load to the next (saved positions, my list).
    expect(slug(FIRST)).toBe(first)
    // Ids that fit are as they always were.
    expect(slug('MRSS-001')).toBe('mrss-001')
    expect(slug('a'.repeat(120))).toBe('a'.repeat(120))
  })

  test('MRSS: two items whose guids differ after 120 characters are two titles', () => {
    const item = (guid: string, title: string, video: string) => `<item><guid>${guid}</guid>
      <title>${title}</title><media:content url="https://cdn.example.be/${video}/master.m3u8"/></item>`
    const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Patrimoine</title>
${item(FIRST, 'Premier épisode', 'e1')}${item(SECOND, 'Second épisode', 'e2')}
</channel></rss>`
    const { titles, problems } = mapMrssFeed(feed, 'https://cms.example.be/feed.xml')
    expect(problems).toEqual([])
    expect(titles.map((title) => title.originalTitle)).toEqual([
      'Premier épisode',
      'Second épisode',
    ])
    expect(new Set(titles.map((title) => title.id)).size).toBe(2)
  })

  test('Direct Publisher: two movies whose ids differ after 120 characters are two titles, and a playlist finds each', () => {
    const feed = conformantFeed()
    feed.movies[0]!.id = FIRST
    feed.movies[1]!.id = SECOND
    const { titles, problems, layout } = mapFeed(
      {
        ...feed,
        playlists: [{ name: 'patrimoine', itemIds: [SECOND, FIRST] }],
        categories: [{ name: 'Patrimoine', playlistName: 'patrimoine' }],
      },
      'https://cms.example.be/feed.json',
    )
    expect(problems).toEqual([])
    const films = titles.filter((title) => title.kind === 'film')
    expect(films.map((title) => title.originalTitle)).toEqual(['Les Terrils', 'Le Marché du Midi'])
    expect(films.map((title) => title.id)).toEqual([slug(FIRST), slug(SECOND)])
    expect(layout?.[0]?.itemIds).toEqual([slug(SECOND), slug(FIRST)])
  })
})
