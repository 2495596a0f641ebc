import shaka from 'shaka-player'
import type { Player as FakePlayerType } from '../../../__mocks__/shaka-player'

// The root __mocks__/shaka-player.ts replaces the npm package without a jest.mock() call.
type FakePlayer = FakePlayerType
type FakeShaka = {
  Player: typeof FakePlayerType & { content: { audioLanguages: string[]; textLanguages: string[] } }
}
const fake = shaka as unknown as FakeShaka

describe('shaka-player mock', () => {
  afterEach(() => {
    fake.Player.content = { audioLanguages: [], textLanguages: [] }
  })

  it('replaces the npm package and says the browser is supported', () => {
    expect(shaka.Player.isBrowserSupported()).toBe(true)
    expect(shaka.Player.version).toContain('fake')
  })

  it('records calls and exposes loaded languages', async () => {
    fake.Player.content = { audioLanguages: ['nl', 'fr'], textLanguages: ['nl'] }
    const player = new shaka.Player() as unknown as FakePlayer
    const loaded = jest.fn()
    player.addEventListener('loaded', loaded)

    await player.attach(document.createElement('video'))
    await player.load('/media/film/manifest.mpd', 12)
    player.selectAudioLanguage('fr')
    player.selectTextLanguage('nl')
    player.setTextTrackVisibility(true)

    expect(loaded).toHaveBeenCalledTimes(1)
    expect(player.getAudioLanguages()).toEqual(['nl', 'fr'])
    expect(player.selectedAudioLanguage).toBe('fr')
    expect(player.selectedTextLanguage).toBe('nl')
    expect(player.isTextTrackVisible()).toBe(true)
    expect(player.callNames()).toEqual([
      'constructor',
      'addEventListener',
      'attach',
      'load',
      'selectAudioLanguage',
      'selectTextLanguage',
      'setTextTrackVisibility',
      'getAudioLanguages',
    ])
    expect(fake.Player.instances).toContain(player)
  })

  it('merges configuration given as an object or as a path', () => {
    const player = new shaka.Player() as unknown as FakePlayer
    player.configure({ streaming: { bufferingGoal: 30 } })
    player.configure('streaming.bufferBehind', 10)
    expect(player.getConfiguration()).toEqual({
      streaming: { bufferingGoal: 30, bufferBehind: 10 },
    })
  })

  it('fails like Shaka: no element, injected errors, use after destroy', async () => {
    const player = new shaka.Player() as unknown as FakePlayer
    await expect(player.load('/a.mpd')).rejects.toMatchObject({ code: 7002 })

    await player.attach(document.createElement('video'))
    const error = new shaka.util.Error(2, 1, 1001)
    player.failNextLoad(error)
    await expect(player.load('/a.mpd')).rejects.toBe(error)
    await expect(player.load('/a.mpd')).resolves.toBeUndefined()

    const onError = jest.fn()
    player.addEventListener('error', onError)
    player.emit('error', { detail: error })
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', detail: error }))
    player.removeEventListener('error', onError)
    expect(player.listenerCount('error')).toBe(0)

    await player.destroy()
    await expect(player.load('/a.mpd')).rejects.toMatchObject({ code: 7003 })
  })
})
