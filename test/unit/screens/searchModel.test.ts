import type { Translate } from '../../../src/catalogue/offers'
import { queryLine, searchView } from '../../../src/screens/Search/searchModel'
import { fixtureCatalogue } from '../../harness/fakeContext'

const t: Translate = (key, values) => `${key}${values ? JSON.stringify(values) : ''}`

describe('searchView: the count beside the query', () => {
  // The rail holds what it was given; only the count differs.
  const titles = fixtureCatalogue().titles.slice(0, 3)

  it('says how many titles match when it shows them all', () => {
    const view = searchView({ status: 'results', query: 'verhaal', titles }, undefined, [], t)
    expect(view.message).toBe('search.count{"count":3,"query":"verhaal"}')
  })

  it('says they are the first ones when more match than it shows', () => {
    const view = searchView(
      { status: 'results', query: 'verhaal', titles, more: true },
      undefined,
      [],
      t,
    )
    expect(view.message).toBe('search.countMore{"count":3,"query":"verhaal"}')
    expect(view.titles).toHaveLength(3)
  })
})

describe('queryLine: the query field', () => {
  // Ten pixels a character: 100 px hold nine characters and the caret.
  const width = (text: string) => [...text].length * 10

  test('shows the query and its caret while they fit', () => {
    expect(queryLine('rosetta', 100, width)).toBe('rosetta_')
  })

  test('a longer query gives up its start, so the end being typed stays in view', () => {
    const line = queryLine('les aventures de tintin', 100, width)
    expect(line).toBe('…e tintin_')
    expect(width(line)).toBeLessThanOrEqual(100)
  })
})
