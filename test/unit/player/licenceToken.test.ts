import { LicenceToken } from '../../../src/player/licenceToken'

function auth(...tokens: string[]) {
  let i = 0
  return {
    getDeviceToken: jest.fn(async () => ({ token: tokens[i]! })),
    refresh: jest.fn(async () => ({ token: tokens[++i]! })),
  }
}

describe('LicenceToken', () => {
  test('adds the token as a bearer token', async () => {
    const licence = new LicenceToken(auth('t1'), 'Authorization')
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' }
    await licence.addTo(headers)
    expect(headers).toEqual({
      'Content-Type': 'application/octet-stream',
      Authorization: 'Bearer t1',
    })
  })

  test('a first 401 refreshes once and the retry carries the new token', async () => {
    const device = auth('t1', 't2')
    const licence = new LicenceToken(device, 'Authorization')
    expect(licence.unauthorized()).toBe(true)
    const headers: Record<string, string> = {}
    await licence.addTo(headers)
    expect(headers.Authorization).toBe('Bearer t2')
    expect(device.refresh).toHaveBeenCalledTimes(1)
  })

  test('a second 401 is refused and says the box is not recognised', () => {
    const device = auth('t1', 't2', 't3')
    const licence = new LicenceToken(device, 'X-Box-Token')
    expect(licence.unauthorized()).toBe(true)
    expect(licence.unauthorized()).toBe(false)
    expect(licence.notRecognised).toBe(true)
    expect(device.refresh).toHaveBeenCalledTimes(1)
  })

  test('a licence that arrives allows one refresh again', () => {
    const device = auth('t1', 't2', 't3')
    const licence = new LicenceToken(device, 'Authorization')
    licence.unauthorized()
    licence.licenceReceived()
    expect(licence.unauthorized()).toBe(true)
    expect(licence.notRecognised).toBe(false)
    expect(device.refresh).toHaveBeenCalledTimes(2)
  })
})
