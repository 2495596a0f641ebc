import { Subject } from 'rxjs'
import type { PlaybackEvent } from '../../../src/player/playbackEvents'
import { PlaybackHub } from '../../../src/player/playbackHub'

describe('PlaybackHub', () => {
  test("a collector subscribed once gets each viewing's events while the player is connected", () => {
    const hub = new PlaybackHub()
    const seen: string[] = []
    hub.events$.subscribe((event) => seen.push(event.type))
    const first = new Subject<PlaybackEvent>()
    const connection = hub.connect(first)
    first.next({ type: 'open', at: 0, id: 'a', url: 'u', live: false, startPosition: 0 })
    first.next({ type: 'stop', at: 1 })
    connection.unsubscribe()
    first.next({ type: 'playing', at: 2 })
    const second = new Subject<PlaybackEvent>()
    hub.connect(second)
    second.next({ type: 'open', at: 3, id: 'b', url: 'u', live: true, startPosition: 0 })
    expect(seen).toEqual(['open', 'stop', 'open'])
  })
})

describe('PlaybackHub stats', () => {
  test('read from the connected player only while it is connected', () => {
    const hub = new PlaybackHub()
    expect(hub.stats()).toBeNull()
    const connection = hub.connect(new Subject<PlaybackEvent>(), () => ({
      bandwidth: 1_000_000,
      droppedFrames: 2,
    }))
    expect(hub.stats()).toEqual({ bandwidth: 1_000_000, droppedFrames: 2 })
    connection.unsubscribe()
    expect(hub.stats()).toBeNull()
    hub.connect(new Subject<PlaybackEvent>(), () => {
      throw new Error('player gone')
    })
    expect(hub.stats()).toBeNull()
  })
})
