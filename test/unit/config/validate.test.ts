import { defaultAppConfig } from '../../../src/config/defaults'
import { validateAppSettings, type ConfigResult } from '../../../src/config/validate'

/** Settings read as meant, or moved from an old key, are warned about: muted, and checked here. */
let warn: jest.SpyInstance
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => warn.mockRestore())

const problemsOf = (result: ConfigResult) => (result.ok ? [] : result.problems)
const problemAt = (result: ConfigResult, path: string) =>
  problemsOf(result).find((problem) => problem.path === path)

describe('validateAppSettings', () => {
  describe('valid settings', () => {
    test('an empty appSettings gives the defaults', () => {
      const result = validateAppSettings({})
      expect(result).toEqual({ ok: true, config: defaultAppConfig() })
    })

    test('given values are merged over the defaults, untouched siblings keep their default', () => {
      const result = validateAppSettings({
        brand: { name: 'Telenet' },
        input: { longPressMs: 900 },
        player: { preferredFormat: 'hls' },
      })
      expect(result.ok).toBe(true)
      expect(result.config.brand).toEqual({ ...defaultAppConfig().brand, name: 'Telenet' })
      expect(result.config.input).toEqual({
        repeatIntervalMs: 110,
        longPressMs: 900,
      })
      expect(result.config.player.preferredFormat).toBe('hls')
      expect(result.config.player.bufferingGoal).toBe(20)
    })

    test('keys injected by the SDK from metadata.json are accepted and not merged', () => {
      const result = validateAppSettings({
        id: 'be.belgica.tv',
        name: 'Belgica',
        version: '0.1.0',
        icon: './static/icon.png',
        safeId: 'be_belgica_tv',
        identifier: 'be.belgica.tv',
      })
      expect(result.ok).toBe(true)
      expect(result.config).toEqual(defaultAppConfig())
      expect(result.config).not.toHaveProperty('id')
    })

    test('"$schema" (an editor pointing at the published JSON Schema) is accepted', () => {
      const result = validateAppSettings({ $schema: './docs/settings-api/settings.schema.json' })
      expect(result).toEqual({ ok: true, config: defaultAppConfig() })
    })

    test('open maps (stage, keys) accept any entry', () => {
      const result = validateAppSettings({
        stage: { w: 1280, h: 720, precision: 2 / 3 },
        keys: { '461': 'Back', '10009': 'Back' },
      })
      expect(result.ok).toBe(true)
      expect(result.config.stage).toEqual({
        w: 1280,
        h: 720,
        precision: 2 / 3,
      })
      expect(result.config.keys).toEqual({ '461': 'Back', '10009': 'Back' })
    })

    test('a language list may be replaced as a whole', () => {
      const result = validateAppSettings({
        language: {
          default: 'nl',
          available: ['nl', 'fr'],
          contentFallback: ['nl', 'en'],
        },
      })
      expect(result.ok).toBe(true)
      expect(result.config.language).toEqual({
        default: 'nl',
        available: ['nl', 'fr'],
        contentFallback: ['nl', 'en'],
      })
    })

    test('validation does not change the shared defaults object', () => {
      const before = JSON.stringify(defaultAppConfig())
      validateAppSettings({
        brand: { name: 'X' },
        keys: { '1': 'Back' },
        stage: { w: 1 },
      })
      expect(JSON.stringify(defaultAppConfig())).toBe(before)
    })
  })

  describe('unknown keys', () => {
    test('a top-level typo is reported with its path and the key it resembles', () => {
      const result = validateAppSettings({ catalog: { backend: 'embedded' } })
      expect(result.ok).toBe(false)
      expect(problemsOf(result)).toEqual([
        {
          path: 'appSettings.catalog',
          message: 'unknown setting (did you mean "catalogue"?)',
        },
      ])
    })

    test('a nested typo is reported with the dotted path', () => {
      const result = validateAppSettings({ catalogue: { backnd: 'http' } })
      expect(problemAt(result, 'appSettings.catalogue.backnd')?.message).toBe(
        'unknown setting (did you mean "backend"?)',
      )
    })

    test('a suggestion ignores case', () => {
      const result = validateAppSettings({ player: { BufferingGoal: 30 } })
      expect(problemAt(result, 'appSettings.player.BufferingGoal')?.message).toContain(
        '"bufferingGoal"',
      )
    })

    test('a key unlike any known one gets no suggestion', () => {
      const result = validateAppSettings({ telemetry: true })
      expect(problemAt(result, 'appSettings.telemetry')?.message).toBe('unknown setting')
    })

    test('keys named like Object.prototype members are unknown settings too', () => {
      const result = validateAppSettings(
        JSON.parse('{"constructor": 1, "toString": "x", "brand": {"__proto__": {}}}'),
      )
      expect(problemAt(result, 'appSettings.constructor')?.message).toMatch(/^unknown setting/)
      expect(problemAt(result, 'appSettings.toString')?.message).toMatch(/^unknown setting/)
      expect(problemAt(result, 'appSettings.brand.__proto__')?.message).toMatch(/^unknown setting/)
    })

    test('every problem is reported, not only the first', () => {
      const result = validateAppSettings({
        debugg: true,
        brand: { colour: 'red' },
        platfrom: 'x',
      })
      expect(problemsOf(result).map((problem) => problem.path)).toEqual([
        'appSettings.debugg',
        'appSettings.brand.colour',
        'appSettings.platfrom',
      ])
    })
  })

  describe('wrong types', () => {
    test.each([
      ['debug', 'yes', 'expected a boolean, got a string'],
      ['input', 5, 'expected an object, got a number'],
      ['brand', ['Belgica'], 'expected an object, got a list'],
      ['stage', null, 'expected an object, got null'],
      ['keys', 'Back', 'expected an object, got a string'],
    ])('appSettings.%s = %j is rejected: %s', (key, value, message) => {
      const result = validateAppSettings({ [key]: value })
      expect(problemsOf(result)).toEqual([{ path: `appSettings.${key}`, message }])
    })

    test('a number given as text is read as the number, with a note', () => {
      const given = { input: { repeatIntervalMs: ' 150 ' } }
      const result = validateAppSettings(given)
      expect(result.ok).toBe(true)
      expect(result.config.input.repeatIntervalMs).toBe(150)
      expect(result.notes).toEqual(['appSettings.input.repeatIntervalMs: " 150 " read as 150'])
      expect(warn).toHaveBeenCalledWith(
        '[settings] appSettings.input.repeatIntervalMs: " 150 " read as 150',
      )
      expect(given.input.repeatIntervalMs).toBe(' 150 ')
    })

    test('text that is not one number stays a problem and the default is kept', () => {
      const result = validateAppSettings({ input: { repeatIntervalMs: '110 ms' } })
      expect(problemAt(result, 'appSettings.input.repeatIntervalMs')?.message).toBe(
        'expected a whole number from 0 to 5000, got "110 ms"',
      )
      expect(result.config.input.repeatIntervalMs).toBe(110)
      expect(result.notes).toBeUndefined()
    })

    test('a number read from text still meets its range', () => {
      const result = validateAppSettings({ analytics: { batchSize: '1000' } })
      expect(result.ok).toBe(false)
      expect(problemAt(result, 'appSettings.analytics.batchSize')).toBeDefined()
    })

    test('"true" and "false" are read as booleans; other words stay a problem', () => {
      const read = validateAppSettings({ parental: { enabled: 'FALSE' } })
      expect(read.ok).toBe(true)
      expect(read.config.parental.enabled).toBe(false)
      const wrong = validateAppSettings({ parental: { enabled: 'yes' } })
      expect(problemAt(wrong, 'appSettings.parental.enabled')).toBeDefined()
    })

    test('language tags with a region or in capitals are read as the language', () => {
      const result = validateAppSettings({
        language: { default: 'nl-BE', available: ['nl-BE', 'fr_BE', 'nl', 'EN'] },
      })
      expect(result.ok).toBe(true)
      expect(result.config.language.default).toBe('nl')
      expect(result.config.language.available).toEqual(['nl', 'fr', 'en'])
      expect(result.notes).toContain('appSettings.language.default: "nl-BE" read as "nl"')
    })

    test('a list with items of the wrong type is rejected', () => {
      const result = validateAppSettings({
        language: { available: ['fr', 2] },
      })
      expect(problemAt(result, 'appSettings.language.available.1')?.message).toBe(
        'expected a string, got a number',
      )
      expect(result.config.language.available).toEqual(['fr', 'nl', 'de', 'en'])
    })

    test('a cross-field check still runs once the field it reads fell back to its default', () => {
      const result = validateAppSettings({ language: { default: 'es', available: ['fr', 2] } })
      expect(problemsOf(result)).toEqual([
        { path: 'appSettings.language.available.1', message: 'expected a string, got a number' },
        {
          path: 'appSettings.language.default',
          message: '"es" is not in language.available (fr, nl, de, en)',
        },
      ])
      expect(result.config.language).toEqual(defaultAppConfig().language)
    })

    test('entitlements: an operator service and its demo passes are taken, a typo is named', () => {
      const ok = validateAppSettings({
        entitlements: { backend: 'http', url: 'https://rights.example.be/', demoPasses: [] },
      })
      expect(ok.ok).toBe(true)
      expect(ok.config.entitlements).toEqual({
        backend: 'http',
        url: 'https://rights.example.be/',
        timeoutMs: 8000,
        demoPasses: [],
        cacheMaxAgeHours: 72,
        refreshMinutes: 15,
      })
      const wrong = validateAppSettings({
        entitlements: { timeoutMS: 5000, demoPasses: 'movies-series' },
      })
      expect(problemAt(wrong, 'appSettings.entitlements.timeoutMS')?.message).toBe(
        'unknown setting (did you mean "timeoutMs"?)',
      )
      expect(problemAt(wrong, 'appSettings.entitlements.demoPasses')?.message).toBe(
        'expected a list of strings, got a string',
      )
      expect(wrong.config.entitlements.demoPasses).toEqual(['movies-series'])
    })

    test('entitlements: how long the kept holdings count and how often they refresh', () => {
      const ok = validateAppSettings({ entitlements: { cacheMaxAgeHours: 24, refreshMinutes: 0 } })
      expect(ok.ok).toBe(true)
      expect(ok.config.entitlements).toMatchObject({ cacheMaxAgeHours: 24, refreshMinutes: 0 })
      const wrong = validateAppSettings({ entitlements: { refreshMinutes: 'hourly' } })
      expect(problemAt(wrong, 'appSettings.entitlements.refreshMinutes')?.message).toBe(
        'expected a number from 0 to 10080, got "hourly"',
      )
      expect(wrong.config.entitlements.refreshMinutes).toBe(15)
    })

    test('appSettings that is not an object is one problem and the defaults', () => {
      for (const given of [null, 'settings', [], 42]) {
        const result = validateAppSettings(given)
        expect(result.ok).toBe(false)
        expect(problemsOf(result)).toHaveLength(1)
        expect(problemsOf(result)[0]?.path).toBe('appSettings')
        expect(result.config).toEqual(defaultAppConfig())
      }
    })

    test('appSettings missing (a misspelt key in settings.json) says to check its spelling', () => {
      expect(problemsOf(validateAppSettings(undefined))).toEqual([
        {
          path: 'appSettings',
          message: 'missing from settings.json: check that its key is spelt "appSettings"',
        },
      ])
    })
  })

  describe('values', () => {
    test('platform must be one of the known platforms', () => {
      expect(validateAppSettings({ platform: 'tizen' }).ok).toBe(true)
      const result = validateAppSettings({ platform: 'playstation' })
      expect(problemAt(result, 'appSettings.platform')?.message).toBe(
        '"playstation" is not one of auto, browser, webos, tizen, android, rdk, hbbtv',
      )
    })

    test('a value that is nearly an allowed one says which', () => {
      const result = validateAppSettings({ platform: 'webso', catalogue: { upcoming: 'Show' } })
      expect(problemsOf(result)).toEqual([
        {
          path: 'appSettings.platform',
          message:
            '"webso" is not one of auto, browser, webos, tizen, android, rdk, hbbtv (did you mean "webos"?)',
        },
        {
          path: 'appSettings.catalogue.upcoming',
          message: '"Show" is not one of hide, show (did you mean "show"?)',
        },
      ])
      expect(result.config.platform).toBe('auto')
    })

    test('player.preferredFormat must be dash or hls', () => {
      const result = validateAppSettings({
        player: { preferredFormat: 'smooth' },
      })
      expect(problemAt(result, 'appSettings.player.preferredFormat')).toBeDefined()
    })

    test('language.default must be one of language.available', () => {
      const result = validateAppSettings({
        language: { default: 'de', available: ['fr', 'nl'] },
      })
      expect(problemAt(result, 'appSettings.language.default')?.message).toBe(
        '"de" is not in language.available (fr, nl)',
      )
    })

    test('the default language is checked against the default list when only it is given', () => {
      expect(validateAppSettings({ language: { default: 'nl' } }).ok).toBe(true)
      expect(validateAppSettings({ language: { default: 'es' } }).ok).toBe(false)
    })

    test.each(['0xff00ff00', '0xFFC83D00'])('colour %s is accepted', (accent) => {
      expect(validateAppSettings({ brand: { colors: { accent } } }).ok).toBe(true)
    })

    test.each([
      ['#ffc83d', '0xffffc83d'],
      ['#FC3', '0xffffcc33'],
      ['#ffc83d80', '0x80ffc83d'],
      ['rgb(255, 200, 61)', '0xffffc83d'],
      ['rgba(255,200,61,0.5)', '0x80ffc83d'],
      ['rgb(255 200 61 / 50%)', '0x80ffc83d'],
    ])('CSS colour %s is read as %s', (surface, meant) => {
      const result = validateAppSettings({ brand: { colors: { surface } } })
      expect(result.ok).toBe(true)
      expect(result.config.brand.colors.surface).toBe(meant)
      expect(result.notes).toEqual([
        `appSettings.brand.colors.surface: "${surface}" read as "${meant}"`,
      ])
    })

    test.each(['0xffc83d', 'ffffc83d', '0xffffc83dff', '0xgggggggg', '#ffc8d', 'rgb(300,0,0)'])(
      'colour %s is rejected',
      (surface) => {
        const result = validateAppSettings({ brand: { colors: { surface } } })
        expect(problemAt(result, 'appSettings.brand.colors.surface')?.message).toBe(
          'expected a colour written as 0xAARRGGBB',
        )
      },
    )

    test('an earlier release’s brand.accentColor still starts the app, read as brand.colors.accent', () => {
      const given = { brand: { accentColor: '0xff00ff00' } }
      const result = validateAppSettings(given)
      expect(result.ok).toBe(true)
      expect(result.config.brand.colors.accent).toBe('0xff00ff00')
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('rename it there'))
      // The operator's own object is left as it was.
      expect(given).toEqual({ brand: { accentColor: '0xff00ff00' } })
      const both = validateAppSettings({
        brand: { accentColor: '0xff00ff00', colors: { accent: '0xff0000ff' } },
      })
      expect(both.ok).toBe(true)
      expect(both.config.brand.colors.accent).toBe('0xff0000ff')
    })

    test('an old key given a wrong value is still reported, at its new place', () => {
      const result = validateAppSettings({ brand: { accentColor: 'yellow' } })
      expect(problemsOf(result).map((problem) => problem.path)).toEqual([
        'appSettings.brand.colors.accent',
      ])
    })

    test('a logo and font files are paths under static/ of the right kind', () => {
      const fine = validateAppSettings({
        brand: {
          logo: 'brand/meuse.svg',
          font: { family: 'Source Sans 3', regular: 'fonts/a.woff2', bold: 'fonts/b.woff2' },
        },
      })
      expect(fine.ok).toBe(true)
      const wrong = validateAppSettings({
        brand: { logo: '../secret.png', font: { family: 'Inter', bold: 'fonts/b.gif' } },
      })
      expect(problemsOf(wrong)).toEqual([
        {
          path: 'appSettings.brand.logo',
          message: 'expected the path of an .svg or .png file under static/, e.g. "brand/logo.svg"',
        },
        { path: 'appSettings.brand.font.regular', message: 'a font family needs its regular file' },
        {
          path: 'appSettings.brand.font.bold',
          message: 'expected the path of a .woff2, .woff, .ttf or .otf file under static/',
        },
      ])
    })

    test('home rails and pass names and prices are checked', () => {
      const fine = validateAppSettings({
        home: { rails: ['continue-watching', 'films', 'brand-*'] },
        offers: {
          passes: { cinema: { name: { fr: 'Pass Ciné', nl: 'Cinepas' }, price: '9,99 €' } },
        },
      })
      expect(fine.ok).toBe(true)
      expect(fine.config.offers.passes.cinema).toEqual({
        name: { fr: 'Pass Ciné', nl: 'Cinepas' },
        price: '9,99 €',
      })
      const wrong = validateAppSettings({
        home: { rails: ['films', 'brand-* '] },
        offers: { passes: { cinema: { name: { es: 'Pase' }, prize: '1' } } },
      })
      expect(problemsOf(wrong).map((problem) => problem.path)).toEqual([
        'appSettings.home.rails.1',
        'appSettings.offers.passes.cinema.name.es',
        'appSettings.offers.passes.cinema.prize',
      ])
    })

    test('a ClearKey licence server is configured like Widevine and PlayReady', () => {
      const clearkey = { licenseUrl: 'https://lic.example.be/ck', headers: 'X-Operator-Token: t' }
      const result = validateAppSettings({ player: { drm: { clearkey } } })
      expect(result.ok).toBe(true)
      expect(result.config.player.drm).toEqual({ ...defaultAppConfig().player.drm, clearkey })
    })

    test('DRM settings are checked at start, each problem at its own path', () => {
      const result = validateAppSettings({
        player: {
          drm: {
            clearkey: { licenseUrl: 'ftp://lic.example.be', headers: 'no colon', licenceUrl: '' },
            widevine: { licenseUrl: 3 },
            clearKeys: 'oops',
          },
        },
      })
      expect(problemsOf(result)).toEqual([
        {
          path: 'appSettings.player.drm.clearkey.licenceUrl',
          message: 'unknown setting (did you mean "licenseUrl"?)',
        },
        {
          path: 'appSettings.player.drm.widevine.licenseUrl',
          message: 'expected a string, got a number',
        },
        {
          path: 'appSettings.player.drm.clearkey.licenseUrl',
          message: '"ftp://lic.example.be" is not an http(s) URL',
        },
        {
          path: 'appSettings.player.drm.clearkey.headers',
          message: '"no colon" is not a "Name: value" header',
        },
        {
          path: 'appSettings.player.drm.clearKeys',
          message: '"oops" is not kidHex:keyHex (32 hex digits each)',
        },
      ])
    })

    test('keys must map numeric codes to action names', () => {
      const result = validateAppSettings({
        keys: { '461': 'Back', Escape: 'Back', '13': 5 },
      })
      expect(problemsOf(result).map((problem) => problem.path)).toEqual([
        'appSettings.keys.13',
        'appSettings.keys.Escape',
      ])
    })

    test('an unknown action is reported with the one probably meant', () => {
      const result = validateAppSettings({ keys: { '461': 'Bakc', '10009': 'Back', '9': 'Zap' } })
      const problems = problemsOf(result)
      expect(problems.map((problem) => problem.path)).toEqual([
        'appSettings.keys.9',
        'appSettings.keys.461',
      ])
      expect(problems[1]!.message).toMatch(/^unknown action "Bakc" \(did you mean "Back"\?\)/)
      expect(problems[0]!.message).toContain('known actions: Left, Right')
    })

    test('a logo or font path written with static/ in front is read under static/', () => {
      const result = validateAppSettings({ brand: { logo: './static/brand/logo.png' } })
      expect(result.ok).toBe(true)
      expect(result.config.brand.logo).toBe('brand/logo.png')
      expect(result.notes).toEqual([
        'appSettings.brand.logo: "./static/brand/logo.png" read as "brand/logo.png" (a path under static/)',
      ])
    })

    test('an action written as remotes label it, in another case or as a digit is read as meant', () => {
      const result = validateAppSettings({
        keys: { '65376': 'OK', '461': 'return', '33': 'channel-up', '48': '0', '403': 'RED' },
      })
      expect(result.ok).toBe(true)
      expect(result.config.keys).toEqual({
        '65376': 'Enter',
        '461': 'Back',
        '33': 'ChannelUp',
        '48': 'Digit0',
        '403': 'Red',
      })
      expect(result.notes).toContain('appSettings.keys.65376: "OK" read as "Enter"')
    })
  })

  describe('consent and analytics', () => {
    test('the defaults send nothing and are valid', () => {
      const result = validateAppSettings({})
      expect(result.ok).toBe(true)
      expect(result.config.analytics.collector).toBe('none')
      expect(result.config.consent.version).toBe('1')
    })

    test('an http collector needs a URL; batch size and delay stay in range', () => {
      const result = validateAppSettings({
        consent: { version: ' ' },
        analytics: { collector: 'http', batchSize: 0, flushSeconds: 0.5 },
      })
      expect(problemAt(result, 'appSettings.consent.version')).toBeDefined()
      expect(problemAt(result, 'appSettings.analytics.url')).toBeDefined()
      expect(problemAt(result, 'appSettings.analytics.batchSize')).toBeDefined()
      expect(problemAt(result, 'appSettings.analytics.flushSeconds')).toBeDefined()
      const fine = validateAppSettings({
        analytics: { collector: 'http', url: 'https://stats.operator.be/v1/events', cmcd: true },
      })
      expect(fine.ok).toBe(true)
    })
  })

  describe('invalid settings still give a usable config', () => {
    test('valid parts are kept and invalid parts fall back to the defaults', () => {
      const result = validateAppSettings({
        brand: { name: 'Proximus', nmae: 'x' },
        input: { repeatIntervalMs: 'fast', longPressMs: 800 },
        debug: true,
      })
      expect(result.ok).toBe(false)
      expect(result.config.brand).toEqual({ ...defaultAppConfig().brand, name: 'Proximus' })
      expect(result.config.input).toEqual({
        repeatIntervalMs: 110,
        longPressMs: 800,
      })
      expect(result.config.debug).toBe(true)
      expect(result.config.language).toEqual(defaultAppConfig().language)
    })
  })
})
