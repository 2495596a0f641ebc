import { flat, flatMap, installArrayFlat } from '../../../src/polyfills/arrayFlat'
import { installPromiseFinally, promiseFinally } from '../../../src/polyfills/promiseFinally'
import { installStringIncludes, stringIncludes } from '../../../src/polyfills/stringIncludes'

/** Each hand-written built-in must answer as the engine's own does: the native one is the oracle. */
describe('Array flat and flatMap', () => {
  const sparse = [1, , [2, , [3, [4]]]] // eslint-disable-line no-sparse-arrays
  it.each([
    [[1, [2, [3, [4]]]], undefined],
    [[1, [2, [3, [4]]]], 2],
    [[1, [2, [3, [4]]]], Infinity],
    [[1, [2, [3]]], 0],
    [[1, [2, [3]]], -1],
    [[1, [2, [3]]], '1'],
    [[1, [2, [3]]], NaN],
    [sparse, 5],
    [[], 1],
  ])('flat(%j, %p) is what the engine gives', (array, depth) => {
    expect(flat.call(array, depth)).toEqual((array as unknown[]).flat(depth as number))
  })

  it('flattens an array-like receiver by its length', () => {
    const arrayLike = { length: 2, 0: [1, 2], 1: 3, 2: 'beyond the length' }
    expect(flat.call(arrayLike)).toEqual([1, 2, 3])
  })

  it('flatMap maps with the index, the source and thisArg, then flattens one level', () => {
    const seen: unknown[] = []
    const result = flatMap.call(
      ['a', 'b'],
      function (this: { tag: string }, value, index, source) {
        seen.push([value, index, source])
        return [`${this.tag}${String(value)}`, [index]]
      },
      { tag: '#' },
    )
    expect(result).toEqual(['#a', [0], '#b', [1]])
    expect(seen).toEqual([
      ['a', 0, ['a', 'b']],
      ['b', 1, ['a', 'b']],
    ])
  })

  it('refuses what the specification refuses', () => {
    expect(() => flatMap.call([1], 'not a function' as never)).toThrow(TypeError)
    expect(() => flat.call(null as never)).toThrow(TypeError)
  })

  it('is installed only where missing, and not enumerable', () => {
    const prototype: Record<string, unknown> = {}
    installArrayFlat(prototype)
    expect(prototype.flat).toBe(flat)
    expect(Object.keys(prototype)).toEqual([])
    const own = () => 'own'
    const withOwn: Record<string, unknown> = { flat: own }
    installArrayFlat(withOwn)
    expect(withOwn.flat).toBe(own)
  })
})

describe('String includes', () => {
  it.each([
    ['belgica', 'gic', undefined],
    ['belgica', 'gic', 4],
    ['belgica', '', 99],
    ['belgica', 'x', undefined],
    ['belgica', 'b', -5],
    ['1234', 23, undefined],
  ])('%p.includes(%p, %p) is what the engine gives', (text, search, position) => {
    expect(stringIncludes.call(text, search, position)).toBe(
      text.includes(search as string, position as number),
    )
  })

  it('refuses a regular expression, as the engine does', () => {
    expect(() => stringIncludes.call('a.b', /\./)).toThrow(TypeError)
    expect(() => 'a.b'.includes(/\./ as never)).toThrow(TypeError)
    // A regular expression whose Symbol.match is false is searched as text (IsRegExp).
    const notARegExp: unknown = Object.assign(/a/, { [Symbol.match]: false })
    expect(stringIncludes.call('/a/', notARegExp)).toBe('/a/'.includes(notARegExp as never))
  })

  it('is installed only where missing', () => {
    const prototype: Record<string, unknown> = {}
    installStringIncludes(prototype)
    expect(prototype.includes).toBe(stringIncludes)
  })
})

describe('Promise finally', () => {
  const run = (promise: Promise<unknown>, onFinally: () => unknown) =>
    promiseFinally.call(promise, onFinally).then(
      (value) => ({ value }),
      (reason: unknown) => ({ reason }),
    )

  it('keeps the value or the reason, after the handler has run', async () => {
    const calls: string[] = []
    expect(await run(Promise.resolve(1), () => calls.push('ok'))).toEqual({ value: 1 })
    expect(await run(Promise.reject(new Error('no')), () => calls.push('no'))).toEqual({
      reason: new Error('no'),
    })
    expect(calls).toEqual(['ok', 'no'])
  })

  it('waits for the promise the handler returns, and takes its rejection', async () => {
    let settled = false
    const slow = () =>
      new Promise((resolve) =>
        setTimeout(() => {
          settled = true
          resolve('ignored')
        }, 5),
      )
    expect(await run(Promise.resolve('kept'), slow)).toEqual({ value: 'kept' })
    expect(settled).toBe(true)
    const refused = new Error('handler')
    expect(await run(Promise.resolve('lost'), () => Promise.reject(refused))).toEqual({
      reason: refused,
    })
  })

  it('passes a settlement through when the handler is not a function', async () => {
    await expect(promiseFinally.call(Promise.resolve(7), undefined)).resolves.toBe(7)
    const reason = new Error('kept')
    await expect(promiseFinally.call(Promise.reject(reason), null)).rejects.toBe(reason)
  })

  it('is installed only where missing', () => {
    const prototype: Record<string, unknown> = {}
    installPromiseFinally(prototype)
    expect(prototype.finally).toBe(promiseFinally)
  })
})
