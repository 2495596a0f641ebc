import { isSvg, measureImage } from '../../../src/brand/logo'

/** An engine's Image that "decodes" the sizes given per URL, or fails for the others. */
function fakeHost(sizes: Record<string, [number, number]>) {
  class FakeImage {
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    naturalWidth = 0
    naturalHeight = 0
    set src(url: string) {
      const size = sizes[url]
      setTimeout(() => {
        if (!size) return this.onerror?.()
        ;[this.naturalWidth, this.naturalHeight] = size
        this.onload?.()
      })
    }
  }
  return { Image: FakeImage }
}

describe('an SVG logo is drawn at its own size', () => {
  test('the width and height the file declares', async () => {
    await expect(measureImage('logo.svg', fakeHost({ 'logo.svg': [280, 64] }))).resolves.toEqual({
      w: 280,
      h: 64,
    })
  })

  test('a file that does not load, or has no size, is refused (the name shows instead)', async () => {
    const host = fakeHost({ 'empty.svg': [0, 0] })
    await expect(measureImage('missing.svg', host)).rejects.toThrow('did not load')
    await expect(measureImage('empty.svg', host)).rejects.toThrow('has no size')
    await expect(measureImage('x.svg', {})).rejects.toThrow('no Image')
  })

  test('only .svg takes that path; a PNG is an ordinary image', () => {
    expect(isSvg('brand/meuse-tv.SVG')).toBe(true)
    expect(isSvg('brand/logo.png')).toBe(false)
  })
})
