import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'

describe('Details: backdrop', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => t.destroy())

  it('decodes the wide image at two thirds of the screen and draws it over the whole screen', () => {
    t = mountApp(DetailsHost)
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
