import { Lightning } from '@lightningjs/sdk'
import Details from '../../../../src/screens/Details'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Details: { type: Details } }
  }

  get details(): Details {
    return this.tag('Details') as Details
  }
}

describe('Details: backdrop', () => {
  let t: MountedApp<Host>

  afterEach(() => t.destroy())

  it('decodes the wide image at two thirds of the screen and draws it over the whole screen', () => {
    t = mountApp(Host)
    t.component.details.bind(fakeContext())
    t.component.details.show(fixtureCatalogue().title('rosetta')!)
    t.step()
    const texture = t.component.details.tag('Backdrop').texture as unknown as {
      src: string
      decode: unknown
      resizeMode: unknown
    }
    expect(texture.src).toMatch(/backdrops\/rosetta/)
    expect(texture.decode).toEqual({ resizeWidth: 1280 })
    expect(texture.resizeMode).toMatchObject({ type: 'cover', w: 1920, h: 1080 })
  })
})
