import { Lightning } from '@lightningjs/sdk'
import type { AppContext } from '../../../src/app/context'
import LiveLayer, { type LiveHost } from '../../../src/screens/Player/LiveLayer'
import { fakeContext, fixtureCatalogue } from '../../harness/fakeContext'
import { fakeChannels, fakeGuideSource } from '../../harness/fakeGuide'
import { mountApp, type MountedApp } from '../../harness/mountApp'

class Host extends Lightning.Component {
  said: { parts?: string[]; label?: string }[] = []

  $announce(item: { parts?: string[]; label?: string }) {
    this.said.push(item)
  }

  static override _template() {
    return { Layer: { type: LiveLayer } }
  }

  get layer(): LiveLayer {
    return this.tag('Layer') as LiveLayer
  }

  override _getFocused() {
    return this.tag('Layer')
  }
}

const KEYS = {
  13: 'Enter',
  8: 'Back',
  37: 'Left',
  38: 'Up',
  40: 'Down',
  403: 'Red',
  404: 'Green',
  457: 'Info',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, n) => [48 + n, `Digit${n}`])),
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

describe('the live layer through real keys', () => {
  let t: MountedApp<Host>
  let host: jest.Mocked<LiveHost>
  let context: AppContext
  const channels = fakeChannels(12, { restart: true, replayDays: 7 })

  beforeEach(async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] })
    const now = fakeContext().platform.wallClock()
    context = fakeContext(
      fixtureCatalogue(),
      fakeGuideSource(channels, now - 90 * 60_000, { minutes: () => 60 }),
    )
    host = {
      position: jest.fn(() => ({ current: 9990, start: 0, end: 10_000 })),
      seek: jest.fn(),
      zap: jest.fn(),
      recheck: jest.fn(),
      bannerShown: jest.fn(),
      bannerDismissed: jest.fn(),
    }
    t = mountApp(Host, { keys: KEYS })
    t.component.layer.start(context, channels[0]!, channels, host)
    await settle()
  })

  afterEach(() => {
    t.component.layer.stop()
    t.destroy()
    jest.useRealTimers()
  })

  it('zaps to a typed number once no longer number can follow, or after the entry timeout', () => {
    t.press('Digit1')
    expect(t.component.layer.snapshot().digits).toBe('1')
    t.press('Digit2')
    expect(host.zap).toHaveBeenCalledWith('ch-12')
    // The route of channel 12 starts the layer again, as a zap does.
    t.component.layer.start(context, channels[11]!, channels, host)
    t.press('Digit1')
    t.press('Digit2')
    // Channel 12 is the one playing: the banner shows again instead.
    expect(host.zap).toHaveBeenCalledTimes(1)
    expect(t.component.layer.snapshot().banner.visible).toBe(true)
    // 1 could start 10, 11 or 12: it tunes when no digit follows in time.
    t.press('Digit1')
    expect(host.zap).toHaveBeenCalledTimes(1)
    jest.advanceTimersByTime(1500)
    expect(host.zap).toHaveBeenLastCalledWith('ch-1')
  })

  it('two numbers typed quickly: the last one wins, though the first zap has not arrived yet', () => {
    t.component.layer.start(context, channels[2]!, channels, host)
    t.press('Digit2')
    expect(host.zap).toHaveBeenLastCalledWith('ch-2')
    // Still on channel 3: the route of channel 2 has not started the layer again.
    t.press('Digit3')
    expect(host.zap).toHaveBeenLastCalledWith('ch-3')
    expect(host.zap).toHaveBeenCalledTimes(2)
  })

  it('a held number key is one digit: holding 1 is not channel 11', () => {
    t.keyDown('Digit1')
    for (let i = 0; i < 4; i++) t.keyDown('Digit1', { repeat: true })
    t.keyUp('Digit1')
    expect(t.component.layer.snapshot().digits).toBe('1')
    expect(host.zap).not.toHaveBeenCalled()
    t.press('Digit2')
    expect(host.zap.mock.calls).toEqual([['ch-12']])
  })

  it('says the channel its banner shows, and a number no channel has: the focus never moves for them', () => {
    t.component.said.length = 0
    t.press('Info')
    expect(t.component.said.at(-1)?.parts?.[0]).toMatch(/^1 /)
    t.press('Digit1')
    t.press('Digit3')
    expect(t.component.said.at(-1)).toEqual({
      kind: 'item',
      parts: ['live.unknownChannel{"number":13}'],
    })
  })

  it('says an unknown number and stays', () => {
    t.press('Digit1')
    t.press('Digit3')
    expect(t.component.layer.snapshot().message).toBe('live.unknownChannel{"number":13}')
    expect(host.zap).not.toHaveBeenCalled()
  })

  it('shows the banner on start, hides it after 5 s, and Info shows it again', () => {
    expect(t.component.layer.snapshot().banner.visible).toBe(true)
    jest.advanceTimersByTime(5000)
    expect(t.component.layer.snapshot().banner.visible).toBe(false)
    t.press('Info')
    expect(t.component.layer.snapshot().banner.visible).toBe(true)
  })

  it('Back puts the banner away, as its time running out does, and says so to the player', () => {
    expect(host.bannerShown).toHaveBeenLastCalledWith(true)
    t.press('Back')
    expect(t.component.layer.snapshot().banner.visible).toBe(false)
    expect(host.bannerShown).toHaveBeenLastCalledWith(false)
    expect(host.bannerDismissed).toHaveBeenCalledTimes(1)
    t.press('Info')
    jest.advanceTimersByTime(5000)
    expect(t.component.layer.snapshot().banner.visible).toBe(false)
    expect(host.bannerDismissed).toHaveBeenCalledTimes(2)
    // Stopping (a zap, leaving) is not the viewer's doing: nothing is dismissed.
    t.press('Info')
    t.component.layer.stop()
    expect(host.bannerDismissed).toHaveBeenCalledTimes(2)
  })

  it('OK opens the channel list; Down and OK zap to the next channel', () => {
    t.press('Enter')
    expect(t.component.layer.snapshot().list).toMatchObject({ open: true, focusedId: 'ch-1' })
    expect(t.component.layer.snapshot().list.shown).toHaveLength(9)
    t.press('Down')
    t.press('Enter')
    expect(host.zap).toHaveBeenCalledWith('ch-2')
    expect(t.component.layer.snapshot().list.open).toBe(false)
  })

  it('says each row of the channel list as it is reached, and which one is playing', () => {
    t.component.said.length = 0
    t.press('Enter')
    const first = channels[0]!
    expect(t.component.said.at(-1)).toEqual({
      kind: 'choice',
      group: 'live.channels',
      label: `${first.number} ${first.name}`,
      selected: true,
    })
    t.press('Down')
    expect(t.component.said.at(-1)).toMatchObject({
      label: `${channels[1]!.number} ${channels[1]!.name}`,
      selected: false,
    })
    // Up past the first row moves nothing, and says nothing again.
    t.press('Up')
    const said = t.component.said.length
    t.press('Up')
    expect(t.component.said).toHaveLength(said)
  })

  it('a zap with the list open (channel up) puts the list away with the channel left', () => {
    t.press('Enter')
    expect(t.component.layer.snapshot().list).toMatchObject({ open: true, drawn: true })
    // The route's next channel starts the layer again, as channel up does.
    t.component.layer.start(context, channels[1]!, channels, host)
    expect(t.component.layer.snapshot().list).toMatchObject({ open: false, drawn: false })
    t.press('Enter')
    expect(t.component.layer.snapshot().list).toMatchObject({ drawn: true, focusedId: 'ch-2' })
  })

  it('Red restarts the programme on air from its start in the timeshift window', () => {
    // The programme on air began 30 minutes ago.
    t.press('Red')
    expect(host.seek).toHaveBeenCalledWith(10_000 - 30 * 60)
  })

  it('time-shifted, the banner says how far behind and Green goes back to live', () => {
    const hint = () => t.component.layer.tag('Banner.Hint').text.text
    // At the live point: Green has nothing to do, the banner offers the restart (the fake
    // context's texts are their keys).
    t.press('Green')
    expect(host.seek).not.toHaveBeenCalled()
    expect(hint()).toBe('live.restartHint')
    // Restarted 30 minutes back.
    host.position.mockReturnValue({ current: 8200, start: 0, end: 10_000 })
    t.press('Info')
    expect(hint()).toBe('live.behind{"time":"30:00"} · live.backToLiveHint')
    t.press('Green')
    expect(host.seek).toHaveBeenCalledWith(9997)
    expect(t.component.layer.snapshot().message).toBe('live.backToLive')
  })

  it('Left goes back 30 s in the timeshift window after a short pause', () => {
    t.press('Left')
    expect(host.seek).not.toHaveBeenCalled()
    jest.advanceTimersByTime(400)
    expect(host.seek).toHaveBeenCalledWith(9960)
  })
})
