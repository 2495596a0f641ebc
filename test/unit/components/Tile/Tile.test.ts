import { Lightning } from '@lightningjs/sdk'
import Rail from '../../../../src/components/Rail'
import Tile, { TILE, type TileLook, type TileModel } from '../../../../src/components/Tile'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { fakeImages, type FakeImages } from '../fakeImages'

/** Hosts one tile, focused, and counts the artwork reports the app would receive. */
class Host extends Lightning.Component {
  reports: string[] = []

  static override _template() {
    return { Tile: { type: Tile } }
  }

  get tile(): Tile {
    return this.tag('Tile') as Tile
  }

  override _getFocused() {
    return this.tag('Tile')
  }

  $artworkLoaded(kind: string) {
    this.reports.push(`loaded:${kind}`)
  }

  $artworkFailed(kind: string) {
    this.reports.push(`failed:${kind}`)
  }
}

const model = (id: string, artwork?: TileModel['artwork']): TileModel => ({
  id,
  title: `Title of ${id}, long enough to need more than one line`,
  artwork,
  kind: 'Film',
  badge: { label: 'Gratuit', offerType: 'free' },
  isSeries: false,
})

describe('Tile artwork', () => {
  let t: MountedApp<Host>
  let images: FakeImages

  beforeEach(() => {
    t = mountApp(Host)
    images = fakeImages(t.stage)
  })

  afterEach(() => t.destroy())

  const tile = () => t.component.tile
  const image = () => tile().tag('Poster.Image')
  const cardTitle = () => tile().tag('Poster.CardTitle')
  const show = (m: TileModel) => {
    tile().model = m
    t.step()
  }

  /** The part of the source image that is drawn, as width / height (0 means uncropped). */
  const drawnRatio = () => {
    const texture = image().texture!
    const source = texture.source!
    return (texture.pw || source.getRenderWidth()) / (texture.ph || source.getRenderHeight())
  }
  /** One frame takes in the answered image, the next runs the fade-in to its end. */
  const settle = () => t.step(2)

  it('draws a portrait poster over the whole tile, without card text', () => {
    show(model('poster', { src: 'poster.jpg', shape: 'portrait' }))
    images.succeed('poster.jpg', 400, 600)
    settle()
    expect(tile().artworkState).toEqual({ mode: 'image', shape: 'portrait' })
    expect([image().w, image().h]).toEqual([TILE.w, TILE.h])
    expect(image().alpha).toBe(1)
    expect(cardTitle().visible).toBe(false)
    expect(t.component.reports).toEqual(['loaded:poster'])
  })

  it('stops drawing the card under an opaque poster once it is shown, and draws it for the next', () => {
    const card = () => tile().tag('Poster')
    show(model('poster', { src: 'poster.jpg', shape: 'portrait' }))
    images.succeed('poster.jpg', 400, 600)
    // Loaded, not shown yet: the fade-in starts from the card.
    expect(image().alpha).toBeLessThan(1)
    expect(card().texture).not.toBeNull()
    settle()
    expect(image().alpha).toBe(1)
    expect(card().texture).toBeNull()
    show(model('next', { src: 'next.jpg', shape: 'portrait' }))
    expect(card().texture).not.toBeNull()
    images.fail('next.jpg')
    settle()
    expect(card().texture).not.toBeNull()
  })

  it('listens for the end of its fade once for its life, however many posters it shows', () => {
    for (let i = 0; i < 5; i++) {
      show(model(`p${i}`, { src: `p${i}.jpg`, shape: 'portrait' }))
      images.succeed(`p${i}.jpg`, 400, 600)
      settle()
    }
    expect(tile().tag('Poster').texture).toBeNull()
    expect(image().transition('alpha').listenerCount('finish')).toBe(1)
  })

  it('keeps the card under a wide image, which covers only its top', () => {
    show(model('wide', { src: 'wide.jpg', shape: 'landscape' }))
    images.succeed('wide.jpg', 1280, 720)
    settle()
    expect(image().alpha).toBe(1)
    expect(tile().tag('Poster').texture).not.toBeNull()
  })

  it('frames a 16:9 image across the top of the card, cropped to its box, title below', () => {
    show(model('wide', { src: 'wide.jpg', shape: 'landscape' }))
    expect(image().texture?.resizeMode).toMatchObject({ type: 'cover', w: TILE.w, h: 113 })
    images.succeed('wide.jpg', 1280, 720)
    settle()
    expect([image().w, image().h]).toEqual([TILE.w, 113])
    // What is drawn keeps the box's proportions: the image is cropped, never stretched.
    expect(drawnRatio()).toBeCloseTo(TILE.w / 113, 2)
    expect(cardTitle().visible).toBe(true)
    expect(cardTitle().y).toBeGreaterThanOrEqual(113)
    expect(cardTitle().text?.text).toBe(tile().model?.title)
    // A word wider than the card is broken inside it (seen with real feeds' long titles).
    expect(cardTitle().text?.wordBreak).toBe(true)
    expect(tile().tag('Title').text?.wordBreak).toBe(true)
    // Only the top corners are rounded: the card continues below the image.
    const radius = (image().shader as unknown as { radius: number[] }).radius
    expect(radius).toEqual([TILE.radius, TILE.radius, 0, 0])
  })

  it('reframes an image the catalogue called a poster when it turns out to be wide', () => {
    show(model('mislabelled', { src: 'thumb.jpg', shape: 'portrait' }))
    images.succeed('thumb.jpg', 1280, 720)
    settle()
    expect(tile().artworkState).toEqual({ mode: 'image', shape: 'landscape' })
    expect([image().w, image().h]).toEqual([TILE.w, 113])
    expect(drawnRatio()).toBeCloseTo(TILE.w / 113, 2)
    expect(cardTitle().visible).toBe(true)
  })

  it('crops a wide image asked for as a poster box instead of squeezing it', () => {
    show(model('square', { src: 'square.jpg', shape: 'portrait' }))
    images.succeed('square.jpg', 600, 600)
    settle()
    expect([image().w, image().h]).toEqual([TILE.w, TILE.h])
    expect(drawnRatio()).toBeCloseTo(TILE.w / TILE.h, 2)
  })

  it('switches to the generated card with the title when the image fails', () => {
    show(model('broken', { src: 'missing.jpg', shape: 'portrait' }))
    images.fail('missing.jpg')
    settle()
    expect(tile().artworkState).toEqual({ mode: 'card' })
    expect(cardTitle().visible).toBe(true)
    expect(cardTitle().text?.text).toBe('Title of broken, long enough to need more than one line')
    expect(tile().tag('Poster.Kind').text?.text).toBe('FILM')
    expect(image().texture).toBeNull()
    // Counted as settled, not as a loaded image, and asked for once: no retry.
    expect(t.component.reports).toEqual(['failed:poster'])
    t.step(5)
    expect(images.requested).toEqual(['missing.jpg'])
  })

  it('draws the card at once when there is no image, and reports it once attached', () => {
    show(model('bare'))
    expect(tile().artworkState).toEqual({ mode: 'card' })
    expect(cardTitle().visible).toBe(true)
    expect(images.requested).toEqual([])

    const detached = t.stage.c({ type: Tile }) as unknown as Tile
    detached.model = model('later')
    expect(t.component.reports).toEqual(['failed:poster'])
    t.component.childList.add(detached)
    t.step()
    expect(t.component.reports).toEqual(['failed:poster', 'failed:poster'])
  })

  it('colours the card from the title id, the same for the same id', () => {
    show(model('alpha'))
    const colour = tile().tag('Poster').colorUl
    show(model('beta'))
    show(model('alpha'))
    expect(tile().tag('Poster').colorUl).toBe(colour)
  })

  it('leaves the card when given a new model with a good image, ignoring the old failure', () => {
    show(model('first', { src: 'dead.jpg', shape: 'portrait' }))
    images.fail('dead.jpg')
    settle()
    expect(tile().artworkState.mode).toBe('card')

    show(model('second', { src: 'second.jpg', shape: 'portrait' }))
    expect(tile().artworkState).toEqual({ mode: 'loading', shape: 'portrait' })
    expect(cardTitle().visible).toBe(false)
    images.succeed('second.jpg', 400, 600)
    settle()
    expect(tile().artworkState).toEqual({ mode: 'image', shape: 'portrait' })
    expect(image().alpha).toBe(1)
    expect(t.component.reports).toEqual(['failed:poster', 'loaded:poster'])
  })

  it('drops the previous request when a new model arrives before its image', () => {
    show(model('old', { src: 'slow.jpg', shape: 'portrait' }))
    show(model('new', { src: 'fast.jpg', shape: 'portrait' }))
    expect(images.waiting()).toEqual(['fast.jpg'])
    images.succeed('fast.jpg', 400, 600)
    settle()
    expect(tile().artworkState).toEqual({ mode: 'image', shape: 'portrait' })
    expect(cardTitle().visible).toBe(false)
  })

  it('keeps its focus scale and badge in every artwork state', () => {
    show(model('focused', { src: 'gone.jpg', shape: 'landscape' }))
    images.fail('gone.jpg')
    settle()
    expect(t.focused()).toBe(tile())
    expect(tile().scale).toBeCloseTo(1.08)
    expect(tile().tag('Badge').visible).toBe(true)
  })
})

