import { mapMrssFeed } from '../../../src/catalogue/mrss'

const FEED_URL = 'https://cms.example.be/mrss/feed.xml'

const feed = (items: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Studio</title>
${items}
</channel></rss>`

const VIDEO =
  '<media:content url="https://cdn.example.be/a/master.m3u8" type="application/x-mpegURL"/>'

describe('an MRSS item without a title or description', () => {
  test.each([
    ['empty title and description', `<title></title><description>  </description>`],
    ['an empty media:title', `<media:title></media:title>`],
    ['none of them', ''],
  ])('%s is skipped as missing-field, said plainly', (_label, texts) => {
    const { titles, problems } = mapMrssFeed(
      feed(`<item><guid>NO-TITLE</guid>${texts}${VIDEO}</item>`),
      FEED_URL,
    )
    expect(titles).toEqual([])
    expect(problems).toEqual([
      expect.objectContaining({
        itemId: 'NO-TITLE',
        reason: 'missing-field',
        message: 'title: no media:title, title or description',
      }),
    ])
  })

  test('without a guid either, it is named by its place', () => {
    const { problems } = mapMrssFeed(
      feed(`<item><title>Kept</title>${VIDEO}</item><item><title/>${VIDEO}</item>`),
      FEED_URL,
    )
    expect(problems).toEqual([
      expect.objectContaining({
        itemId: '#1',
        reason: 'missing-field',
        message: expect.stringMatching(/^title: /),
      }),
    ])
  })
})
