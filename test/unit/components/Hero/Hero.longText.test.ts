import { Lightning } from '@lightningjs/sdk'
import Hero, { HERO_INFO_BOTTOM, type HeroModel } from '../../../../src/components/Hero'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Hero: { type: Hero } }
  }

  get hero(): Hero {
    return this.tag('Hero') as Hero
  }
}

/**
 * jsdom's canvas measures every character 1 px wide, so a title wraps here only past 900
 * characters (the column's width); in a browser a feed's 120-character title does.
 */
const words = (count: number) => 'Lorem ipsum dolor sit amet '.repeat(count).trim()

const model = (id: string, title: string): HeroModel => ({
  id,
  brand: 'RTBF',
  title,
  meta: '2024  ·  1 h 35',
  synopsis: words(200),
  offer: 'Gratuit',
})

describe('Hero with a feed’s very long title and synopsis', () => {
  let t: MountedApp<Host>

  beforeEach(() => (t = mountApp(Host)))
  afterEach(() => t.destroy())

  const show = (m: HeroModel) => {
    t.component.hero.model = m
    t.step(2)
    return t.component.hero.layout
  }

  it('keeps the offer line above the rails under a two-line title', () => {
    const layout = show(model('long', words(100)))
    expect(layout.titleLines).toBe(2)
    expect(layout.synopsisLines).toBe(2)
    expect(layout.bottom).toBeLessThanOrEqual(HERO_INFO_BOTTOM)
  })

  it('gives the synopsis its three lines again when the next title takes one line', () => {
    show(model('long', words(100)))
    const layout = show(model('short', 'Rosetta'))
    expect(layout.titleLines).toBe(1)
    expect(layout.synopsisLines).toBe(3)
    expect(layout.bottom).toBeLessThanOrEqual(HERO_INFO_BOTTOM)
  })
})
