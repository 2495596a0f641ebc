import { Lightning, Router } from '@lightningjs/sdk'
import { Catalogue } from '../../../src/catalogue/Catalogue'
import type { Title } from '../../../src/catalogue/schema'
import type Hero from '../../../src/components/Hero'
import { renderProfile } from '../../../src/performance/renderProfile'
import { fakeContext, fixtureCatalogue } from '../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../harness/mountApp'
import { HomeHost as Host } from './Home/homeHost'
import type { Holdings } from '../../../src/entitlements/contract'
import { EntitlementErrorCode } from '../../../src/entitlements/errors'
import { deferred, error, fakeBackend, setup } from '../entitlements/storeHarness'

const OFFLINE = EntitlementErrorCode.OFFLINE

/** A catalogue big enough for rails to scroll: the fixture's titles cloned under new ids. */
function largeCatalogue(copies: number): Catalogue {
  const base = fixtureCatalogue().titles
  const titles: Title[] = []
  for (let i = 0; i < copies; i++) {
    for (const title of base) titles.push({ ...title, id: `${title.id}-${i}` } as Title)
  }
  return new Catalogue(titles, [])
}

describe('Home', () => {
  let t: MountedApp<Host>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => t.destroy())

  const mount = (catalogue: Catalogue) => {
    t = mountApp(Host)
    t.component.home.bind(fakeContext(catalogue))
    t.step()
    return t.component.home
  }

  it('starts on the first tile of the first rail, Belgian content first', () => {
    const home = mount(fixtureCatalogue())
    const snapshot = home.snapshot()
    expect(snapshot.railId).toBe('made-in-belgium')
    expect(snapshot.index).toBe(0)
    expect(snapshot.itemId).toBe('rosetta')
  })

  it('remembers the scroll and focus of a rail after it was virtualised away and rebuilt', () => {
    const home = mount(largeCatalogue(10))
    t.press('Right', 12)
    const before = home.snapshot()
    expect(before.first).toBeGreaterThan(0)
    t.press('Down', 4)
    expect(home.snapshot().rails[0]!.rendered).toBe(0)
    t.press('Up', 4)
    expect(home.snapshot()).toMatchObject({ railIndex: 0, first: before.first })
  })

  it('enters a scrolled rail at the nearest column of what it shows, not at its first tile', () => {
    const home = mount(largeCatalogue(10))
    t.press('Down')
    t.press('Right', 12)
    const scrolled = home.snapshot()
    t.press('Up')
    t.press('Right', 2)
    const above = home.snapshot()
    t.press('Down')
    const back = home.snapshot()
    expect(back.first).toBe(scrolled.first)
    expect(back.index - back.first).toBe(above.index - above.first)
  })

  it('lands on the nearest column of the next rail', () => {
    const home = mount(largeCatalogue(10))
    t.press('Right', 3)
    t.press('Down')
    const snapshot = home.snapshot()
    expect(snapshot.railIndex).toBe(1)
    expect(snapshot.index).toBe(3)
  })

  it('keeps only the rails around the focused one as elements', () => {
    const home = mount(largeCatalogue(10))
    t.press('Down', 4)
    const rails = home.snapshot().rails
    const live = rails.filter((rail) => rail.rendered > 0).map((rail) => rail.id)
    expect(live.length).toBeLessThanOrEqual(4)
    expect(live).toContain(rails[4]!.id)
    expect(rails[0]!.rendered).toBe(0)
  })

  it('in lite mode keeps two rails alive, draws no billboard image and captions the focused tile only', () => {
    t = mountApp(Host)
    const lite = renderProfile({ lite: true, reason: 'setting-on', signals: {} })
    t.component.home.bind({ ...fakeContext(largeCatalogue(10)), render: lite })
    t.step()
    const home = t.component.home
    t.press('Down', 3)
    const rails = home.snapshot().rails
    const live = rails.filter((rail) => rail.rendered > 0).map((rail) => rail.id)
    expect(live).toEqual([rails[3]!.id, rails[4]!.id])
    t.step(12)
    expect((home.tag('Hero') as Hero).artworkState).toEqual({ mode: 'card' })
    const tiles = t.focused()!.parent!.children as unknown as Lightning.Component[]
    expect(tiles.filter((tile) => tile.tag('Title').visible)).toEqual([t.focused()])
  })

  it('opens the focused title on OK', () => {
    mount(fixtureCatalogue())
    t.press('Right')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('details/la-treve')
  })

  it('asks before exiting on Back', () => {
    mount(fixtureCatalogue())
    t.press('Back')
    expect(t.component.exitRequests).toBe(1)
  })

  it('reaches the settings button with Up from the first rail, and comes back with Down', () => {
    const home = mount(fixtureCatalogue())
    t.press('Up')
    expect(home.snapshot().area).toBe('topbar')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('settings')
    t.press('Down')
    expect(home.snapshot().area).toBe('rails')
  })

  it('offers Live TV on the top bar when the operator has channels, tuned to the first one', async () => {
    t = mountApp(Host)
    t.component.home.bind({
      ...fakeContext(fixtureCatalogue()),
      liveChannels: async () => ({
        status: 'ok' as const,
        channels: [
          { id: 'la-une', number: 1, name: 'La Une', stream: { hls: 'http://x/1.m3u8' } },
          { id: 'tipik', number: 2, name: 'Tipik', stream: { hls: 'http://x/2.m3u8' } },
        ],
      }),
    })
    await Promise.resolve()
    t.step()
    t.press('Up')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('live/la-une')
    t.press('Right')
    t.press('Enter')
    expect(navigate).toHaveBeenLastCalledWith('settings')
  })

  it('shows the focused title in the billboard', () => {
    const home = mount(fixtureCatalogue())
    t.press('Right', 2)
    jest.useFakeTimers()
    t.press('Right')
    jest.advanceTimersByTime(500)
    jest.useRealTimers()
    expect(home.snapshot().heroId).toBe(home.snapshot().itemId)
  })
})

