import type { Translate } from '../../../src/catalogue/offers'
import { searchView } from '../../../src/screens/Search/searchModel'
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
