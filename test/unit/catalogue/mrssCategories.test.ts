import { categoryTerms } from '../../../src/catalogue/mrssCategories'
import { mapMrssFeed } from '../../../src/catalogue/mrss'
import { MINIMAL_FEED } from './mrssFixture'

describe('categoryTerms', () => {
  test('a label is what people read; plain words are categories', () => {
    expect(
      categoryTerms([
        { text: 'music/artist/album', label: 'Musique' },
        { text: 'Comédie' },
        { text: '  ' },
      ]),
    ).toEqual({ categories: ['Musique', 'Comédie'], keywords: [] })
  })

  test("a path in Yahoo's schema, or RSS 2.0's, is not shown: its parts only count as keywords", () => {
    expect(
      categoryTerms([
        {
          text: 'Arts/Movies/Titles/A/Ace_Ventura',
          scheme: 'http://search.yahoo.com/mrss/category_schema',
        },
        { text: 'Films/Comedy/' },
      ]),
    ).toEqual({
      categories: [],
      keywords: ['Arts', 'Movies', 'Titles', 'A', 'Ace Ventura', 'Films', 'Comedy'],
    })
  })

  test("Flickr's tag scheme lists tags, split on spaces", () => {
    expect(categoryTerms([{ text: 'ducks  water comedy', scheme: 'urn:flickr:tags' }])).toEqual({
      categories: [],
      keywords: ['ducks', 'water', 'comedy'],
    })
  })
})

describe('an MRSS item with category paths and tags', () => {
  const feed = MINIMAL_FEED.replace(
    '<media:thumbnail',
    `<media:category scheme="http://search.yahoo.com/mrss/category_schema">Arts/Movies/Titles/L/Le_Pont</media:category>
      <media:category scheme="urn:flickr:tags">pont drama liège</media:category>
      <category domain="http://www.dmoz.org">Arts/Movies/Genres/Comedy</category>
      <media:category>Belgique</media:category>
      <media:thumbnail`,
  )

  test('shows neither paths nor tags among its genres; the genres they name are kept', () => {
    const [title] = mapMrssFeed(feed, 'https://cms.example.be/mrss/feed.xml').titles
    expect(title?.genres).toEqual(['drama', 'comedy'])
    expect(title?.genreLabels).toEqual(['Belgique'])
  })
})
