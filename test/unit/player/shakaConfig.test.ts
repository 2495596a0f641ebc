import { defaultAppConfig } from '../../../src/config/defaults'
import { drmSetup, parseClearKeys } from '../../../src/player/drm'
import { shakaConfig } from '../../../src/player/shakaConfig'

const player = defaultAppConfig().player
const KID = '0123456789abcdef0123456789abcdef'
const KEY = 'fedcba9876543210fedcba9876543210'

describe('shakaConfig', () => {
  test('buffers, retries and ABR come from the player settings', () => {
    const { config } = shakaConfig({ ...player, bufferingGoal: 12, retryAttempts: 3 }, {})
    expect(config.streaming).toMatchObject({
      bufferingGoal: 12,
      rebufferingGoal: 2,
      bufferBehind: 10,
    })
    expect(config.streaming.retryParameters).toMatchObject({ maxAttempts: 3 })
    expect(config.manifest.retryParameters).toMatchObject({ maxAttempts: 3, timeout: 10_000 })
    expect(config.abr).toEqual({ enabled: true, defaultBandwidthEstimate: 2_000_000 })
  })

  test('a segment still arriving is not cut off after a request timeout; one that stops arriving is', () => {
    const { config } = shakaConfig({ ...player, requestTimeoutMs: 8000 }, {})
    expect(config.streaming.retryParameters).toMatchObject({
      timeout: 0,
      stallTimeout: 8000,
      connectionTimeout: 8000,
    })
    // Manifests and licences are small: their whole request is still capped.
    expect(config.manifest.retryParameters).toMatchObject({
      timeout: 8000,
      connectionTimeout: 8000,
    })
    expect(config.drm.retryParameters).toMatchObject({ timeout: 8000 })
  })

  test('CMCD on segment requests only when the operator turns it on (analytics.cmcd)', () => {
    expect(shakaConfig(player, {}).config.cmcd).toEqual({ enabled: false, useHeaders: false })
    expect(shakaConfig({ ...player, cmcd: true }, {}).config.cmcd).toEqual({
      enabled: true,
      useHeaders: false,
    })
  })

  test("an operator's Widevine and PlayReady servers and licence headers", () => {
    const setup = shakaConfig(
      {
        ...player,
        drm: {
          widevine: { licenseUrl: 'https://lic.example.be/wv', headers: 'X-Token: abc\nX-Box: 7' },
          playready: { licenseUrl: 'https://lic.example.be/pr', headers: '' },
          clearkey: { licenseUrl: '', headers: '' },
          clearKeys: '',
        },
      },
      {},
    )
    expect(setup.config.drm.servers).toEqual({
      'com.widevine.alpha': 'https://lic.example.be/wv',
      'com.microsoft.playready': 'https://lic.example.be/pr',
    })
    expect(setup.licenceHeaders).toEqual({
      'com.widevine.alpha': { 'X-Token': 'abc', 'X-Box': '7' },
    })
    expect(setup.problems).toEqual([])
  })

  test('ClearKey pairs for tests and demos', () => {
    const { config } = shakaConfig(
      { ...player, drm: { ...player.drm, clearKeys: `${KID}:${KEY.toUpperCase()}` } },
      {},
    )
    expect(config.drm.clearKeys).toEqual({ [KID]: KEY })
  })

  test('malformed DRM settings are reported, not half applied', () => {
    const problems: string[] = []
    expect(parseClearKeys('nothex:abc', problems)).toEqual({})
    expect(problems[0]).toContain('kidHex:keyHex')
    const setup = drmSetup({ ...player.drm, widevine: { licenseUrl: '', headers: 'no colon' } })
    expect(setup.problems[0]).toContain('player.drm.widevine.headers')
  })

  test("the household preference becomes Shaka's preferred languages", () => {
    const { config } = shakaConfig(player, { audio: 'nl', text: 'fr' })
    expect(config.preferredAudio).toEqual([{ language: 'nl', role: '' }])
    expect(config.preferredText).toEqual([{ language: 'fr' }])
  })
})

describe('drmSetup', () => {
  const drm = player.drm
  const server = { licenseUrl: 'https://lic.example.be/ck', headers: 'Authorization: Bearer t' }

  test('nothing configured: no servers, no headers, no keys, no problems', () => {
    expect(drmSetup(drm)).toEqual({
      config: { servers: {}, clearKeys: {} },
      headers: {},
      problems: [],
    })
  })

  test('a ClearKey licence server takes the same path as Widevine and PlayReady', () => {
    const setup = drmSetup({
      ...drm,
      clearkey: server,
      widevine: { licenseUrl: 'http://lic.example.be/wv', headers: '' },
    })
    expect(setup.config.servers).toEqual({
      'org.w3.clearkey': 'https://lic.example.be/ck',
      'com.widevine.alpha': 'http://lic.example.be/wv',
    })
    expect(setup.headers).toEqual({ 'org.w3.clearkey': { Authorization: 'Bearer t' } })
    expect(setup.config.clearKeys).toEqual({})
    expect(setup.problems).toEqual([])
  })

  test('headers without a licence server are kept (a server may come from the manifest)', () => {
    const setup = drmSetup({ ...drm, clearkey: { licenseUrl: '', headers: 'X-Operator-Token: 1' } })
    expect(setup.config.servers).toEqual({})
    expect(setup.headers).toEqual({ 'org.w3.clearkey': { 'X-Operator-Token': '1' } })
  })

  test('a licence URL that is not http(s) is a problem, not a server', () => {
    const setup = drmSetup({ ...drm, clearkey: { licenseUrl: 'lic.example.be/ck', headers: '' } })
    expect(setup.config.servers).toEqual({})
    expect(setup.problems).toEqual([
      'player.drm.clearkey.licenseUrl: "lic.example.be/ck" is not an http(s) URL',
    ])
  })

  test('malformed ClearKey headers name their setting', () => {
    const setup = drmSetup({ ...drm, clearkey: { ...server, headers: 'Bearer t' } })
    expect(setup.problems[0]).toContain('player.drm.clearkey.headers')
  })

  test('inline keys and a ClearKey server together are a problem (the keys would win)', () => {
    const setup = drmSetup({ ...drm, clearkey: server, clearKeys: `${KID}:${KEY}` })
    expect(setup.problems).toEqual([expect.stringMatching(/^player\.drm\.clearkey\.licenseUrl: /)])
  })
})
