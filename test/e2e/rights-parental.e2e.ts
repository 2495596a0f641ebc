/**
 * Who may watch what, in Chromium with real keys: renting with the purchase PIN against the
 * embedded rights and against the reference entitlement server (a declined payment, a failure
 * after the purchase was recorded, nothing for sale while the rights are not known), the
 * parental PIN on an -18 deep link and its lockout across a reload, a kids profile's home and
 * leaving it, and My list across a reload.
 */
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  startEntitlementServerProcess,
  type EntitlementServerProcess,
} from '../integration/support/entitlementServer'
import titles from '../../static/catalogue/titles.json'
import {
  E2E_PINS,
  openApp,
  press,
  pressCode,
  rewriteBody,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
} from './support/browser'
import { ROOT } from './support/environment'
import { stopPlayback } from './support/player'

interface PinState {
  kind: string
  step: string
  mode: string
  error: string
  /** Digits typed so far. */
  digits: number
  locked: boolean
}
interface PageState {
  screen: string
  step?: string
  lines?: string[]
  focused?: string
  actions?: string[]
  /** A refusal's button (not-found screen). */
  action?: string
  facts?: string[]
  rails?: { id: string; ids: string[] }[]
  reason?: string
  /** Home: the billboard's offer line, and the focused rail's first badges. */
  heroOffer?: string
  badges?: string[]
  /** Search: where the focus is, and the results' ids. */
  area?: string
  ids?: string[]
}

const state = async (page: Page) => {
  const s = await snapshot(page)
  return { ...s, pin: (s as unknown as { pin: PinState | null }).pin, page: s.page as PageState }
}

/** Waits until `test` holds of the app's snapshot `s` (page-side source). */
const until = (page: Page, test: string, timeout = 20_000) =>
  page.waitForFunction(
    `(() => { const s = window.__belgica?.snapshot(); return Boolean(s && (${test})) })()`,
    null,
    { timeout, polling: 50 },
  )

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await press(page, digit)
}

const videoMoves = (page: Page) =>
  page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, null, {
    timeout: 30_000,
    polling: 100,
  })

const ratingOf = (id: string): string | undefined =>
  (titles.titles.find((t) => t.id === id) as { rating?: { csa?: string } } | undefined)?.rating?.csa

/** From a title's details: "Louer", then OK on the purchase screen; the PIN is asked next. */
async function confirmRental(page: Page): Promise<void> {
  await until(page, "s.page?.screen === 'details' && s.page.actions[0].startsWith('Louer')")
  await press(page, 'Enter')
  await until(page, "s.page?.screen === 'purchase' && s.page.step === 'confirm'")
  await press(page, 'Enter')
}

