import { catalogueErrorHelp } from '../../../src/app/catalogueErrorHelp'

describe('the help line of the catalogue error', () => {
  it('asks to check the connection only when the connection failed', () => {
    expect(catalogueErrorHelp({ category: 'network' })).toBe('error.catalogue.help')
    expect(catalogueErrorHelp(undefined)).toBe('error.catalogue.help')
  })

  it("points at the operator when the feed arrived but cannot be read, or the app's set-up is wrong", () => {
    expect(catalogueErrorHelp({ category: 'format' })).toBe('error.catalogue.helpFormat')
    expect(catalogueErrorHelp({ category: 'item' })).toBe('error.catalogue.helpFormat')
    expect(catalogueErrorHelp({ category: 'config' })).toBe('error.catalogue.helpConfig')
  })
})
