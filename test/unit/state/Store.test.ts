import { TestScheduler } from 'rxjs/testing'
import { Store } from '../../../src/state/Store'

interface State {
  language: string
  volume: number
  myList: string[]
}

const initial = (): State => ({ language: 'fr', volume: 5, myList: [] })

const newScheduler = () =>
  new TestScheduler((actual, expected) => {
    expect(actual).toEqual(expected)
  })

describe('Store', () => {
  test('select emits the current value at once, then only when it changes (marbles)', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const store = new Store(initial())
      // Updates over time: volume changes twice, language changes twice, once to the same value.
      const updates = cold<Partial<State>>('-a-b-c-d-e', {
        a: { volume: 6 },
        b: { language: 'nl' },
        c: { volume: 7 },
        d: { language: 'nl' },
        e: { language: 'de' },
      })
      updates.subscribe((patch) => store.update(patch))
      expectObservable(store.select((state) => state.language)).toBe('f--n-----d', {
        f: 'fr',
        n: 'nl',
        d: 'de',
      })
      expectObservable(store.select((state) => state.volume)).toBe('56---7----', {
        5: 5,
        6: 6,
        7: 7,
      })
    })
  })

  test('a late subscriber gets the latest value, not the history (marbles)', () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const store = new Store(initial())
      cold<number>('-a-b', { a: 1, b: 2 }).subscribe((volume) => store.update({ volume }))
      expectObservable(
        store.select((state) => state.volume),
        '--^-',
      ).toBe('--ab', {
        a: 1,
        b: 2,
      })
    })
  })

  test('select compares by identity: a new list with the same items is a change', () => {
    const store = new Store(initial())
    const seen: string[][] = []
    store.select((state) => state.myList).subscribe((list) => seen.push(list))
    store.update({ myList: ['rosetta'] })
    store.update({ volume: 9 })
    store.update({ myList: ['rosetta'] })
    expect(seen).toEqual([[], ['rosetta'], ['rosetta']])
  })

  test('update merges a patch and keeps the other fields', () => {
    const store = new Store(initial())
    store.update({ language: 'de' })
    expect(store.value).toEqual({ language: 'de', volume: 5, myList: [] })
  })

  test('update with a function receives the current state', () => {
    const store = new Store(initial())
    store.update((state) => ({ myList: [...state.myList, 'rosetta'] }))
    store.update((state) => ({ myList: [...state.myList, 'la-treve'] }))
    expect(store.value.myList).toEqual(['rosetta', 'la-treve'])
  })

  test('every update is a new state object; the previous one is left as it was', () => {
    const store = new Store(initial())
    const before = store.value
    store.update({ volume: 1 })
    expect(store.value).not.toBe(before)
    expect(before.volume).toBe(5)
  })

  test('an unsubscribed selector hears nothing more', () => {
    const store = new Store(initial())
    const seen: number[] = []
    const subscription = store.select((state) => state.volume).subscribe((v) => seen.push(v))
    subscription.unsubscribe()
    store.update({ volume: 8 })
    expect(seen).toEqual([5])
  })
})