/** Hosts a rail of real tiles, focused, as a screen would. */
class RailHost extends Lightning.Component {
  static override _template() {
    return { Rail: { type: Rail } }
  }

  get rail(): Rail<TileModel> {
    return this.tag('Rail') as Rail<TileModel>
  }

  override _getFocused() {
    return this.tag('Rail')
  }
}

describe('Tile recycled by a Rail', () => {
  it('a tile that fell back leaves the card when the rail gives it a new model', () => {
    const t = mountApp(RailHost)
    try {
      const images = fakeImages(t.stage)
      const rail = t.component.rail
      rail.geometry = { x: 96, tileWidth: TILE.w, tileHeight: TILE.h, gap: 26, viewportWidth: 1920 }
      rail.tileType = Tile
      rail.models = [
        model('a', { src: 'a.jpg', shape: 'portrait' }),
        model('b', { src: 'b.jpg', shape: 'portrait' }),
      ]
      t.step()
      images.fail('a.jpg')
      t.step(2)
      const first = t.focused() as Tile
      expect(first.artworkState.mode).toBe('card')

      rail.models = [
        model('c', { src: 'c.jpg', shape: 'portrait' }),
        model('b', { src: 'b.jpg', shape: 'portrait' }),
      ]
      t.step()
      expect(t.focused()).toBe(first)
      images.succeed('c.jpg', 400, 600)
      t.step(2)
      expect(first.model?.id).toBe('c')
      expect(first.artworkState).toEqual({ mode: 'image', shape: 'portrait' })
      expect(first.tag('Poster.CardTitle').visible).toBe(false)
    } finally {
      t.destroy()
    }
  })
})

