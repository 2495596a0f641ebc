import type { Title } from '../../../../src/catalogue/schema'
import type { TileModel } from '../../../../src/components/Tile'
import { TileModelCache } from '../../../../src/screens/Home/tileModelCache'

const title = (id: string) => ({ id }) as Title
const model = (t: Title) => ({ id: t.id }) as TileModel

describe('TileModelCache', () => {
  it('makes a title’s model once, until told that what models say changed', () => {
    const make = jest.fn(model)
    const cache = new TileModelCache(make)
    const titles = [title('a'), title('b')]
    const first = cache.models(titles)
    const again = cache.models([...titles, title('c')])
    expect(make).toHaveBeenCalledTimes(3)
    expect(again[0]).toBe(first[0])
    expect(again.map((m) => m.id)).toEqual(['a', 'b', 'c'])
    cache.clear()
    const fresh = cache.models(titles)
    expect(make).toHaveBeenCalledTimes(5)
    expect(fresh[0]).not.toBe(first[0])
  })

  it('as a list, makes only the models that are read, once each', () => {
    const make = jest.fn(model)
    const cache = new TileModelCache(make)
    const titles = Array.from({ length: 10_000 }, (_, i) => title(`t${i}`))
    const list = cache.list(titles)
    expect(list.length).toBe(10_000)
    expect(make).not.toHaveBeenCalled()
    expect(list.at(9_999)?.id).toBe('t9999')
    expect(list.at(9_999)).toBe(list.at(9_999))
    expect(list.at(10_000)).toBeUndefined()
    expect(make).toHaveBeenCalledTimes(1)
  })
})
