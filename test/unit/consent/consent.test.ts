import {
  ALL,
  NONE,
  isGranted,
  needsAnswer,
  parseConsentRecord,
  recordOf,
  withdrawnBetween,
} from '../../../src/consent/model'
import { ConsentStore } from '../../../src/consent/ConsentStore'
import { memoryPlatform } from '../../harness/fakeContext'

describe('consent model', () => {
  test('asked when there is no answer or the text changed', () => {
    expect(needsAnswer(null, '1')).toBe(true)
    expect(needsAnswer(recordOf(ALL, '1', 5), '1')).toBe(false)
    expect(needsAnswer(recordOf(ALL, '1', 5), '2')).toBe(true)
  })

  test('nothing granted without an answer to the current text; never ads for kids', () => {
    const all = recordOf(ALL, '1', 5)
    expect(isGranted(null, 'quality', '1', false)).toBe(false)
    expect(isGranted(all, 'quality', '1', false)).toBe(true)
    expect(isGranted(all, 'quality', '2', false)).toBe(false)
    expect(isGranted(all, 'ads', '1', true)).toBe(false)
    expect(isGranted(all, 'audience', '1', true)).toBe(true)
    expect(recordOf(ALL, '1', 5, true).purposes.ads).toBe(false)
  })

  test('withdrawals are the purposes turned off', () => {
    expect(withdrawnBetween(ALL, { ...ALL, audience: false })).toEqual(['audience'])
    expect(withdrawnBetween(NONE, ALL)).toEqual([])
  })

  test('a damaged stored record is no answer', () => {
    expect(parseConsentRecord(recordOf(ALL, '1', 5))).toEqual(recordOf(ALL, '1', 5))
    expect(parseConsentRecord('yes')).toBeNull()
    expect(parseConsentRecord({ purposes: { ads: true }, version: '1', at: 5 })).toBeNull()
    expect(parseConsentRecord({ purposes: ALL, version: 1, at: 5 })).toBeNull()
    expect(parseConsentRecord({ purposes: ALL, version: '1', at: Number.NaN })).toBeNull()
  })
})

describe('ConsentStore', () => {
  const make = (version = '1', kids = new Set<string>()) => {
    const platform = memoryPlatform()
    const store = new ConsentStore(
      platform.storage,
      () => 1000,
      version,
      (id) => kids.has(id),
    )
    return { platform, store }
  }

  test('one answer per profile, kept with its version and time', () => {
    const { platform, store } = make()
    store.useProfile('a')
    expect(store.needsAnswer).toBe(true)
    store.acceptAll()
    expect(store.needsAnswer).toBe(false)
    expect(platform.stored.get('profile:a:consent')).toEqual({
      purposes: ALL,
      version: '1',
      at: 1000,
    })
    store.useProfile('b')
    expect(store.needsAnswer).toBe(true)
    expect(store.granted('quality')).toBe(false)
    store.useProfile('a')
    expect(store.granted('quality')).toBe(true)
  })

  test('a new text version asks again and grants nothing meanwhile', () => {
    const first = make('1')
    first.store.useProfile('a')
    first.store.acceptAll()
    const next = new ConsentStore(first.platform.storage, () => 2000, '2')
    next.useProfile('a')
    expect(next.needsAnswer).toBe(true)
    expect(next.granted('audience')).toBe(false)
  })

  test('a withdrawal is announced at once, before the new state', () => {
    const { store } = make()
    store.useProfile('a')
    store.acceptAll()
    const seen: string[] = []
    store.withdrawn$.subscribe((purposes) =>
      seen.push(`${purposes.join()}:${String(store.granted('audience'))}`),
    )
    store.decide({ ads: true, audience: false, quality: true })
    expect(seen).toEqual(['audience:true'])
    store.refuseAll()
    expect(seen).toEqual(['audience:true', 'ads,quality:false'])
  })

  test('kids profiles never record personalised advertising', () => {
    const { store } = make('1', new Set(['kid']))
    store.useProfile('kid')
    store.acceptAll()
    expect(store.purposes).toEqual({ ads: false, audience: true, quality: true })
    expect(store.granted('ads')).toBe(false)
  })
})
