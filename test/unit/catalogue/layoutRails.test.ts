import { Catalogue } from '../../../src/catalogue/Catalogue'
import { pickText } from '../../../src/i18n/localize'
import { fixtureTitles } from './fixture'

describe('rails from a backend layout', () => {
  const layout = [
    {
      id: 'new',
      name: { fr: 'Nouveautés', nl: 'Nieuw' },
      itemIds: ['amelie', 'rosetta', 'amelie', 'gone'],
      next: null,
    },
    { id: 'empty', name: { en: 'Empty' }, itemIds: ['gone'], next: null },
    { id: 'new', name: { en: 'Twice' }, itemIds: ['rosetta'], next: null },
  ]

  test('items in the backend order, each once, unknown ids dropped, empty and repeated rails hidden', () => {
    const catalogue = new Catalogue(fixtureTitles(), [], { layout })
    expect(catalogue.rails.map((r) => [r.id, r.titleKey, r.items.map((t) => t.id)])).toEqual([
      ['new', 'rail.custom', ['amelie', 'rosetta']],
    ])
  })

  test('the rail name follows the language each time it is read', () => {
    let order = ['fr']
    const catalogue = new Catalogue(fixtureTitles(), [], {
      layout,
      railName: (name) => pickText(name, order),
    })
    const rail = catalogue.rails[0]!
    expect(rail.titleValues).toEqual({ name: 'Nouveautés' })
    order = ['nl']
    expect(rail.titleValues).toEqual({ name: 'Nieuw' })
  })

  test('without a layout the rails are derived from the titles as before', () => {
    expect(new Catalogue(fixtureTitles(), []).rails[0]?.id).toBe('made-in-belgium')
  })
})
