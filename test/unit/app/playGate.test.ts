import { playDecision } from '../../../src/app/playGate'
import type { Access } from '../../../src/entitlements/access'
import type { Rental } from '../../../src/entitlements/contract'
import type { Lock } from '../../../src/parental/rules'

const open: Lock = { state: 'open' }
const adult: Lock = { state: 'pin', reason: 'adult' }
const barred: Lock = { state: 'barred', reason: 'kids' }
const rentOffer = { type: 'rental', price: { amount: 4.99, currency: 'EUR' }, windowHours: 48 }
const rent = { kind: 'rent', offer: rentOffer } as Access
const rental = { rentalId: 'r1', titleId: 't' } as Rental

describe('what happens when a title is asked to play', () => {
  test('free, ads and a held pass play at once', () => {
    for (const access of [
      { kind: 'free' },
      { kind: 'ads' },
      { kind: 'pass', passId: 'p', activeUntil: null },
    ] as Access[]) {
      expect(playDecision(access, open, false)).toEqual({ kind: 'play', startRental: false })
    }
  })

  test('a rental not started yet starts its window at this first play', () => {
    const notStarted: Access = { kind: 'rented', rental, until: null }
    const started: Access = { kind: 'rented', rental, until: 1 }
    expect(playDecision(notStarted, open, false)).toEqual({ kind: 'play', startRental: true })
    expect(playDecision(started, open, false)).toEqual({ kind: 'play', startRental: false })
  })

  test('without the right, the way to get it; no PIN asked for what will not play', () => {
    expect(playDecision(rent, adult, false)).toEqual({ kind: 'acquire', access: rent })
    const subscribe: Access = { kind: 'subscribe', passId: 'p' }
    expect(playDecision(subscribe, open, false)).toEqual({ kind: 'acquire', access: subscribe })
  })

  test('rights not known: neither played nor offered for sale, and no PIN asked', () => {
    const unknown: Access = { kind: 'unknown', failed: true }
    expect(playDecision(unknown, adult, false)).toEqual({ kind: 'unknown', failed: true })
    expect(playDecision(unknown, barred, false)).toEqual({ kind: 'barred' })
  })

  test('a locked title asks for the parental PIN until it is unlocked', () => {
    expect(playDecision({ kind: 'free' }, adult, false)).toEqual({ kind: 'pin', reason: 'adult' })
    expect(playDecision({ kind: 'free' }, adult, true).kind).toBe('play')
  })

  test('a kids profile is barred before anything is offered, even unlocked', () => {
    expect(playDecision(rent, barred, true)).toEqual({ kind: 'barred' })
    expect(playDecision({ kind: 'free' }, barred, true)).toEqual({ kind: 'barred' })
  })
})
