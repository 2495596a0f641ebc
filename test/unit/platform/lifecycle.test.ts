import {
  HBBTV_KEYSET_MASK,
  platformLifecycle,
  type PlatformGlobals,
} from '../../../src/platform/lifecycle'

const options = { androidBridge: 'BelgicaHost' }

describe('leaving the app', () => {
  test('webOS hands over with webOS.platformBack()', () => {
    const platformBack = jest.fn()
    const outcome = platformLifecycle('webos', { webOS: { platformBack } }, options).exit()
    expect(outcome).toEqual({ closed: true })
    expect(platformBack).toHaveBeenCalledTimes(1)
  })

  test('webOS without webOSTV.js says so instead of throwing', () => {
    expect(platformLifecycle('webos', {}, options).exit()).toEqual({
      closed: false,
      reason: 'missing-api',
      detail: 'webOS.platformBack() is not available',
    })
  })

  test('Tizen exits the current application', () => {
    const exit = jest.fn()
    const globals = { tizen: { application: { getCurrentApplication: () => ({ exit }) } } }
    expect(platformLifecycle('tizen', globals, options).exit()).toEqual({ closed: true })
    expect(exit).toHaveBeenCalledTimes(1)
  })

  test('a Tizen exit that throws is reported with its message', () => {
    const globals = {
      tizen: {
        application: {
          getCurrentApplication: () => ({
            exit: () => {
              throw new Error('SecurityError')
            },
          }),
        },
      },
    }
    expect(platformLifecycle('tizen', globals, options).exit()).toEqual({
      closed: false,
      reason: 'failed',
      detail: 'tizen.application exit(): SecurityError',
    })
  })

  test('Tizen without the application API says so', () => {
    const outcome = platformLifecycle('tizen', { tizen: {} }, options).exit()
    expect(outcome).toMatchObject({ closed: false, reason: 'missing-api' })
  })

  test('Android calls the host bridge named in the settings', () => {
    const exit = jest.fn()
    const outcome = platformLifecycle(
      'android',
      { OperatorBox: { exit } },
      {
        androidBridge: 'OperatorBox',
      },
    ).exit()
    expect(outcome).toEqual({ closed: true })
    expect(exit).toHaveBeenCalledTimes(1)
  })

  test('Android without the bridge names the missing object', () => {
    expect(platformLifecycle('android', {}, options).exit()).toEqual({
      closed: false,
      reason: 'missing-api',
      detail: 'BelgicaHost.exit() is not available',
    })
  })

  test.each(['browser', 'rdk'] as const)('a %s page closes nothing and says why', (name) => {
    const close = jest.fn()
    const outcome = platformLifecycle(name, { close }, options).exit()
    expect(outcome).toMatchObject({ closed: false, reason: 'not-possible' })
    expect(close).not.toHaveBeenCalled()
  })
})

describe('HbbTV', () => {
  afterEach(() => document.body.replaceChildren())

  /** A page holding the terminal's application manager object, as a terminal provides it. */
  function terminal(app: Record<string, unknown>): PlatformGlobals {
    const manager = document.createElement('object')
    manager.setAttribute('type', 'application/oipfApplicationManager')
    Object.assign(manager, { getOwnerApplication: (doc: Document) => (doc ? app : null) })
    document.body.appendChild(manager)
    return { document }
  }

  test('start registers the colour, navigation, VCR, info and numeric keys and shows the app', () => {
    const setValue = jest.fn()
    const show = jest.fn()
    const globals = terminal({ privateData: { keyset: { setValue } }, show })
    const { problems } = platformLifecycle('hbbtv', globals, options).start()
    expect(problems).toEqual([])
    expect(setValue).toHaveBeenCalledWith(HBBTV_KEYSET_MASK)
    expect(HBBTV_KEYSET_MASK).toBe(0x1bf)
    expect(show).toHaveBeenCalled()
  })

  test("start reads the terminal's own VK_ constants", () => {
    const globals = {
      ...terminal({ privateData: { keyset: { setValue: () => undefined } } }),
      KeyEvent: { VK_BACK: 8, VK_PLAY_PAUSE: 463 },
    }
    const { deviceKeys } = platformLifecycle('hbbtv', globals, options).start()
    expect(deviceKeys).toEqual({ Back: [8], PlayPause: [463] })
  })

  test('exit destroys the application', () => {
    const destroyApplication = jest.fn()
    const globals = terminal({ destroyApplication })
    expect(platformLifecycle('hbbtv', globals, options).exit()).toEqual({ closed: true })
    expect(destroyApplication).toHaveBeenCalledTimes(1)
  })

  test('a page that is not an HbbTV application says so at start and at exit', () => {
    // jsdom's <object> has no getOwnerApplication: the manager object is added but says nothing.
    const lifecycle = platformLifecycle('hbbtv', { document }, options)
    expect(lifecycle.start().problems).toEqual([
      'HbbTV keyset is not available: only arrows, OK and Back arrive',
    ])
    expect(
      document.querySelectorAll('object[type="application/oipfApplicationManager"]'),
    ).toHaveLength(1)
    expect(lifecycle.exit()).toMatchObject({ closed: false, reason: 'missing-api' })
  })
})

describe('Tizen start', () => {
  test('registers the media, colour, channel, info, guide, search and digit keys', () => {
    const registerKey = jest.fn()
    const globals = { tizen: { tvinputdevice: { registerKey } } }
    expect(platformLifecycle('tizen', globals, options).start().problems).toEqual([])
    const names = registerKey.mock.calls.map(([name]) => name)
    expect(names).toEqual(
      expect.arrayContaining(['MediaPlayPause', 'ColorF0Red', 'ChannelUp', 'Info', 'Guide', '0']),
    )
  })

  test('keys a remote lacks are reported, the others still registered', () => {
    const registerKey = jest.fn((name: string) => {
      if (name === '5') throw new Error('NotSupported')
    })
    const globals = { tizen: { tvinputdevice: { registerKey } } }
    const { problems } = platformLifecycle('tizen', globals, options).start()
    expect(problems).toEqual(['Tizen refused keys: 5'])
    expect(registerKey).toHaveBeenCalledWith('9')
  })

  test('a Tizen without tvinputdevice is reported', () => {
    expect(platformLifecycle('tizen', {}, options).start().problems).toEqual([
      'tizen.tvinputdevice is not available: media keys off',
    ])
  })
})
