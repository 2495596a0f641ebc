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

  it('says a busy service will answer later, and sends a box the operator refused to the operator', () => {
    expect(catalogueErrorHelp({ category: 'network', status: 429 })).toBe(
      'error.catalogue.helpBusy',
    )
    expect(catalogueErrorHelp({ category: 'network', status: 503 })).toBe(
      'error.catalogue.helpBusy',
    )
    expect(catalogueErrorHelp({ category: 'network', status: 401 })).toBe(
      'error.catalogue.helpDevice',
    )
  })

  it('says the service failed, not the connection, when it answered with an error', () => {
    for (const status of [500, 502, 504, 404]) {
      expect(catalogueErrorHelp({ category: 'network', status })).toBe('error.catalogue.helpServer')
    }
  })
})
