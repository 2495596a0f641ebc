/**
 * @jest-environment jsdom
 */
import type { Shaka } from '../../../src/player/loadShaka'

type LoadShaka = typeof import('../../../src/player/loadShaka').loadShaka

/** The scripts loadShaka added to the page, in order. */
const scripts = () => Array.from(document.head.querySelectorAll('script'))

describe('loading Shaka on first playback', () => {
  // A fresh module each time: what it remembers between calls is what is under test.
  let loadShaka: LoadShaka
  beforeEach(() => {
    jest.isolateModules(() => {
      ;({ loadShaka } = jest.requireActual<typeof import('../../../src/player/loadShaka')>(
        '../../../src/player/loadShaka',
      ))
    })
  })

  afterEach(() => {
    delete window.shaka
    document.head.innerHTML = ''
  })

  it('tries again after a script that loaded but defined no shaka', async () => {
    const first = loadShaka('lib/shaka.js')
    expect(scripts()).toHaveLength(1)
    scripts()[0]!.onload!(new Event('load'))
    await expect(first).rejects.toThrow('defined no shaka')
    expect(scripts()).toHaveLength(0)

    const second = loadShaka('lib/shaka.js')
    expect(second).not.toBe(first)
    expect(scripts()).toHaveLength(1)
    const installAll = jest.fn()
    const registerTransmuxer = jest.fn()
    window.shaka = {
      polyfill: { installAll },
      transmuxer: { TransmuxerEngine: { registerTransmuxer, PluginPriority: { APPLICATION: 4 } } },
    } as unknown as Shaka
    scripts()[0]!.onload!(new Event('load'))
    await expect(second).resolves.toBe(window.shaka)
    expect(installAll).toHaveBeenCalledTimes(1)
    // Undated packed audio is dated before Shaka's own transmuxer reads it.
    expect(registerTransmuxer).toHaveBeenCalledWith('audio/aac', expect.any(Function), 4)
  })

  it('tries again after a script that could not be fetched', async () => {
    const first = loadShaka('lib/shaka.js')
    scripts()[0]!.onerror!(new Event('error'))
    await expect(first).rejects.toThrow('cannot load lib/shaka.js')
    void loadShaka('lib/shaka.js').catch(() => undefined)
    expect(scripts()).toHaveLength(1)
  })

  it('asks for the script once while it loads', () => {
    const a = loadShaka('lib/shaka.js')
    const b = loadShaka('lib/shaka.js')
    expect(a).toBe(b)
    expect(scripts()).toHaveLength(1)
    a.catch(() => undefined)
  })
})