describe('Home: while the household’s rights are not known', () => {
  let t: MountedApp<Host>

  afterEach(() => t.destroy())

  it('shows no price and no pass to take until the service answers, and says on the billboard what happened', async () => {
    const backend = fakeBackend()
    const answer = deferred<Holdings>()
    backend.holdings.mockReturnValueOnce(answer.promise).mockRejectedValue(error(OFFLINE))
    const { store } = setup(backend)
    const first = store.refresh()
    t = mountApp(Host)
    t.component.home.bind({ ...fakeContext(), entitlements: store })
    t.step()
    const home = t.component.home
    const badges = () => home.snapshot().badges.filter(Boolean)
    // What is free says so; nothing is offered for sale: it may be held already.
    expect(badges()).toContain('access.free')
    expect(badges().join()).not.toMatch(/€|access\.subscribeBadge/)
    t.press('Right', 2)
    jest.useFakeTimers()
    t.press('Right')
    jest.advanceTimersByTime(500)
    jest.useRealTimers()
    expect(home.snapshot().heroOffer).toBe('access.checking')

    answer.resolve({ passes: [], rentals: [] })
    await first
    expect(badges()).toEqual(expect.arrayContaining(['access.subscribeBadge', '3,99 €']))

    // A later failure keeps what was known.
    await store.refresh()
    expect(badges()).toContain('3,99 €')
  })

  it('says on the billboard that the rights could not be checked when the service fails', async () => {
    const backend = fakeBackend()
    backend.holdings.mockRejectedValue(error(OFFLINE))
    const { store } = setup(backend)
    t = mountApp(Host)
    t.component.home.bind({ ...fakeContext(), entitlements: store })
    t.step()
    jest.useFakeTimers()
    t.press('Right', 3)
    jest.advanceTimersByTime(500)
    jest.useRealTimers()
    await store.refresh()
    expect(t.component.home.snapshot().heroOffer).toBe('access.uncheckedLabel')
    expect(t.component.home.snapshot().badges.join()).not.toMatch(/€|access\.subscribeBadge/)
  })
})