describe('renting', () => {
  afterAll(() => unrouteAppSettings())

  it('rents with the purchase PIN, plays at once, and details then says until when', async () => {
    const page = await openApp('#details/close')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'details' && s.page.actions[0].startsWith('Louer')")
    expect((await state(page)).page.facts).toContain('Pour regarder: Louer 5,99 € · 48 h')
    await press(page, 'Enter')
    await until(page, "s.route === 'buy/close/rental' && s.page?.step === 'confirm'")
    expect((await state(page)).page.lines?.[0]).toMatch(/€ · 48 h pour regarder/)
    await screenshot(page, 'rent-confirm')
    await press(page, 'Enter')
    await until(page, "s.pin?.kind === 'purchase'")
    await typePin(page, E2E_PINS.purchase)
    await until(page, "s.route === 'play/close'")
    await videoMoves(page)
    await stopPlayback(page)
    await until(page, "s.page?.screen === 'details'")
    const details = (await state(page)).page
    expect(details.actions?.[0]).toBe('Regarder')
    expect(details.facts?.some((f) => /^Pour regarder: Loué jusqu'au/.test(f))).toBe(true)
  })

  it("a title rented from search's results shows as rented back on the results", async () => {
    const page = await openApp('#search/tori')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'search' && s.page.ids?.[0] === 'tori-et-lokita'")
    expect((await state(page)).page.badges?.[0]).toMatch(/€/)
    for (let i = 0; i < 6 && (await state(page)).page.area !== 'results'; i++)
      await press(page, 'ArrowDown')
    await press(page, 'Enter')
    await confirmRental(page)
    await until(page, "s.pin?.kind === 'purchase'")
    await typePin(page, E2E_PINS.purchase)
    await until(page, "s.route === 'play/tori-et-lokita'")
    await stopPlayback(page)
    await until(page, "s.page?.screen === 'details'")
    await press(page, 'Backspace')
    await until(page, "s.page?.screen === 'search'")
    expect((await state(page)).page.badges?.[0]).toBe('Loué')
  })

  it('a -16 rental on a box without a purchase PIN asks the parental PIN once, not again to play', async () => {
    // -16 locked at every hour (an empty free window), as on a box outside 22:00-06:00.
    await routeAppSettings((settings) => {
      const parental = (settings.parental ?? {}) as Record<string, unknown>
      settings.parental = {
        ...parental,
        lockFromAge: 16,
        hours: { age16: { from: '00:00', until: '00:00' } },
      }
    })
    expect(ratingOf('belgica')).toBe('16')
    const page = await openApp('#details/belgica', {
      initScript: () => localStorage.removeItem('purchase-pin'),
    })
    await waitForApp(page)
    await confirmRental(page)
    // A grown-up's PIN before anyone chooses the purchase PIN, then the new one typed twice.
    await until(page, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin?.kind === 'purchase'")
    // The parental PIN again as the purchase PIN: refused, the two are kept apart.
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin?.kind === 'purchase' && s.pin.step === 'confirm'")
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin?.step === 'choose' && s.pin.error !== ''")
    expect((await state(page)).pin?.error).toBe(
      'Ce code est déjà votre code parental · choisissez-en un autre',
    )
    await typePin(page, E2E_PINS.purchase)
    await until(page, "s.pin?.kind === 'purchase' && s.pin.step === 'confirm'")
    await typePin(page, E2E_PINS.purchase)
    await until(page, "s.route === 'play/belgica' && s.pin === null")
    await videoMoves(page)
    expect((await state(page)).pin).toBeNull()
    await stopPlayback(page)
  })
})

describe('renting from the operator entitlement service', () => {
  let server: EntitlementServerProcess

  beforeAll(async () => {
    server = await startEntitlementServerProcess(path.join(ROOT, 'static/catalogue/titles.json'))
    await routeAppSettings((settings) => {
      settings.entitlements = { backend: 'http', url: server.url }
    })
  })

  afterAll(async () => {
    await unrouteAppSettings()
    await server?.stop()
  })

  const household = async (page: Page) => {
    const device = await page.evaluate(() =>
      JSON.parse(localStorage.getItem('entitlements-device-id') ?? 'null'),
    )
    return server.ask<{ rentals: unknown[]; charges: unknown[] }>({
      type: 'household',
      deviceId: device,
    })
  }

  async function rent(page: Page): Promise<void> {
    await confirmRental(page)
    await until(page, "s.pin?.kind === 'purchase'")
    await typePin(page, E2E_PINS.purchase)
  }

  it('a declined payment says why and charges nothing', async () => {
    const page = await openApp('#details/belgica')
    await waitForApp(page)
    await server.ask({ type: 'fault', fault: { mode: 'decline', count: 1 } })
    await rent(page)
    await until(page, "s.page?.step === 'failed'")
    const failed = (await state(page)).page
    expect(failed.lines?.join(' ')).toContain('paiement a été refusé')
    expect(failed.focused).toBe('cancel')
    expect((await household(page)).charges).toHaveLength(0)
    await screenshot(page, 'rent-declined')
  })

  it('a purchase recorded before the answer failed is retried with the same key: one charge', async () => {
    const page = await openApp('#details/belgica')
    await waitForApp(page)
    await server.ask({ type: 'fault', fault: { mode: 'fail-after-record', count: 1 } })
    await rent(page)
    await until(page, "s.page?.step === 'failed'")
    expect((await state(page)).page.focused).toBe('retry')
    expect((await household(page)).charges).toHaveLength(1)
    await press(page, 'Enter')
    await until(page, "s.route === 'play/belgica'")
    await videoMoves(page)
    const held = await household(page)
    expect(held.charges).toHaveLength(1)
    expect(held.rentals).toHaveLength(1)
  })

  it('until the service answers, home offers nothing for sale; when it fails, the billboard says so', async () => {
    await server.ask({ type: 'fault', fault: { mode: 'hang' } })
    const page = await openApp('')
    await waitForApp(page)
    await until(page, "s.page?.heroOffer === 'Vérification de vos droits…'")
    const home = (await state(page)).page
    expect(home.badges).toContain('Gratuit')
    expect(home.badges?.join(' ')).not.toMatch(/€|Pass/)
    // The hanging request fails: what happened is said, and still nothing is for sale.
    await server.ask({ type: 'fault', fault: { mode: 'error' } })
    await until(page, "s.page?.heroOffer?.startsWith('Vos achats n’ont pas pu être vérifiés')")
    expect((await state(page)).page.badges?.join(' ')).not.toMatch(/€|Pass/)
  })

  it('a title with ads that a pass also carries waits for the passes, then plays with ads and offers to check them', async () => {
    await server.ask({ type: 'fault', fault: { mode: 'hang' } })
    const page = await openApp('#details/dikkenek')
    await rewriteBody(page, '**/static/catalogue/titles.json', (body) => {
      const catalogue = JSON.parse(body) as { titles: { id: string; offers: unknown[] }[] }
      const title = catalogue.titles.find((t) => t.id === 'dikkenek')!
      title.offers.push({ type: 'subscription', pass: 'movies-series' })
      return JSON.stringify(catalogue)
    })
    await page.reload()
    await waitForApp(page)
    // A pass holder watches it without ads: no ads are started before the answer.
    await until(
      page,
      "s.page?.screen === 'details' && s.page.actions?.[0] === 'Vérification de vos droits…'",
    )
    await server.ask({ type: 'fault', fault: { mode: 'error' } })
    await until(
      page,
      "s.page?.screen === 'details' && s.page.actions?.[1] === 'Vérifier mes achats'",
    )
    expect((await state(page)).page.actions?.[0]).toBe('Regarder')
    await page.unroute('**/static/catalogue/titles.json')
  })

  it('with the service down and no copy on the box, a play link offers to check the purchases, not to buy the Pass; a Pass without a price is not sold', async () => {
    await server.ask({ type: 'fault', fault: { mode: 'error' } })
    const page = await openApp('#play/rosetta')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'not-found' && s.page.reason === 'unchecked'")
    expect((await state(page)).page.action).toBe('Vérifier mes achats')
    await screenshot(page, 'play-rights-unchecked')
    // The service answers again: checking says what applies (this household has no pass, and
    // these settings give the pass no price: it is not sold, nothing to press to buy it).
    await server.ask({ type: 'fault', fault: { mode: 'none' } })
    await press(page, 'Enter')
    await until(page, "s.page?.screen === 'not-found' && s.page.reason === 'unpriced'")
    expect((await state(page)).page.action).toBeUndefined()
  })
})

describe('parental PIN', () => {
  it('at first start the PIN typed twice with pauses, as a household does, is the one saved', async () => {
    const page = await openApp('', { firstStart: true })
    await waitForApp(page)
    await until(page, "s.pin?.mode === 'setup' && s.pin.step === 'choose'")
    // Pauses longer than the render loop takes to idle, as a household types: the tests above
    // type a frame apart (a black-box report had the confirm step one key behind this way).
    const typeSlowly = async (pin: string) => {
      for (const digit of pin) {
        await press(page, digit)
        await page.waitForTimeout(700)
      }
    }
    await typeSlowly(E2E_PINS.parental)
    await until(page, "s.pin?.step === 'confirm' && s.pin.digits === 0")
    await page.waitForTimeout(3000)
    await typeSlowly('1')
    expect((await state(page)).pin).toMatchObject({ step: 'confirm', digits: 1 })
    await typeSlowly(E2E_PINS.parental.slice(1))
    await until(page, 's.pin === null')

    // The PIN saved is the one typed: it unlocks an -18 title after a restart.
    const again = await openApp('#play/ex-drummer', { keepStorage: true })
    await waitForApp(again)
    await until(again, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    await typePin(again, E2E_PINS.parental)
    await until(again, "s.pin === null && s.page?.screen === 'player'")
  })

  it('an -18 deep link asks for the parental PIN, then plays', async () => {
    expect(ratingOf('ex-drummer')).toBe('18')
    const page = await openApp('#play/ex-drummer')
    await waitForApp(page)
    await until(page, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    expect((await state(page)).page.reason).toBe('locked')
    await screenshot(page, 'parental-pin')
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin === null && s.page?.screen === 'player'")
    await videoMoves(page)
  })

  it("an impatient double OK on Play opens the PIN without typing the pad's 1: the right PIN then unlocks", async () => {
    const page = await openApp('#details/ex-drummer')
    await waitForApp(page)
    await until(page, "s.page?.screen === 'details'")
    // Two presses 60 ms apart: the first opens the question, the second lands on its pad. A box
    // stamps each press when it is made; sent with their own stamps, the second stays 60 ms after
    // the first however late a busy test machine delivers it.
    const cdp = await page.context().newCDPSession(page)
    const enter = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 }
    const first = Date.now() / 1000
    for (const at of [first, first + 0.06]) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, timestamp: at })
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp: at + 0.02 })
      await page.waitForTimeout(60)
    }
    await cdp.detach()
    await until(page, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    await page.waitForTimeout(300)
    expect((await state(page)).pin).toMatchObject({ digits: 0 })
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin === null && s.page?.screen === 'player'")
  })

  it('the PIN typed on a numeric keypad, its first digit held long enough to auto-repeat, unlocks', async () => {
    const page = await openApp('#play/ex-drummer')
    await waitForApp(page)
    await until(page, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    // Keypad codes as a box or a keyboard with Num Lock sends them (96-105); Playwright's keypad
    // keys are those of Num Lock off (End, ArrowDown...). The held key repeats (repeat: true).
    const keypad = (digit: string) => 96 + Number(digit)
    const [first, ...rest] = E2E_PINS.parental
    await page.evaluate((code) => {
      for (const [type, repeat] of [
        ['keydown', false],
        ['keydown', true],
        ['keyup', false],
      ] as const) {
        const event = new KeyboardEvent(type, { bubbles: true, repeat })
        Object.defineProperty(event, 'keyCode', { value: code })
        window.dispatchEvent(event)
      }
    }, keypad(first!))
    await until(page, 's.pin?.digits === 1')
    for (const digit of rest) await pressCode(page, keypad(digit))
    await until(page, "s.pin === null && s.page?.screen === 'player'")
    await videoMoves(page)
  })

  it('a deep link while the PIN is asked ends the question: the right PIN then starts nothing behind home', async () => {
    const page = await openApp('#play/ex-drummer')
    await waitForApp(page)
    await until(page, "s.pin?.kind === 'parental' && s.pin.step === 'check'")
    await page.evaluate(() => (window.location.hash = '#home'))
    await until(page, "s.route === 'home' && s.pin === null")
    await typePin(page, E2E_PINS.parental)
    await page.waitForTimeout(2000)
    const video = await page.evaluate(() => {
      const element = document.querySelector('video')
      return { paused: element?.paused ?? true, time: element?.currentTime ?? 0 }
    })
    expect(video).toEqual({ paused: true, time: 0 })
    expect((await state(page)).route).toBe('home')
  })

  it('after the PIN, Back hides the controls and the next Back returns to details', async () => {
    const page = await openApp('#details/ex-drummer')
    await waitForApp(page)
    await press(page, 'Enter')
    await until(page, "s.pin?.kind === 'parental'")
    await typePin(page, E2E_PINS.parental)
    await until(page, "s.pin === null && s.page?.state === 'playing' && s.page.overlayVisible")
    // The locked screen had the focus before the PIN: Back once took the household home.
    await press(page, 'Backspace')
    await until(page, "s.route === 'play/ex-drummer' && !s.page.overlayVisible")
    await press(page, 'Backspace')
    await until(page, "s.route === 'details/ex-drummer'")
  })

  it('five wrong PINs lock the entry for 15 minutes, and a reload does not end it', async () => {
    const page = await openApp('#play/ex-drummer')
    await waitForApp(page)
    await until(page, "s.pin?.kind === 'parental'")
    for (let i = 1; i <= 5; i++) {
      await typePin(page, '0000')
      await until(page, `s.pin?.error !== '' && (${i} === 5 ? s.pin.locked : true)`)
      if (i === 1) expect((await state(page)).pin?.error).toContain('4')
    }
    expect((await state(page)).pin).toMatchObject({ locked: true })
    expect((await state(page)).pin?.error).toContain('15 min')
    // The right PIN while locked does not unlock.
    await typePin(page, E2E_PINS.parental)
    expect((await state(page)).page.screen).not.toBe('player')
    const again = await openApp('#play/ex-drummer', { keepStorage: true })
    await waitForApp(again)
    await until(again, "s.pin?.kind === 'parental'")
    expect((await state(again)).pin?.locked).toBe(true)
  })
})

describe('kids profile and my list', () => {
  it('a kids home shows only what is rated for its age; leaving it needs the parental PIN', async () => {
    const page = await openApp()
    await waitForApp(page)
    await page.evaluate(() => {
      const base = { avatar: 0, language: null }
      localStorage.setItem(
        'profiles',
        JSON.stringify({
          profiles: [
            { ...base, id: 'home', name: '', kids: false, maxAge: null },
            { ...base, id: 'kid', name: 'Noé', kids: true, maxAge: 10, avatar: 1 },
          ],
          activeId: 'kid',
        }),
      )
    })
    const kids = await openApp('', { keepStorage: true })
    await waitForApp(kids)
    // Two profiles: the chooser comes first, on the profile last used.
    await until(kids, "s.page?.screen === 'profiles' && s.page.focused === 'kid'")
    await press(kids, 'Enter')
    await until(kids, "s.page?.screen === 'home' && s.page.rails.length > 0")
    const rails = (await state(kids)).page.rails!
    expect(rails.some((rail) => rail.id.startsWith('brand-'))).toBe(false)
    for (const id of rails.flatMap((rail) => rail.ids)) {
      expect(['TP', '10']).toContain(ratingOf(id))
    }
    await screenshot(kids, 'kids-home')
    // A purchase link to an -18 title leads to its details, which say it is not for this profile.
    await kids.evaluate(() => (window.location.hash = '#buy/calvaire/rental'))
    await until(kids, "s.route === 'details/calvaire' && s.page?.reason === 'kids'")
    // To the chooser, then the grown-up profile: the parental PIN is asked.
    await kids.evaluate(() => (window.location.hash = '#profiles'))
    await until(kids, "s.page?.screen === 'profiles'")
    await press(kids, 'ArrowLeft')
    await press(kids, 'Enter')
    await until(kids, "s.pin?.kind === 'parental'")
    await typePin(kids, E2E_PINS.parental)
    await until(kids, "s.page?.screen === 'home' && s.profile.kids === false")
    const grown = (await state(kids)).page.rails!
    expect(grown.some((rail) => rail.id.startsWith('brand-'))).toBe(true)
  })

  it('a long OK on a tile puts it in My list, which is still there after a reload', async () => {
    const page = await openApp()
    await waitForApp(page)
    await until(page, "s.page?.screen === 'home' && s.page.rails.length > 0")
    const first = (await state(page)).page.rails![0]!.ids[0]!
    // Held OK: the remote's auto-repeat, until the long-press.
    await page.keyboard.down('Enter')
    for (let i = 0; i < 12; i++) {
      await page.waitForTimeout(80)
      await page.keyboard.down('Enter')
    }
    await page.keyboard.up('Enter')
    await until(page, "s.page?.rails[0]?.id === 'my-list'")
    expect((await state(page)).route).toBe('home')
    const again = await openApp('', { keepStorage: true })
    await waitForApp(again)
    await until(again, "s.page?.screen === 'home' && s.page.rails.length > 0")
    const list = (await state(again)).page.rails!.find((rail) => rail.id === 'my-list')
    expect(list?.ids).toEqual([first])
  })
})
