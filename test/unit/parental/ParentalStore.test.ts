import { wallZone } from '../../../src/i18n/wallZone'
import { defaultAppConfig } from '../../../src/config/defaults'
import {
  LOCKOUT_STORAGE_KEYS,
  ParentalStore,
  PIN_STORAGE_KEYS,
} from '../../../src/parental/ParentalStore'
import type { ParentalSettings } from '../../../src/parental/rules'
import { watchSleep } from '../../../src/parental/watchSleep'
import { memoryPlatform } from '../../harness/fakeContext'
import { nodePinCrypto } from './webcrypto'

const MINUTE = 60_000

function setup(overrides: Partial<ParentalSettings> = {}) {
  const platform = memoryPlatform()
  const clock = { now: new Date(2026, 11, 2, 15, 0).getTime() }
  const settings = { ...defaultAppConfig().parental, ...overrides }
  const open = () =>
    new ParentalStore({
      ...nodePinCrypto,
      storage: platform.storage,
      wallClock: () => clock.now,
      zone: wallZone('box'),
      settings,
      iterations: 1_000,
    })
  return { platform, clock, open, store: open() }
}

describe('ParentalStore: setting PINs', () => {
  test('no PIN at first; a check then says so', async () => {
    const { store } = setup()
    expect(store.status('parental')).toBe('unset')
    expect(store.status('purchase')).toBe('unset')
    await expect(store.check('parental', '1234')).resolves.toEqual({ ok: false, reason: 'unset' })
  })

  test('a PIN is stored only as a hash record, under its own key', async () => {
    const { store, platform } = setup()
    await expect(store.setPin('parental', '4711')).resolves.toEqual({ ok: true })
    expect(store.status('parental')).toBe('set')
    const stored = platform.stored.get(PIN_STORAGE_KEYS.parental)
    expect(stored).toMatchObject({ v: 1, iterations: 1_000 })
    expect(JSON.stringify([...platform.stored.values()])).not.toContain('4711')
    await expect(store.check('parental', '4711')).resolves.toEqual({ ok: true })
  })

  test('a PIN that is not pinLength digits is refused', async () => {
    const { store } = setup({ pinLength: 6 })
    await expect(store.setPin('parental', '1234')).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    })
    await expect(store.setPin('parental', '123456')).resolves.toEqual({ ok: true })
  })

  test('a set PIN is replaced only through changePin with the current one', async () => {
    const { store } = setup()
    await store.setPin('parental', '1111')
    await expect(store.setPin('parental', '2222')).resolves.toEqual({
      ok: false,
      reason: 'already-set',
    })
    await expect(store.changePin('parental', '9999', '2222')).resolves.toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: 4,
    })
    await expect(store.changePin('parental', '1111', '22')).resolves.toEqual({
      ok: false,
      reason: 'invalid',
    })
    await expect(store.changePin('parental', '1111', '2222')).resolves.toEqual({ ok: true })
    await expect(store.check('parental', '1111')).resolves.toMatchObject({ reason: 'wrong' })
    await expect(store.check('parental', '2222')).resolves.toEqual({ ok: true })
  })

  test('the parental and purchase PINs are independent, lockouts included', async () => {
    const { store } = setup()
    await store.setPin('parental', '1111')
    expect(store.status('purchase')).toBe('unset')
    await store.setPin('purchase', '2222')
    await expect(store.check('parental', '2222')).resolves.toMatchObject({ reason: 'wrong' })
    await expect(store.check('purchase', '1111')).resolves.toMatchObject({ reason: 'wrong' })
    for (let i = 0; i < 4; i++) await store.check('parental', '0000')
    expect(store.lockedUntil('parental')).not.toBeNull()
    expect(store.lockedUntil('purchase')).toBeNull()
    await expect(store.check('purchase', '2222')).resolves.toEqual({ ok: true })
  })
})

