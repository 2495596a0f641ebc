import { mapFeed } from '../../../src/catalogue/directPublisher'
import { directPublisherFeed } from './feedFixture'

const FEED_URL = 'https://cms.example.be/roku/feed.json'

/** The fixture's movies, then an item with a blank id, one without id and one that is no item. */
function feedWithNamelessItems() {
  const feed = directPublisherFeed() as Record<string, unknown> & { movies: unknown[] }
  const first = feed.movies[0] as Record<string, unknown>
  const { id: _id, ...withoutId } = first
  feed.movies = [...feed.movies, { ...first, id: '' }, { ...first, id: '  ' }, withoutId, 'junk']
  return { feed, movies: feed.movies.length }
}

describe('Direct Publisher items without an id', () => {
  test('are reported by their place in the feed, never by a blank name', () => {
    const { feed, movies } = feedWithNamelessItems()
    const problems = mapFeed(feed, FEED_URL).problems.filter((p) => p.category === 'item')
    expect(problems.map((p) => p.itemId)).not.toContain('')
    const at = (position: number) => problems.find((p) => p.itemId === `#${position}`)
    expect(at(movies - 4)).toMatchObject({
      reason: 'missing-field',
      message: 'id: missing or empty',
    })
    expect(at(movies - 3)).toMatchObject({ reason: 'missing-field' })
    expect(at(movies - 2)).toMatchObject({ reason: 'missing-field' })
    expect(at(movies - 1)).toMatchObject({ reason: 'not-an-item' })
  })

  test('the items that have one keep their titles', () => {
    const { feed } = feedWithNamelessItems()
    expect(mapFeed(feed, FEED_URL).titles).toHaveLength(
      mapFeed(directPublisherFeed(), FEED_URL).titles.length,
    )
  })
})
