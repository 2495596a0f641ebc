import { diagnoseSettingsFile } from '../../../src/app/settingsDiagnosis'

/** A fake fetch answering with a status and a body, recording what was asked. */
function fakeFetch(status: number, body: string) {
  const calls: { url: string; init?: RequestInit }[] = []
  const fetchFn = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    return { ok: status >= 200 && status < 300, status, text: async () => body } as Response
  }) as typeof fetch
  return { fetchFn, calls }
}

/** What the SDK leaves in appSettings when settings.json did not parse. */
const SDK_ONLY = { id: 'be.belgica.tv', name: 'Belgica', version: '0.1.0' }

describe('diagnoseSettingsFile', () => {
  test('a settings file that is not JSON is a problem saying why', async () => {
    const { fetchFn, calls } = fakeFetch(200, '{ "appSettings": { "debug": true, } }')
    const problem = await diagnoseSettingsFile(SDK_ONLY, fetchFn)
    expect(problem).toEqual({
      path: 'settings.json',
      message: expect.stringMatching(/^is not valid JSON: .+/),
    })
    expect(calls).toEqual([{ url: './settings.json', init: { cache: 'no-store' } }])
  })

  test('a settings file that parses is no problem', async () => {
    const { fetchFn } = fakeFetch(200, '{ "appSettings": {} }')
    expect(await diagnoseSettingsFile({}, fetchFn)).toBeUndefined()
  })

  test('a missing settings file (404) is no problem: the defaults apply', async () => {
    const { fetchFn } = fakeFetch(404, '<html>Not found</html>')
    expect(await diagnoseSettingsFile(SDK_ONLY, fetchFn)).toBeUndefined()
  })

  test('a network failure is no problem either', async () => {
    const fetchFn = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch
    expect(await diagnoseSettingsFile(SDK_ONLY, fetchFn)).toBeUndefined()
  })

  test('appSettings with operator keys means the file parsed: no fetch at all', async () => {
    const { fetchFn, calls } = fakeFetch(200, 'not json')
    expect(await diagnoseSettingsFile({ ...SDK_ONLY, brand: { name: 'X' } }, fetchFn)).toBe(
      undefined,
    )
    expect(calls).toEqual([])
  })
})