describe('ParentalStore: the two PINs kept apart', () => {
  test('a purchase PIN that is the parental one is refused, without counting a wrong parental PIN', async () => {
    const { store } = setup()
    await store.setPin('parental', '1234')
    await expect(store.setPin('purchase', '1234')).resolves.toEqual({
      ok: false,
      reason: 'same-as-other',
    })
    expect(store.status('purchase')).toBe('unset')
    expect(store.lockedUntil('parental')).toBeNull()
    await expect(store.setPin('purchase', '5678')).resolves.toEqual({ ok: true })
  })

  test('nor can a change make one PIN the other', async () => {
    const { store } = setup()
    await store.setPin('parental', '1234')
    await store.setPin('purchase', '5678')
    await expect(store.changePin('parental', '1234', '5678')).resolves.toEqual({
      ok: false,
      reason: 'same-as-other',
    })
    await expect(store.check('parental', '1234')).resolves.toEqual({ ok: true })
  })
})

describe('ParentalStore: skipping setup', () => {
  test("the operator's default PIN becomes both PINs", async () => {
    const { store } = setup({ defaultPin: '0000' })
    await expect(store.skipSetup()).resolves.toEqual({ ok: true })
    await expect(store.check('parental', '0000')).resolves.toEqual({ ok: true })
    await expect(store.check('purchase', '0000')).resolves.toEqual({ ok: true })
  })

  test('a PIN already chosen is kept', async () => {
    const { store } = setup({ defaultPin: '0000' })
    await store.setPin('purchase', '5555')
    await store.skipSetup()
    await expect(store.check('purchase', '5555')).resolves.toEqual({ ok: true })
    await expect(store.check('parental', '0000')).resolves.toEqual({ ok: true })
  })

  test('without a default PIN setup cannot be skipped', async () => {
    const { store } = setup()
    await expect(store.skipSetup()).resolves.toEqual({ ok: false, reason: 'no-default' })
    expect(store.status('parental')).toBe('unset')
  })
})

describe('ParentalStore: lockout', () => {
  test('locked after exactly 5 wrong PINs; a right PIN is then refused', async () => {
    const { store, clock } = setup()
    await store.setPin('parental', '4711')
    for (let left = 4; left >= 1; left--) {
      await expect(store.check('parental', '0000')).resolves.toEqual({
        ok: false,
        reason: 'wrong',
        attemptsLeft: left,
      })
    }
    const until = clock.now + 15 * MINUTE
    await expect(store.check('parental', '0000')).resolves.toEqual({
      ok: false,
      reason: 'locked',
      until,
    })
    await expect(store.check('parental', '4711')).resolves.toEqual({
      ok: false,
      reason: 'locked',
      until,
    })
    await expect(store.changePin('parental', '4711', '1234')).resolves.toMatchObject({
      reason: 'locked',
    })
    clock.now += 14 * MINUTE
    await expect(store.check('parental', '4711')).resolves.toMatchObject({ reason: 'locked' })
    clock.now += MINUTE
    await expect(store.check('parental', '4711')).resolves.toEqual({ ok: true })
  })

  test('a right PIN resets the count', async () => {
    const { store } = setup()
    await store.setPin('parental', '4711')
    for (let i = 0; i < 4; i++) await store.check('parental', '0000')
    await store.check('parental', '4711')
    await expect(store.check('parental', '0000')).resolves.toMatchObject({ attemptsLeft: 4 })
  })

  test('guesses sent all at once are counted one by one', async () => {
    const { store } = setup()
    await store.setPin('parental', '4711')
    const guesses = ['0000', '0001', '0002', '0003', '0004', '4711']
    const results = await Promise.all(guesses.map((pin) => store.check('parental', pin)))
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'wrong',
      'wrong',
      'wrong',
      'wrong',
      'locked',
      'locked',
    ])
  })

  test('a lockout and a count survive a reload (a new store on the same storage)', async () => {
    const { store, open, clock, platform } = setup()
    await store.setPin('parental', '4711')
    await store.check('parental', '0000')
    await store.check('parental', '0000')
    expect(open().value.parental.lockout.failures).toBe(2)
    for (let i = 0; i < 3; i++) await store.check('parental', '0000')
    expect(platform.stored.get(LOCKOUT_STORAGE_KEYS.parental)).toEqual({
      failures: 5,
      lockedUntil: clock.now + 15 * MINUTE,
    })

    clock.now += 5 * MINUTE
    const reloaded = open()
    expect(reloaded.status('parental')).toBe('set')
    expect(reloaded.lockedUntil('parental')).toBe(clock.now + 10 * MINUTE)
    await expect(reloaded.check('parental', '4711')).resolves.toMatchObject({ reason: 'locked' })
    clock.now += 10 * MINUTE
    await expect(open().check('parental', '4711')).resolves.toEqual({ ok: true })
  })

  test('a PIN record removed by the operator leaves the PIN to be chosen again', async () => {
    const { store, open, platform } = setup()
    await store.setPin('parental', '4711')
    platform.storage.remove(PIN_STORAGE_KEYS.parental)
    expect(open().status('parental')).toBe('unset')
  })
})