describe('Tile look on a weak box', () => {
  const mountRail = (settings: Record<string, unknown>) => {
    const t = mountApp(RailHost)
    fakeImages(t.stage)
    const rail = t.component.rail
    rail.geometry = { x: 96, tileWidth: TILE.w, tileHeight: TILE.h, gap: 26, viewportWidth: 1920 }
    rail.tileType = Tile
    rail.tileSettings = settings
    rail.models = ['a', 'b', 'c'].map((id) => model(id, { src: `${id}.jpg`, shape: 'portrait' }))
    t.step()
    return t
  }

  const tiles = (t: MountedApp<RailHost>) =>
    t.component.rail.tag('Items').children as unknown as Tile[]

  it('asks for posters decoded at their drawn size, with room for the focus zoom', () => {
    const t = mountRail({})
    try {
      const texture = tiles(t)[0]!.tag('Poster.Image').texture as unknown as { decode: unknown }
      expect(texture.decode).toEqual({ resizeHeight: 324 })
    } finally {
      t.destroy()
    }
  })

  it('in lite mode decodes posters smaller and captions only the focused tile', () => {
    const t = mountRail({ look: { posterScale: 0.75, captions: 'focused', fadeIn: true } })
    try {
      const [focused, other] = tiles(t)
      const texture = focused!.tag('Poster.Image').texture as unknown as { decode: unknown }
      expect(texture.decode).toEqual({ resizeHeight: 243 })
      expect(focused!.tag('Title').visible).toBe(true)
      expect(other!.tag('Title').visible).toBe(false)
      t.press('Right')
      expect(focused!.tag('Title').visible).toBe(false)
      expect(other!.tag('Title').visible).toBe(true)
    } finally {
      t.destroy()
    }
  })

  it('takes a caption rule given after the tiles were made', () => {
    const t = mountRail({})
    try {
      t.component.rail.tileSettings = {
        look: { posterScale: 1, captions: 'focused', fadeIn: true },
      }
      const [focused, other] = tiles(t)
      expect(focused!.tag('Title').visible).toBe(true)
      expect(other!.tag('Title').visible).toBe(false)
    } finally {
      t.destroy()
    }
  })

  it('turning fades on (home’s first key, for every tile it holds) redraws nothing', () => {
    const t = mountRail({ look: { posterScale: 1, captions: 'all', fadeIn: false } })
    try {
      const frames = tiles(t).map((tile) => jest.spyOn(tile.tag('Frame'), 'setSmooth'))
      t.component.rail.tileSettings = { look: { posterScale: 1, captions: 'all', fadeIn: true } }
      frames.forEach((frame) => expect(frame).not.toHaveBeenCalled())
    } finally {
      t.destroy()
    }
  })

  it('captions every tile otherwise', () => {
    const t = mountRail({})
    try {
      expect(tiles(t).every((tile) => tile.tag('Title').visible)).toBe(true)
    } finally {
      t.destroy()
    }
  })
})

