import { ElementEventRelay } from '../../../src/player/elementEvents'

function setUp(active = () => true) {
  const video = document.createElement('video')
  const fired: string[] = []
  const consumer = { fire: (name: string) => fired.push(name) }
  const relay = new ElementEventRelay(video, consumer, active)
  const dispatch = (type: string) => video.dispatchEvent(new Event(type))
  return { video, fired, relay, dispatch }
}

describe('ElementEventRelay', () => {
  test('forwards nothing while the SDK still does', () => {
    const { fired, dispatch } = setUp()
    dispatch('timeupdate')
    dispatch('ended')
    expect(fired).toEqual([])
  })

  test("after an abort (the SDK's listeners are gone) the element's events reach the screen", () => {
    const { fired, dispatch, relay } = setUp()
    dispatch('abort')
    expect(relay.forwarding).toBe(true)
    dispatch('timeupdate')
    dispatch('ended')
    expect(fired).toEqual([
      '$videoPlayerTimeUpdate',
      '$videoPlayerEvent',
      '$videoPlayerEnded',
      '$videoPlayerEvent',
    ])
  })

  test('a second abort does not forward twice', () => {
    const { fired, dispatch } = setUp()
    dispatch('abort')
    dispatch('abort')
    fired.length = 0
    dispatch('waiting')
    expect(fired).toEqual(['$videoPlayerWaiting', '$videoPlayerEvent'])
  })

  test('an abort while the session is not the screen’s (closing, another load) starts nothing', () => {
    let active = false
    const { fired, dispatch, relay } = setUp(() => active)
    dispatch('abort')
    dispatch('timeupdate')
    expect(relay.forwarding).toBe(false)
    active = true
    dispatch('abort')
    active = false
    dispatch('timeupdate')
    expect(fired).toEqual([])
  })

  test('disposed, it forwards nothing more', () => {
    const { fired, dispatch, relay } = setUp()
    dispatch('abort')
    relay.dispose()
    dispatch('timeupdate')
    dispatch('abort')
    dispatch('timeupdate')
    expect(fired).toEqual([])
  })
})