describe('ParentalStore: unlocks', () => {
  const rated18 = { minimumAge: 18 }
  const adult = { kids: false, maxAge: null }

  test('an unlock lasts for that title only, until relockAll', () => {
    const { store } = setup()
    expect(store.lockFor('a', rated18, adult)).toEqual({ state: 'pin', reason: 'adult' })
    store.unlock('a')
    expect(store.isUnlocked('a')).toBe(true)
    expect(store.isUnlocked('b')).toBe(false)
    expect(store.lockFor('a', rated18, adult)).toEqual({ state: 'open' })
    expect(store.lockFor('b', rated18, adult)).toEqual({ state: 'pin', reason: 'adult' })
    store.relockAll()
    expect(store.isUnlocked('a')).toBe(false)
    expect(store.lockFor('a', rated18, adult)).toEqual({ state: 'pin', reason: 'adult' })
  })

  test('unlocks are not saved: a reload relocks', () => {
    const { store, open } = setup()
    store.unlock('a')
    expect(open().isUnlocked('a')).toBe(false)
  })

  test('a title barred for a kids profile stays barred when unlocked', () => {
    const { store } = setup()
    store.unlock('a')
    expect(store.lockFor('a', rated18, { kids: true, maxAge: 10 })).toEqual({
      state: 'barred',
      reason: 'kids',
    })
  })

  test('lockFor reads the local time from the wall clock', () => {
    const { store, clock } = setup()
    const rated12 = { minimumAge: 12 }
    expect(store.lockFor('x', rated12, adult)).toEqual({ state: 'pin', reason: 'hours' })
    clock.now = new Date(2026, 11, 2, 20, 0).getTime()
    expect(store.lockFor('x', rated12, adult)).toEqual({ state: 'open' })
  })

  test('the unlocked list is observable', () => {
    const { store } = setup()
    const seen: (readonly string[])[] = []
    const subscription = store.select((s) => s.unlocked).subscribe((ids) => seen.push(ids))
    store.unlock('a')
    store.unlock('a')
    store.relockAll()
    store.relockAll()
    subscription.unsubscribe()
    expect(seen).toEqual([[], ['a'], []])
  })

  test('watchSleep relocks when the page is hidden, until unsubscribed', () => {
    const { store } = setup()
    let visibility = 'visible'
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => visibility,
    })
    const stop = watchSleep(document, store)
    store.unlock('a')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(store.isUnlocked('a')).toBe(true)
    visibility = 'hidden'
    document.dispatchEvent(new Event('visibilitychange'))
    expect(store.isUnlocked('a')).toBe(false)
    stop()
    store.unlock('a')
    document.dispatchEvent(new Event('visibilitychange'))
    expect(store.isUnlocked('a')).toBe(true)
    delete (document as { visibilityState?: string }).visibilityState
  })
})
