import { Lightning } from '@lightningjs/sdk'
import { mountApp } from '../../harness/mountApp'
import { releaseStaleTexturesOnDeactivate } from '../../../src/app/textureRelease'

interface SourceCount {
  _activeTextureCount: number
}

/** A texture whose load the test completes by hand, as an image that arrives later. */
function manualTexture(stage: Lightning.Stage, id: string) {
  let finish: (() => void) | undefined
  const texture = new Lightning.Texture(stage)
  const overridable = texture as unknown as {
    _getLookupId: () => string
    _getSourceLoader: () => (cb: (error: unknown, options?: unknown) => void) => void
  }
  overridable._getLookupId = () => id
  overridable._getSourceLoader = () => (cb) => {
    finish = () => {
      const canvas = document.createElement('canvas')
      canvas.width = 4
      canvas.height = 4
      cb(null, { source: canvas, w: 4, h: 4 })
    }
  }
  return { texture, load: () => finish?.() }
}

class Host extends Lightning.Component {
  static override _template() {
    return { Image: { w: 4, h: 4 } }
  }
}

describe('releaseStaleTexturesOnDeactivate', () => {
  const scenario = () => {
    const t = mountApp(Host)
    const image = t.component.tag('Image')
    const first = manualTexture(t.stage, 'first')
    image.texture = first.texture
    first.load()
    t.step()
    expect(image.displayedTexture).toBe(first.texture)
    // A new image is asked for, and the element goes inactive (its screen hides) before it loads.
    const second = manualTexture(t.stage, 'second')
    image.texture = second.texture
    t.step()
    t.component.visible = false
    t.step()
    const firstSource = first.texture.source as unknown as SourceCount
    const used = firstSource._activeTextureCount
    t.destroy()
    return used
  }

  it('frees the image an element still drew when it went inactive', () => {
    releaseStaleTexturesOnDeactivate()
    expect(scenario()).toBe(0)
  })
})