describe('Home: continue watching', () => {
  let t: MountedApp<Host>

  afterEach(() => t.destroy())

  it('shows the started titles as the first rail, most recent first, and keeps focus memory', () => {
    const context = fakeContext(fixtureCatalogue())
    const progress = context.progress
    t = mountApp(Host)
    t.component.home.bind(context)
    t.step()
    expect(t.component.home.snapshot().rails[0]!.id).toBe('made-in-belgium')
    t.press('Down')
    const before = t.component.home.snapshot()
    progress.save({ id: 'rosetta', titleId: 'rosetta', position: 100, duration: 5000 })
    t.step()
    const after = t.component.home.snapshot()
    expect(after.rails[0]).toMatchObject({ id: 'continue-watching', count: 1 })
    // Still on the same rail as before the new first rail appeared.
    expect(after.railId).toBe(before.railId)
    expect(after.itemId).toBe(before.itemId)
    t.press('Up', 2)
    expect(t.component.home.snapshot()).toMatchObject({
      railId: 'continue-watching',
      itemId: 'rosetta',
    })
  })

  it('a title watched again from Continue watching keeps focus as it moves to the front', () => {
    const context = fakeContext(fixtureCatalogue())
    let clock = Date.UTC(2026, 11, 2, 12)
    ;(context.platform as { wallClock: () => number }).wallClock = () => (clock += 1000)
    for (const id of ['rosetta', 'dikkenek', 'rundskop'])
      context.progress.save({ id, titleId: id, position: 100, duration: 5000 })
    t = mountApp(Host)
    const home = t.component.home
    home.bind(context)
    t.step()
    t.press('Right')
    const before = home.snapshot()
    expect(before.rails[0]!.ids).toEqual(['rundskop', 'dikkenek', 'rosetta'])
    expect(before).toMatchObject({ railId: 'continue-watching', index: 1, itemId: 'dikkenek' })
    // Played from details, then Back to home: it is the most recent now.
    context.progress.save({ id: 'dikkenek', titleId: 'dikkenek', position: 200, duration: 5000 })
    t.step()
    const after = home.snapshot()
    expect(after.rails[0]!.ids).toEqual(['dikkenek', 'rundskop', 'rosetta'])
    expect(after).toMatchObject({ railId: 'continue-watching', index: 0, itemId: 'dikkenek' })
    expect(after.heroLayout.railsTop).toBe(before.heroLayout.railsTop)
  })

  it('drops a finished title from the rail', () => {
    const context = fakeContext(fixtureCatalogue())
    const progress = context.progress
    progress.save({ id: 'rosetta', titleId: 'rosetta', position: 100, duration: 5000 })
    t = mountApp(Host)
    t.component.home.bind(context)
    t.step()
    expect(t.component.home.snapshot().rails[0]!.id).toBe('continue-watching')
    progress.save({ id: 'rosetta', titleId: 'rosetta', position: 4999, duration: 5000 })
    t.step()
    expect(t.component.home.snapshot().rails[0]!.id).toBe('made-in-belgium')
  })
})

describe('Home: rails paged by the backend', () => {
  let t: MountedApp<Host>

  afterEach(() => t.destroy())

  /** One backend rail of `total` titles of which the first `first` came with home. */
  function pagedCatalogue(total: number, first: number) {
    const base = fixtureCatalogue().titles.filter((title) => title.kind === 'film')
    const all = Array.from(
      { length: total },
      (_, i) => ({ ...base[i % base.length]!, id: `film-${i}` }) as Title,
    )
    const catalogue = new Catalogue(all.slice(0, first), [], {
      layout: [
        {
          id: 'operator-picks',
          name: { en: 'Picks' },
          itemIds: all.slice(0, first).map((title) => title.id),
          next: String(first),
        },
      ],
    })
    return { catalogue, all }
  }

  it('asks for the next page only when focus nears the end, and appends it without moving focus', async () => {
    const { catalogue, all } = pagedCatalogue(60, 20)
    const asked: string[] = []
    const context = {
      ...fakeContext(catalogue),
      canGrowRail: (id: string) => Boolean(catalogue.rail(id)?.next),
      growRail: async (id: string) => {
        asked.push(id)
        const cursor = Number(catalogue.rail(id)!.next)
        return catalogue.appendPage(id, {
          titles: all.slice(cursor, cursor + 20),
          next: cursor + 20 < all.length ? String(cursor + 20) : null,
        })
      },
    }
    t = mountApp(Host)
    t.component.home.bind(context)
    t.step()
    const home = t.component.home
    expect(home.snapshot().rails[0]).toMatchObject({ count: 20, complete: false })
    t.press('Right', 5)
    expect(asked).toEqual([])
    t.press('Right')
    expect(asked).toEqual(['operator-picks'])
    await Promise.resolve()
    t.step()
    expect(home.snapshot()).toMatchObject({ index: 6, itemId: 'film-6' })
    expect(home.snapshot().rails[0]).toMatchObject({ count: 40, complete: false })
    t.press('Right', 30)
    await Promise.resolve()
    t.step()
    expect(home.snapshot().rails[0]).toMatchObject({ count: 60, complete: true })
    t.press('Right', 30)
    expect(home.snapshot()).toMatchObject({ index: 59, itemId: 'film-59' })
    // Still virtualised: a 60-tile rail keeps a screenful of tiles as elements.
    expect(home.snapshot().rails[0]!.rendered).toBeLessThan(16)
  })

  it('looks up a saved title that is on no loaded rail, and shows it in Continue watching', async () => {
    const { catalogue, all } = pagedCatalogue(60, 20)
    const context = {
      ...fakeContext(catalogue),
      findTitle: async (id: string) => {
        const title = all.find((candidate) => candidate.id === id)
        if (!title) return { status: 'missing' as const }
        catalogue.add([title])
        return { status: 'found' as const, title, id: title.id }
      },
    }
    context.progress.save({
      id: 'film-55',
      titleId: 'film-55',
      position: 100,
      duration: 5000,
    })
    expect(catalogue.title('film-55')).toBeUndefined()
    t = mountApp(Host)
    t.component.home.bind(context)
    await Promise.resolve()
    await Promise.resolve()
    t.step()
    expect(t.component.home.snapshot().rails[0]).toMatchObject({
      id: 'continue-watching',
      count: 1,
    })
    // Focus stays where the household was; the new first rail is one step up.
    t.press('Up')
    expect(t.component.home.snapshot()).toMatchObject({
      railId: 'continue-watching',
      itemId: 'film-55',
    })
  })
})

