import type { RailSpec } from '../../../src/catalogue/rails'
import type { Title } from '../../../src/catalogue/schema'
import { homeRails, railsKey, visibleTo, type Viewer } from '../../../src/state/homeRails'
import { fixtureCatalogue } from '../../harness/fakeContext'

const titles = fixtureCatalogue().titles
const rated = (title: Title, minimumAge: number | null): Title => ({
  ...title,
  classification: { ...title.classification, minimumAge },
})
const [allAges, ten, sixteen, unrated] = [
  rated(titles[0]!, 0),
  rated(titles[1]!, 10),
  rated(titles[2]!, 16),
  rated(titles[3]!, null),
]
const grownUp: Viewer = { kids: false, maxAge: null }
const kidsTen: Viewer = { kids: true, maxAge: 10 }
const rail = (id: string, items: Title[]): RailSpec => ({
  id,
  titleKey: id,
  titleValues: {},
  items,
})

describe('what a profile sees', () => {
  test('kids see titles rated at or below their age, never the unrated', () => {
    expect([allAges, ten, sixteen, unrated].map((t) => visibleTo(t, kidsTen))).toEqual([
      true,
      true,
      false,
      false,
    ])
    expect(visibleTo(unrated, grownUp)).toBe(true)
    expect(visibleTo(ten, { kids: true, maxAge: 0 })).toBe(false)
  })

  test('Continue watching and My list come first, and only when they have titles', () => {
    const catalogue = [rail('films', [allAges, sixteen])]
    const base = { rails: catalogue, viewer: grownUp }
    expect(homeRails({ ...base, continueWatching: [], myList: [] }).map((r) => r.id)).toEqual([
      'films',
    ])
    const both = homeRails({ ...base, continueWatching: [sixteen], myList: [ten] })
    expect(both.map((r) => r.id)).toEqual(['continue-watching', 'my-list', 'films'])
    expect(both[1]!.titleKey).toBe('rail.myList')
  })

  test('a kids home has no brand rails, only titles for its age, no rail left empty', () => {
    const rails = homeRails({
      rails: [
        rail('brand-rtbf', [allAges]),
        rail('films', [allAges, sixteen, ten]),
        rail('thrillers', [sixteen, unrated]),
      ],
      continueWatching: [sixteen],
      myList: [ten],
      viewer: kidsTen,
    })
    expect(rails.map((r) => [r.id, r.items.map((t) => t.id)])).toEqual([
      ['my-list', [ten.id]],
      ['films', [allAges.id, ten.id]],
    ])
  })

  test('the key changes with the rails and their titles, not otherwise', () => {
    const a = [rail('films', [allAges, ten])]
    expect(railsKey(a)).toBe(railsKey([rail('films', [allAges, ten])]))
    expect(railsKey(a)).not.toBe(railsKey([rail('films', [ten, allAges])]))
  })
})
