import { decodableHash, mendLocationHash, readableHash } from '../../../src/app/decodableHash'

describe('decodableHash', () => {
  test.each([
    '',
    '#home',
    '#details/rosetta',
    '#search/%C3%89t%C3%A9',
    '#search/le 13:30',
    // The Router's not-found route.
    '#*',
  ])('%s is left as it is', (hash) => expect(decodableHash(hash)).toBeNull())

  test.each([
    ['#%%%zz', '#zz'],
    ['#nowhere/50%', '#nowhere/50'],
    ['#search/%C3%A9t%C3%A9 100%', '#search/%C3%A9t%C3%A9 100'],
    ['#details/%C3%28', '#details/C328'],
  ])('%s loses the percent signs that do not decode: %s', (hash, mended) => {
    expect(decodableHash(hash)).toBe(mended)
    expect(() => decodeURIComponent(mended)).not.toThrow()
  })

  test.each([
    ["#search/aujourd'hui", '#search/aujourd%27hui'],
    ["#search/rock'n'roll!", '#search/rock%27n%27roll%21'],
    ['#search/été', '#search/%C3%A9t%C3%A9'],
    ['#search/(500) jours', '#search/%28500%29 jours'],
    ['#search/50% off', '#search/50 off'],
  ])('%s: what the Router stops at is escaped: %s', (hash, mended) => {
    expect(decodableHash(hash)).toBe(mended)
    expect(decodableHash(mended!)).toBeNull()
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