describe('Tile poster fade', () => {
  /** A rail of two tiles stepped 16 ms a frame, so a fade shows between frames. */
  const mountRail = (look: TileLook) => {
    const t = mountApp(RailHost, { frameMs: 16 })
    const images = fakeImages(t.stage)
    const rail = t.component.rail
    rail.geometry = { x: 96, tileWidth: TILE.w, tileHeight: TILE.h, gap: 26, viewportWidth: 1920 }
    rail.tileType = Tile
    rail.tileSettings = { look }
    rail.models = ['a', 'b'].map((id) => model(id, { src: `${id}.jpg`, shape: 'portrait' }))
    t.step()
    const image = (i: number) =>
      (t.component.rail.tag('Items').children[i] as unknown as Tile).tag('Poster.Image')
    return { t, images, rail, image }
  }
  const look = (fadeIn: boolean): TileLook => ({ posterScale: 1, captions: 'all', fadeIn })

  it('shows a poster at once when its look says so (home before the first move)', () => {
    const { t, images, image } = mountRail(look(false))
    try {
      images.succeed('a.jpg', 400, 600)
      t.step(2)
      expect(image(0).alpha).toBe(1)
    } finally {
      t.destroy()
    }
  })

  it('fades it in otherwise, also on tiles made before the look changed', () => {
    const { t, images, rail, image } = mountRail(look(false))
    try {
      rail.tileSettings = { look: look(true) }
      images.succeed('b.jpg', 400, 600)
      t.step(2)
      expect(image(1).alpha).toBeGreaterThan(0.001)
      expect(image(1).alpha).toBeLessThan(1)
    } finally {
      t.destroy()
    }
  })
})
