import {
  accountTextures,
  textureGroup,
  type TextureSourceInfo,
} from '../../../src/app/textureAccount'

const source = (over: Partial<TextureSourceInfo>): TextureSourceInfo => ({
  kind: 'image',
  lookupId: null,
  pixels: 100,
  active: false,
  owners: [],
  ...over,
})

describe('texture accounting', () => {
  it('groups images by folder and decode size, the rest by kind', () => {
    expect(textureGroup({ kind: 'image', lookupId: 'static/posters/a.jpg#w300' })).toBe(
      'image static/posters/ #w300',
    )
    expect(textureGroup({ kind: 'image', lookupId: 'http://cdn/x/b.png?v=2' })).toBe(
      'image http://cdn/x/',
    )
    expect(textureGroup({ kind: 'image', lookupId: 'data:image/png;base64,AAAA/BBB' })).toBe(
      'image data:',
    )
    expect(textureGroup({ kind: 'text', lookupId: 'w 300 fs30 Hello/World' })).toBe('text')
  })

  it('tells drawn, held, idle and left-page textures apart', () => {
    const account = accountTextures([
      source({
        lookupId: 'p/a.jpg#w300',
        pixels: 300,
        active: true,
        owners: ['page'],
        holder: 'Tile.Image',
      }),
      source({ lookupId: 'p/b.jpg#w300', pixels: 300, owners: ['page'], holder: 'Hero.Backdrop' }),
      source({ lookupId: 'p/e.jpg#w300', pixels: 0, owners: ['page'], holder: 'Tile.Image' }),
      source({ lookupId: 'p/c.jpg#w300', pixels: 300 }),
      source({ lookupId: 'p/d.jpg#w300', pixels: 300, owners: ['left-page', 'page'] }),
      source({ kind: 'text', lookupId: 'fs30 Play', pixels: 50, active: true, owners: ['app'] }),
    ])
    expect(account).toMatchObject({ count: 6, pixels: 1250, idle: 1, idlePixels: 300, leftPage: 1 })
    expect(account.groups).toEqual([
      {
        group: 'image p/ #w300',
        count: 5,
        pixels: 1200,
        active: 1,
        held: 3,
        idle: 1,
        idlePixels: 300,
        leftPage: 1,
        holders: [
          { holder: 'Tile.Image', sources: 2 },
          { holder: 'Hero.Backdrop', sources: 1 },
        ],
      },
      {
        group: 'text',
        count: 1,
        pixels: 50,
        active: 1,
        held: 0,
        idle: 0,
        idlePixels: 0,
        leftPage: 0,
        holders: [],
      },
    ])
  })
})
