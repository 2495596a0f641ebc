import { Catalogue } from '../../../../src/catalogue/Catalogue'
import type { Title } from '../../../../src/catalogue/schema'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { fakeImages, type FakeImages } from '../../components/fakeImages'
import { HomeHost as Host } from './homeHost'

/** Enough titles for full rails: the fixture's titles cloned under new ids, each its own artwork. */
function catalogue(): Catalogue {
  const titles: Title[] = []
  for (let i = 0; i < 3; i++) {
    for (const title of fixtureCatalogue().titles) {
      const { poster, backdrop } = title.artwork
      const artwork = {
        ...(poster ? { poster: `${poster}?copy=${i}` } : {}),
        ...(backdrop ? { backdrop: `${backdrop}?copy=${i}` } : {}),
      }
      titles.push({ ...title, id: `${title.id}-${i}`, artwork } as Title)
    }
  }
  return new Catalogue(titles, [])
}

describe('Home: the first screen first', () => {
  let t: MountedApp<Host>
  let images: FakeImages

  afterEach(() => {
    jest.useRealTimers()
    t.destroy()
  })

  const mount = (titles = catalogue()) => {
    t = mountApp(Host)
    images = fakeImages(t.stage)
    t.component.home.bind(fakeContext(titles))
    t.step()
  }
  const shown = () => t.component.home.snapshot().rails.map((rail) => rail.tilesShown)

  it('draws the rail below only once the billboard and the posters on screen have loaded', () => {
    mount()
    expect(shown().slice(0, 2)).toEqual([true, false])
    const firstScreen = images.waiting()
    // The billboard and the focused rail's screenful, not the next rail's posters.
    expect(firstScreen.length).toBeLessThanOrEqual(10)
    for (const src of firstScreen) images.succeed(src, 400, 600)
    t.step(2)
    expect(shown().slice(0, 2)).toEqual([true, true])
    t.step(2)
    const below = images.waiting().filter((src) => !firstScreen.includes(src))
    expect(below.length).toBeGreaterThan(0)
  })

  it('draws it at the first key, without waiting for artwork', () => {
    mount()
    t.press('Down')
    expect(shown().slice(0, 3)).toEqual([true, true, true])
  })

  it('draws it after a while when artwork is slow or never comes', () => {
    jest.useFakeTimers()
    mount()
    expect(shown()[1]).toBe(false)
    jest.advanceTimersByTime(2500)
    expect(shown()[1]).toBe(true)
  })
})
