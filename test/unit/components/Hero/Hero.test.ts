import { Lightning } from '@lightningjs/sdk'
import Hero, { type HeroModel } from '../../../../src/components/Hero'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { fakeImages, type FakeImages } from '../fakeImages'

class Host extends Lightning.Component {
  reports: string[] = []

  static override _template() {
    return { Hero: { type: Hero } }
  }

  get hero(): Hero {
    return this.tag('Hero') as Hero
  }

  $artworkLoaded(kind: string) {
    this.reports.push(`loaded:${kind}`)
  }

  $artworkFailed(kind: string) {
    this.reports.push(`failed:${kind}`)
  }
}

const model = (id: string, artwork?: HeroModel['artwork']): HeroModel => ({
  id,
  artwork,
  brand: 'RTBF',
  title: `Title of ${id}`,
  meta: '2024',
  synopsis: 'A synopsis.',
  offer: 'Free',
})

describe('Hero artwork', () => {
  let t: MountedApp<Host>
  let images: FakeImages

  beforeEach(() => {
    t = mountApp(Host)
    images = fakeImages(t.stage)
  })

  afterEach(() => t.destroy())

  const hero = () => t.component.hero
  const alpha = (ref: string) => hero().tag(ref).alpha
  const show = (m: HeroModel) => {
    hero().model = m
    t.step()
  }
  const settle = () => t.step(2)

  it('shows a wide backdrop cropped to the billboard, over no gradient', () => {
    show(model('wide', { src: 'wide.jpg', shape: 'landscape' }))
    expect(hero().tag('Backdrop').texture?.resizeMode).toMatchObject({
      type: 'cover',
      w: 1440,
      h: 810,
    })
    // Decoded smaller than drawn: a billboard change uploads about half the texels.
    expect((hero().tag('Backdrop').texture as unknown as { decode: unknown }).decode).toEqual({
      resizeWidth: 960,
    })
    images.succeed('wide.jpg', 1280, 720)
    settle()
    expect(alpha('Backdrop')).toBe(1)
    expect(alpha('Fallback')).toBe(0)
    expect(t.component.reports).toEqual(['loaded:backdrop'])
  })

  it('draws the title gradient when there is no image, and counts it as settled', () => {
    show(model('bare'))
    settle()
    expect(alpha('Fallback')).toBe(1)
    expect(alpha('Backdrop')).toBeLessThan(0.01)
    expect(images.requested).toEqual([])
    expect(t.component.reports).toEqual(['failed:backdrop'])
  })

  it('falls back to the gradient when the backdrop fails, without asking again', () => {
    show(model('broken', { src: 'missing.jpg', shape: 'landscape' }))
    expect(alpha('Fallback')).toBe(0)
    images.fail('missing.jpg')
    settle()
    expect(hero().artworkState).toEqual({ mode: 'card' })
    expect(alpha('Fallback')).toBe(1)
    expect(hero().tag('Backdrop').texture).toBeNull()
    expect(t.component.reports).toEqual(['failed:backdrop'])
    t.step(3)
    expect(images.requested).toEqual(['missing.jpg'])
  })

  it('shows a poster alone as key art over the gradient, never stretched to 16:9', () => {
    show(model('poster', { src: 'poster.jpg', shape: 'portrait' }))
    expect(hero().tag('Backdrop').texture).toBeNull()
    images.succeed('poster.jpg', 400, 600)
    settle()
    expect(alpha('KeyArt')).toBe(1)
    expect(alpha('Fallback')).toBe(1)
    expect(alpha('Backdrop')).toBeLessThan(0.01)
  })

  it('a new title after a failure shows its own image, not the previous gradient', () => {
    show(model('first', { src: 'dead.jpg', shape: 'landscape' }))
    images.fail('dead.jpg')
    settle()
    show(model('second', { src: 'second.jpg', shape: 'landscape' }))
    expect(alpha('Fallback')).toBe(0)
    images.succeed('second.jpg', 1280, 720)
    settle()
    expect(alpha('Backdrop')).toBe(1)
    expect(hero().tag('Info.Title').text?.text).toBe('Title of second')
  })

  it('in lite mode asks for no image: the title gradient at once, settled for the home mark', () => {
    hero().lite = true
    show(model('weak-box', { src: 'wide.jpg', shape: 'landscape' }))
    settle()
    expect(images.requested).toEqual([])
    expect(alpha('Fallback')).toBe(1)
    expect(hero().tag('Backdrop').texture).toBeNull()
    expect(t.component.reports).toEqual(['failed:backdrop'])
    expect(hero().tag('Info.Title').text?.text).toBe('Title of weak-box')
  })
})

describe('Hero backdrop fade', () => {
  /** Stepped 16 ms a frame, so a fade shows between frames. */
  const backdropAlphaAfterLoad = (fadeIn: boolean | undefined): number => {
    const t = mountApp(Host, { frameMs: 16 })
    try {
      const images = fakeImages(t.stage)
      if (fadeIn !== undefined) t.component.hero.fadeIn = fadeIn
      t.component.hero.model = model('wide', { src: 'wide.jpg', shape: 'landscape' })
      t.step()
      images.succeed('wide.jpg', 1280, 720)
      t.step(2)
      return t.component.hero.tag('Backdrop').alpha
    } finally {
      t.destroy()
    }
  }

  it('fades the backdrop in by default', () => {
    const alpha = backdropAlphaAfterLoad(undefined)
    expect(alpha).toBeGreaterThan(0.001)
    expect(alpha).toBeLessThan(1)
  })

  it("shows it at once when told not to fade (home's first screen)", () => {
    expect(backdropAlphaAfterLoad(false)).toBe(1)
  })
})
