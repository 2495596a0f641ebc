import { decodableHash, mendLocationHash, readableHash } from '../../../src/app/decodableHash'

describe('decodableHash', () => {
  test.each(['', '#home', '#details/rosetta', '#search/%C3%89t%C3%A9', '#search/été'])(
    '%s is left as it is',
    (hash) => expect(decodableHash(hash)).toBeNull(),
  )

  test.each([
    ['#%%%zz', '#zz'],
    ['#nowhere/50%', '#nowhere/50'],
    ['#search/%C3%A9t%C3%A9 100%', '#search/%C3%A9t%C3%A9 100'],
    ['#details/%C3%28', '#details/C328'],
  ])('%s loses the percent signs that do not decode: %s', (hash, mended) => {
    expect(decodableHash(hash)).toBe(mended)
    expect(() => decodeURIComponent(mended)).not.toThrow()
  })

  test('the location is mended in place', () => {
    const replaced: string[] = []
    const history = {
      state: null,
      replaceState: (_: unknown, __: string, url?: string | null) =>
        void replaced.push(String(url)),
    }
    mendLocationHash({ hash: '#%zz' }, history)
    mendLocationHash({ hash: '#home' }, history)
    expect(replaced).toEqual(['#zz'])
  })
})

describe('readableHash', () => {
  test('decodes what decodes, keeps the rest as written', () => {
    expect(readableHash('%25%25%25zz')).toBe('%%%zz')
    expect(readableHash('search/%C3%A9t%C3%A9')).toBe('search/été')
    expect(readableHash('%zz')).toBe('%zz')
  })
})