describe('Home: my list and profiles', () => {
  let t: MountedApp<Host>
  let navigate: jest.SpyInstance

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
  })

  afterEach(() => {
    t.destroy()
    navigate.mockRestore()
  })

  const mounted = () => {
    const context = fakeContext(fixtureCatalogue())
    t = mountApp(Host)
    t.component.home.bind(context)
    t.step()
    return { context, home: t.component.home }
  }

  it('a long OK on a tile puts it in My list instead of opening it; a short OK opens it', () => {
    const { context, home } = mounted()
    const id = home.snapshot().itemId!
    t.keyDown('Enter')
    // What the App's key gate sends once the hold passes the long-press threshold.
    ;(t.app as unknown as { focusBottomUpEvent(events: string[]): void }).focusBottomUpEvent([
      '_handleEnterLong',
    ])
    t.keyUp('Enter')
    t.step()
    expect(navigate).not.toHaveBeenCalled()
    expect(context.myList.store.value.ids).toEqual([id])
    expect(home.snapshot().rails[0]).toMatchObject({ id: 'my-list', ids: [id] })
    expect(home.snapshot().listNotice).toBe('myList.added')
    t.press('Enter')
    expect(navigate).toHaveBeenLastCalledWith(`details/${home.snapshot().itemId}`)
  })

  it('a box that never sends the key release still opens the title', () => {
    jest.useFakeTimers()
    try {
      const { home } = mounted()
      t.keyDown('Enter')
      expect(navigate).not.toHaveBeenCalled()
      jest.advanceTimersByTime(1600)
      expect(navigate).toHaveBeenCalledWith(`details/${home.snapshot().itemId}`)
    } finally {
      jest.useRealTimers()
    }
  })

  it('My list going away under focus gives it to the rail that slid into its place, not the one above', () => {
    const { context, home } = mounted()
    context.progress.save({ id: 'rosetta', titleId: 'rosetta', position: 100, duration: 5000 })
    context.myList.toggle('dikkenek')
    t.step()
    t.press('Up')
    const before = home.snapshot()
    expect(before).toMatchObject({ railIndex: 1, railId: 'my-list', itemId: 'dikkenek' })
    // Taken out of the list on its details page.
    context.myList.toggle('dikkenek')
    t.step()
    const after = home.snapshot()
    expect(after.rails.map((rail) => rail.id).slice(0, 2)).toEqual([
      'continue-watching',
      'made-in-belgium',
    ])
    expect(after).toMatchObject({ railIndex: 1, railId: 'made-in-belgium' })
    expect(after.heroLayout.railsTop).toBe(before.heroLayout.railsTop)
  })

  it('changing profile redraws home with that profile’s own rails, and a kids home is filtered', () => {
    const { context, home } = mounted()
    context.myList.toggle('rosetta')
    t.step()
    expect(home.snapshot().rails[0]!.id).toBe('my-list')
    const kids = context.profiles.add({ name: 'Noé', kids: true, maxAge: 10 })
    if (!kids.ok) throw new Error(kids.problem)
    context.profiles.select(kids.profile.id)
    t.step()
    // Every fixture title is rated 12: nothing is for a ten-year-old, so home says so.
    expect(home.snapshot().rails).toEqual([])
    expect(home.snapshot().empty).toMatchObject({
      title: 'home.kidsEmpty.title',
      focused: 'profiles',
    })
    const twelve = context.profiles.update(kids.profile.id, { maxAge: 12 })
    expect(twelve.ok).toBe(true)
    t.step()
    const rails = home.snapshot().rails.map((rail) => rail.id)
    expect(rails).not.toContain('my-list')
    expect(rails.some((id) => id.startsWith('brand-'))).toBe(false)
    expect(rails.length).toBeGreaterThan(0)
  })
})
