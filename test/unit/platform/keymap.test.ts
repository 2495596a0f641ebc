import { buildCodeMap } from '../../../src/platform/keymap'
import {
  browserKeymap,
  PLATFORM_KEYMAPS,
  type KeyAction,
  type Keymap,
  type PlatformName,
} from '../../../src/platform/keymaps'
import { vkKeymap } from '../../../src/platform/keymaps/hbbtv'

const PLATFORMS: PlatformName[] = ['browser', 'webos', 'tizen', 'android', 'rdk', 'hbbtv']

describe('keymaps', () => {
  test.each(PLATFORMS)('the %s keymap never gives one code to two actions', (platform) => {
    const owners = new Map<number, string>()
    const layer: Keymap = PLATFORM_KEYMAPS[platform]
    for (const [action, codes] of Object.entries(layer)) {
      for (const code of codes ?? []) {
        expect({ code, action: owners.get(code) ?? action }).toEqual({
          code,
          action,
        })
        owners.set(code, action)
      }
    }
  })

  test('the browser keymap covers arrows, Enter, Back and the ten digits', () => {
    expect(browserKeymap).toMatchObject({
      Left: [37],
      Up: [38],
      Right: [39],
      Down: [40],
    })
    expect(browserKeymap.Enter).toEqual([13])
    expect(browserKeymap.Back).toEqual(expect.arrayContaining([8, 27]))
    for (let n = 0; n <= 9; n++) {
      // The top row and the numeric keypad.
      expect(browserKeymap[`Digit${n}` as KeyAction]).toEqual([48 + n, 96 + n])
    }
  })
})

describe('buildCodeMap', () => {
  test('a browser gets the W3C codes', () => {
    const codes = buildCodeMap('browser', {})
    expect(codes[37]).toBe('Left')
    expect(codes[13]).toBe('Enter')
    expect(codes[8]).toBe('Back')
    expect(codes[27]).toBe('Back')
    // The browser-back key: left to Chromium, it went back through history and off the app.
    expect(codes[166]).toBe('Back')
    expect(codes[53]).toBe('Digit5')
    expect(codes[101]).toBe('Digit5')
    expect(codes[461]).toBeUndefined()
  })

  test.each([
    ['webos', 461, 'Back'],
    ['tizen', 10009, 'Back'],
    ['tizen', 10252, 'PlayPause'],
    ['android', 166, 'Back'],
    ['android', 179, 'PlayPause'],
    ['android', 33, 'ChannelUp'],
    ['rdk', 8, 'Back'],
    ['rdk', 27, 'Menu'],
    ['rdk', 250, 'PlayPause'],
    ['hbbtv', 461, 'Back'],
    ['hbbtv', 458, 'Guide'],
    ['hbbtv', 427, 'ChannelUp'],
  ] as const)('on %s, code %i is %s', (platform, code, action) => {
    expect(buildCodeMap(platform, {})[code]).toBe(action)
  })

  test('every platform keeps the browser layer under its own codes', () => {
    for (const platform of PLATFORMS) {
      const codes = buildCodeMap(platform, {})
      expect([codes[37], codes[38], codes[39], codes[40], codes[13]]).toEqual([
        'Left',
        'Up',
        'Right',
        'Down',
        'Enter',
      ])
    }
  })

  test('an action keeps every code given to it across layers', () => {
    const codes = buildCodeMap('webos', {})
    expect([codes[8], codes[27], codes[461]]).toEqual(['Back', 'Back', 'Back'])
  })

  test('the platform layer wins over the browser layer for the same code', () => {
    jest.replaceProperty(PLATFORM_KEYMAPS, 'android', {
      Menu: [37],
      Back: [4],
    })
    const codes = buildCodeMap('android', {})
    expect(codes[37]).toBe('Menu')
    expect(codes[39]).toBe('Right')
  })

  test('operator keys are added and win over both layers for the same code', () => {
    const codes = buildCodeMap('webos', {
      '461': 'Menu',
      '1001': 'Search',
      '37': 'Right',
    })
    expect(codes[461]).toBe('Menu')
    expect(codes[1001]).toBe('Search')
    expect(codes[37]).toBe('Right')
    expect(codes[39]).toBe('Right')
  })

  test('an operator key naming no known action leaves the code to the real one', () => {
    const codes = buildCodeMap('webos', { '461': 'Bakc', '1002': 'Serach' })
    expect(codes[461]).toBe('Back')
    expect(codes[1002]).toBeUndefined()
  })

  test('operator keys that are not positive whole numbers are ignored', () => {
    const codes = buildCodeMap('browser', {
      Escape: 'Back',
      '-5': 'Back',
      '1.5': 'Back',
      '0': 'X',
    })
    expect(Object.values(codes).filter((action) => action === 'X')).toEqual([])
    expect(codes[-5]).toBeUndefined()
    expect(codes[1.5]).toBeUndefined()
    expect(Object.keys(codes)).not.toContain('Escape')
  })

  test('building a map for one platform leaves the others unchanged', () => {
    buildCodeMap('tizen', { '37': 'Back' })
    expect(buildCodeMap('browser', {})[37]).toBe('Left')
  })
})

describe('HbbTV terminal VK_ constants', () => {
  test("a terminal's own VK_BACK and VK_PLAY_PAUSE are added to the fixed map", () => {
    // A terminal that declares VK_BACK as 8 and a play/pause toggle of its own, as some do.
    const declared = vkKeymap({ VK_BACK: 8, VK_PLAY_PAUSE: 463, VK_RED: 403, VK_5: 53 })
    expect(declared).toEqual({ Back: [8], PlayPause: [463], Red: [403], Digit5: [53] })
    const codes = buildCodeMap('hbbtv', {}, declared)
    expect([codes[8], codes[461], codes[463]]).toEqual(['Back', 'Back', 'PlayPause'])
  })

  test('missing or nonsense constants are left out', () => {
    expect(vkKeymap(undefined)).toEqual({})
    expect(vkKeymap({ VK_BACK: '461', VK_RED: 0, VK_GREEN: 1.5, VK_BLUE: null })).toEqual({})
  })

  test('operator keys still win over what the terminal declares', () => {
    const codes = buildCodeMap('hbbtv', { '463': 'Stop' }, { PlayPause: [463] })
    expect(codes[463]).toBe('Stop')
  })
})
