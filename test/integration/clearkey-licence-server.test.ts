import {
  startClearKeyLicenceServer,
  type ClearKeyLicenceServer,
} from '../harness/clearKeyLicenceServer'

const KID = '00112233445566778899aabbccddeeff'
const KEY = '0f1e2d3c4b5a69788796a5b4c3d2e1f0'
const OTHER_KID = 'ffeeddccbbaa99887766554433221100'
const b64url = (hex: string) => Buffer.from(hex, 'hex').toString('base64url')
const HEADER = { name: 'X-Operator-Token', value: 'secret' }

describe('ClearKey licence server (test harness)', () => {
  let licences: ClearKeyLicenceServer
  const ask = (kids: string[], headers: Record<string, string> = { [HEADER.name]: HEADER.value }) =>
    fetch(licences.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1', ...headers },
      body: JSON.stringify({ kids: kids.map(b64url), type: 'temporary' }),
    })

  beforeEach(async () => {
    licences = await startClearKeyLicenceServer({ keys: { [KID]: KEY }, header: HEADER })
  })
  afterEach(() => licences.stop())

  test('answers a W3C ClearKey request with the JWK set of the keys it knows', async () => {
    const response = await ask([KID, OTHER_KID])
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(await response.json()).toEqual({
      keys: [{ kty: 'oct', kid: b64url(KID), k: b64url(KEY) }],
      type: 'temporary',
    })
    expect(licences.requests).toEqual([
      expect.objectContaining({ kids: [KID, OTHER_KID], status: 200 }),
    ])
    expect(licences.requests[0]!.headers['x-operator-token']).toBe('secret')
  })

  test('without the operator header, or with a wrong one, the answer is 403', async () => {
    expect((await ask([KID], {})).status).toBe(403)
    expect((await ask([KID], { [HEADER.name]: 'guess' })).status).toBe(403)
  })

  test('allows the custom header from another origin (CORS preflight)', async () => {
    const response = await fetch(licences.url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:1',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-operator-token',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-operator-token',
    )
  })

  test('can be told to refuse (403) or fail (500)', async () => {
    licences.mode = 'refuse'
    expect((await ask([KID])).status).toBe(403)
    licences.mode = 'fail'
    expect((await ask([KID])).status).toBe(500)
    expect(licences.requests.map((r) => r.status)).toEqual([403, 500])
  })

  test('a hung request stays unanswered until the server stops', async () => {
    licences.mode = 'hang'
    const pending = ask([KID]).then(
      () => 'answered',
      () => 'cut',
    )
    const early = await Promise.race([
      pending,
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ])
    expect(early).toBe('still waiting')
    await licences.stop()
    expect(await pending).toBe('cut')
    expect(licences.requests.map((r) => r.status)).toEqual([0])
  })

  test('stopped, the port refuses connections; started again, it answers on the same URL', async () => {
    const url = licences.url
    await licences.stop()
    await expect(ask([KID])).rejects.toThrow()
    await licences.start()
    expect(licences.url).toBe(url)
    expect((await ask([KID])).status).toBe(200)
  })

  test('a request that is not a ClearKey licence request is a 400', async () => {
    const response = await fetch(licences.url, {
      method: 'POST',
      headers: { [HEADER.name]: HEADER.value },
      body: 'not json',
    })
    expect(response.status).toBe(400)
  })
})
