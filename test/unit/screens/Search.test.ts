import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../../src/app/context'
import type { RentalOffer } from '../../../src/entitlements/contract'
import Search from '../../../src/screens/Search'
import { fakeContext } from '../../harness/fakeContext'
import { mountApp, SDK_DEFAULT_KEYS, type MountedApp } from '../../harness/mountApp'
import { fakeBackend, setup } from '../entitlements/storeHarness'

class Host extends Lightning.Component {
  static override _template() {
    return { Screen: { type: Search } }
  }

  get screen(): Search {
    return this.tag('Screen') as Search
  }

  override _getFocused() {
    return this.tag('Screen')
  }
}

/** The remote's red key is not in the SDK's default keymap. */
const KEYS = { ...SDK_DEFAULT_KEYS, 403: 'Red' }

describe('Search screen', () => {
  let t: MountedApp<Host>
  let context: AppContext
  let navigate: jest.SpyInstance
  const state = () => t.component.screen.snapshot()

  /** Waits (real time: the debounce is real) until the query on screen has been answered. */
  const settle = async () => {
    const deadline = Date.now() + 3000
    while (state().timing?.query !== state().query.trim() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    t.step()
  }

  const open = (query?: string) => {
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context, query)
    t.step()
  }

  const goTo = (id: string) => {
    const keyboard = () => state().keyboard
    const row = keyboard().rows.findIndex((keys) => keys.includes(id))
    while (keyboard().position.row !== row) t.press(keyboard().position.row < row ? 'Down' : 'Up')
    while (keyboard().focused !== id) t.press('Right')
  }

  const type = (text: string) =>
    [...text].forEach((char) => {
      goTo(char === ' ' ? 'space' : char)
      t.press('Enter')
    })

  /** Down from wherever the keyboard's focus is, until focus leaves it for the results. */
  const downToResults = () => {
    for (let i = 0; i < 6 && state().area === 'keyboard'; i++) t.press('Down')
  }

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    context = fakeContext()
  })

  afterEach(() => {
    t.destroy()
  })

  it('starts on the AZERTY keyboard with suggestions and no query', () => {
    open()
    expect(state()).toMatchObject({ area: 'keyboard', query: '', status: 'empty' })
    expect(state().keyboard.layout).toBe('azerty')
    expect(state().keyboard.rows[1]!.slice(0, 3)).toEqual(['a', 'z', 'e'])
    expect(state().showing).toBe('suggestions')
    expect(state().ids[0]).toBe('rosetta')
  })

  it('uses QWERTY when the operator says so', () => {
    context = { ...context, config: { ...context.config, search: { keyboardLayout: 'qwerty' } } }
    open()
    expect(state().keyboard.rows[1]!.slice(0, 3)).toEqual(['q', 'w', 'e'])
  })

  it('shows results as the household types, accents not needed', async () => {
    open()
    type('trev')
    expect(state().query).toBe('trev')
    await settle()
    expect(state()).toMatchObject({ status: 'results', showing: 'results' })
    expect(state().ids[0]).toBe('la-treve')
    expect(state().message).toBe('search.count{"count":1,"query":"trev"}')
  })

  it('goes down to the results and back up to the key last typed', async () => {
    open()
    type('trev')
    await settle()
    const lastKey = state().keyboard.position
    downToResults()
    expect(state()).toMatchObject({ area: 'results', itemId: 'la-treve' })
    t.press('Up')
    expect(state().area).toBe('keyboard')
    expect(state().keyboard.position).toEqual(lastKey)
    expect(state().keyboard.focused).toBe('v')
  })

  it('Down right after Up from the results goes back to them; after another key it moves in the keyboard', async () => {
    open()
    type('trev')
    await settle()
    downToResults()
    t.press('Right')
    const focused = state().itemId
    t.press('Up')
    expect(state().area).toBe('keyboard')
    t.press('Down')
    expect(state()).toMatchObject({ area: 'results', itemId: focused })
    t.press('Up')
    t.press('Left')
    t.press('Down')
    expect(state().area).toBe('keyboard')
  })

  it('comes back from the results to the key last typed on Back, not out of search', async () => {
    open()
    type('trev')
    await settle()
    const lastKey = state().keyboard.position
    downToResults()
    expect(state().area).toBe('results')
    t.press('Back')
    expect(state()).toMatchObject({ area: 'keyboard', query: 'trev' })
    expect(state().keyboard.position).toEqual(lastKey)
    expect(navigate).not.toHaveBeenCalled()
  })

  it('types what a plugged-in keyboard types, and a letter typed on the results refines the search', async () => {
    open()
    for (const code of [84, 82, 69]) t.press(code) // t r e
    expect(state()).toMatchObject({ area: 'keyboard', query: 'tre' })
    await settle()
    downToResults()
    expect(state().area).toBe('results')
    t.press(86) // v
    expect(state()).toMatchObject({ area: 'keyboard', query: 'trev' })
    await settle()
    expect(state().ids[0]).toBe('la-treve')
  })

  it('comes back from the recent searches to the keyboard on Back', () => {
    context.recentSearches.remember('rosetta')
    open()
    while (state().keyboard.position.row > 0) t.press('Up')
    t.press('Up')
    expect(state().area).toBe('recent')
    t.press('Back')
    expect(state().area).toBe('keyboard')
  })

  it('a recalled recent search does not send Back from its results to a key typed before it', async () => {
    context.recentSearches.remember('rosetta')
    open()
    type('x')
    goTo('clear')
    t.press('Enter')
    expect(state().query).toBe('')
    while (state().keyboard.position.row > 0) t.press('Up')
    t.press('Up')
    expect(state()).toMatchObject({ area: 'recent', recentFocused: 'rosetta' })
    t.press('Enter')
    const recalledAt = state().keyboard.position
    await settle()
    downToResults()
    expect(state().area).toBe('results')
    t.press('Back')
    // Not "Tout effacer", the key last typed before the recall: one OK there wiped the search.
    expect(state().keyboard.focused).not.toBe('clear')
    expect(state().keyboard.position).toEqual(recalledAt)
    expect(state().query).toBe('rosetta')
  })

  it('opens the details on OK and remembers the search', async () => {
    open()
    type('trev')
    await settle()
    downToResults()
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('details/la-treve')
    expect(context.recentSearches.queries).toEqual(['trev'])
  })

  it("changes a result's badge when the household rents it", async () => {
    const { store } = setup(fakeBackend())
    await store.refresh()
    context = { ...context, entitlements: store }
    open()
    type('dikk')
    await settle()
    expect(state().ids).toEqual(['dikkenek'])
    expect(state().badges).toEqual(['3,99 €'])
    const offer: RentalOffer = {
      type: 'rental',
      price: { amount: 3.99, currency: 'EUR' },
      windowHours: 48,
    }
    await store.rent({ id: 'dikkenek' }, offer)
    t.step()
    expect(state().badges).toEqual(['access.rentedBadge'])
  })

  it('says when nothing matches and offers suggestions', async () => {
    open()
    type('zzq')
    await settle()
    expect(state()).toMatchObject({
      status: 'results',
      message: 'search.none{"query":"zzq"}',
      showing: 'suggestions',
    })
    expect(state().ids.length).toBeGreaterThan(0)
  })

  it('says when search failed, and shows no grid', async () => {
    context.search = async () => ({
      status: 'failed',
      problem: {
        severity: 'critical',
        category: 'network',
        code: 1001,
        backend: 'http',
        message: 'down',
      },
    })
    open()
    type('ro')
    await settle()
    expect(state()).toMatchObject({ status: 'failed', message: 'search.failed', showing: 'none' })
  })

  it('searches what a deep link carries', async () => {
    open('amélie')
    expect(state().query).toBe('amélie')
    await settle()
    expect(state().ids[0]).toBe('amelie')
  })

  it('lists recent searches above the keyboard while nothing is typed; each can be removed', async () => {
    context.recentSearches.remember('rosetta')
    context.recentSearches.remember('dikkenek')
    open()
    expect(state().recent).toEqual(['dikkenek', 'rosetta'])
    while (state().keyboard.position.row > 0) t.press('Up')
    t.press('Up')
    expect(state()).toMatchObject({ area: 'recent', recentFocused: 'dikkenek' })
    t.press('Red')
    expect(state().recent).toEqual(['rosetta'])
    t.press('Enter')
    expect(state().query).toBe('rosetta')
    expect(state().area).toBe('keyboard')
    await settle()
    expect(state().ids[0]).toBe('rosetta')
  })

  it('finds nothing a kids profile may not see', async () => {
    const added = context.profiles.add({ name: 'Zoé', kids: true, maxAge: 10 })
    if (!added.ok) throw new Error('fixture')
    context.profiles.select(added.profile.id)
    open()
    type('ros')
    await settle()
    expect(state().ids).not.toContain('rosetta')
    expect(state().message).toBe('search.none{"query":"ros"}')
  })

  it('keeps only the tiles near the viewport as elements', async () => {
    open()
    type('e')
    await settle()
    expect(state().rendered).toBeLessThanOrEqual(state().ids.length)
  })
})
