import { midnightOf, shiftDays, wallZone } from '../../../../src/i18n/wallZone'
import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../../../src/app/context'
import Guide, { type GuideSnapshot } from '../../../../src/screens/Guide'
import { saveLastChannel } from '../../../../src/player/lastChannel'
import { SizedImageTexture } from '../../../../src/components/Tile/sizedImage'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { fakeChannels, fakeGuideSource, HOUR, MINUTE } from '../../../harness/fakeGuide'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  static override _template() {
    return { Guide: { type: Guide } }
  }

  get screen(): Guide {
    return this.tag('Guide') as Guide
  }

  override _getFocused() {
    return this.tag('Guide')
  }
}

const KEYS = {
  ...Object.fromEntries(Array.from({ length: 10 }, (_, n) => [48 + n, `Digit${n}`])),
  13: 'Enter',
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  33: 'ChannelUp',
  34: 'ChannelDown',
  403: 'Red',
  404: 'Green',
  405: 'Yellow',
  406: 'Blue',
  8: 'Back',
}

/** Lets the channel list and the guide's answers arrive. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

const RIGHTS = {
  restart: true,
  replayDays: 7,
  catchup: { hls: 'https://replay.example.be/{start}-{end}.m3u8' },
}

describe('Guide screen', () => {
  let t: MountedApp<Host>
  let context: AppContext
  let navigate: jest.SpyInstance
  let now: number

  const mount = async (count: number, options: Parameters<typeof fakeGuideSource>[2] = {}) => {
    const channels = fakeChannels(count, RIGHTS)
    // Channels aligned on the hour: on even channels 30 min programmes, on odd ones 45 min.
    const source = fakeGuideSource(channels, now - 12 * HOUR, options)
    const base = fakeContext(fixtureCatalogue(), source)
    context = { ...base, liveChannels: async () => ({ status: 'ok', channels }) }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    t.step()
    return source
  }

  const snap = (): GuideSnapshot => t.component.screen.snapshot()

  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    now = fakeContext().platform.wallClock()
  })

  afterEach(() => {
    t.destroy()
  })

  it('opens on the programme on air of the first channel, with its details', async () => {
    await mount(8)
    const s = snap()
    expect(s.status).toBe('ready')
    expect(s.channelId).toBe('ch-1')
    expect(s.focused!.start).toBeLessThanOrEqual(now)
    expect(s.focused!.end).toBeGreaterThan(now)
    expect(s.details.title).toBe(s.focused!.title)
    expect(s.details.status).toContain('guide.live')
    expect(s.details.rating).toContain('rating.csa.allAudiences')
    expect(s.renderedRows).toBe(8)
  })

  it('shows a kids profile, which has no live TV, no grid: not its programmes nor their ratings', async () => {
    const channels = fakeChannels(4, RIGHTS)
    const source = fakeGuideSource(channels, now - 12 * HOUR)
    const base = fakeContext(fixtureCatalogue(), source)
    context = { ...base, liveChannels: async () => ({ status: 'ok', channels }) }
    const added = context.profiles.add({ name: 'Zoé', kids: true, maxAge: 10 })
    if (!added.ok) throw new Error('fixture')
    context.profiles.select(added.profile.id)
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    t.step()
    expect(snap()).toMatchObject({ status: 'barred', channels: 0, renderedRows: 0, focused: null })
    expect(source.calls).toEqual([])
    expect(t.component.screen.tag('Empty').text.text).toBe('guide.kids')
  })

  it('decodes each channel logo at the width it is drawn, off the main thread where it can', async () => {
    const channels = fakeChannels(3, { ...RIGHTS, logo: 'https://img.example.be/logo.png' })
    context = { ...fakeContext(), liveChannels: async () => ({ status: 'ok', channels }) }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    t.step()
    const row = t.component.screen.tag('Rows').children[0] as Lightning.Component
    const logo = row.tag('Channel.Logo')
    expect(logo.texture).toBeInstanceOf(SizedImageTexture)
    expect((logo.texture as SizedImageTexture).decode).toEqual({ resizeWidth: logo.w })
  })

  it('opens on the channel watched last', async () => {
    saveLastChannel(fakeContext().platform.storage, 'x', 'y')
    const channels = fakeChannels(30, RIGHTS)
    const base = fakeContext(fixtureCatalogue(), fakeGuideSource(channels, now))
    saveLastChannel(base.platform.storage, base.profiles.active.id, 'ch-17')
    context = { ...base, liveChannels: async () => ({ status: 'ok', channels }) }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    expect(snap()).toMatchObject({ channelId: 'ch-17', row: 16 })
    expect(snap().firstRow).toBeLessThanOrEqual(16)
    expect(snap().firstRow + 10).toBeGreaterThan(16)
  })

  it('creates rows for the screen only: 100 channels make 10 rows, and few cells', async () => {
    await mount(100)
    expect(snap().renderedRows).toBe(10)
    expect(snap().renderedCells).toBeLessThanOrEqual(10 * 6)
    t.press('ChannelDown', 5)
    await settle()
    t.step()
    expect(snap().row).toBe(50)
    expect(snap().renderedRows).toBe(10)
    expect(t.component.screen.tag('Rows').children.length).toBe(10)
    // Only the screens of channels around this one have their programmes held.
    expect(snap().loadedChannels).toBeLessThanOrEqual(30)
  })

  it('goes to the channel whose number is typed, says a number no channel has, and Back forgets digits', async () => {
    await mount(30)
    jest.useFakeTimers()
    try {
      // 2 among 1-30 may become 20-29: shown while the guide waits for the next digit.
      t.press(50)
      expect(snap()).toMatchObject({ digits: '2', channelId: 'ch-1' })
      t.press(52)
      // No longer number can follow 24: at once, in the row of channel 24.
      expect(snap()).toMatchObject({ digits: '', channelId: 'ch-24' })
      // 3 waits for 30; OK goes now.
      t.press(51)
      t.press('Enter')
      expect(snap()).toMatchObject({ digits: '', channelId: 'ch-3' })
      expect(navigate).not.toHaveBeenCalled()
      // 1, then nothing more: after the pause, channel 1.
      t.press(49)
      jest.advanceTimersByTime(1500)
      t.step()
      expect(snap().channelId).toBe('ch-1')
      // 31 is no channel: said, and the focus stays.
      t.press(51)
      t.press(49)
      t.step()
      expect(snap()).toMatchObject({ channelId: 'ch-1', message: expect.stringContaining('31') })
      jest.advanceTimersByTime(2000)
      t.step()
      expect(snap().message).toBe('')
      // Back while typing forgets the digits and stays in the guide.
      t.press(50)
      t.press('Back')
      expect(snap()).toMatchObject({ digits: '', channelId: 'ch-1' })
      jest.advanceTimersByTime(1500)
      expect(snap().channelId).toBe('ch-1')
    } finally {
      jest.useRealTimers()
    }
  })

  it('moves programme by programme with Left/Right, and keeps the time on Up/Down', async () => {
    await mount(8)
    const first = snap().focused!
    t.press('Right')
    expect(snap().focused!.start).toBe(first.end)
    t.press('Right')
    const third = snap().focused!
    t.press('Down')
    // Channel 2 has 45 min programmes: the one on at the focused time.
    const below = snap().focused!
    expect(snap().channelId).toBe('ch-2')
    expect(below.start).toBeLessThanOrEqual(third.start)
    expect(below.end).toBeGreaterThan(third.start)
    t.press('Up')
    expect(snap().focused!.id).toBe(third.id)
    t.press('Left', 2)
    expect(snap().focused!.id).toBe(first.id)
  })

  it('loads more as Left goes back through the previous day', async () => {
    const source = await mount(8)
    const calls = source.calls.length
    for (let i = 0; i < 40; i++) t.press('Left')
    await settle()
    t.step()
    expect(snap().focused).not.toBeNull()
    expect(snap().focused!.end).toBeLessThan(now - 12 * HOUR)
    expect(source.calls.length).toBeGreaterThan(calls)
    // 40 moves, each drawing the grid: 1.5-3 s alone, more beside the other suites on two cores.
  }, 20_000)

  it('Red and Green jump a day back and forward at the same time', async () => {
    await mount(8)
    const time = snap().focusTime
    t.press('Red')
    await settle()
    t.step()
    expect(new Date(snap().focusTime).getHours()).toBe(new Date(time).getHours())
    expect(snap().day).toBe('guide.yesterday')
    expect(snap().focused).not.toBeNull()
    t.press('Green', 2)
    await settle()
    expect(snap().day).toBe('guide.tomorrow')
  })

  it('OK on the programme on air plays the channel live', async () => {
    await mount(8)
    t.press('Down')
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('live/ch-2')
  })

  it('OK on a past programme with replay rights replays it', async () => {
    await mount(8)
    t.press('Left')
    const past = snap().focused!
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith(`replay/ch-1/${past.start}`)
  })

  it('OK on a past programme without replay rights says why and plays nothing', async () => {
    await mount(8, { patch: () => ({ replay: false }) })
    t.press('Left')
    expect(snap().details.status).toBe('guide.noReplay')
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
    expect(snap().message).toBe('guide.noReplay')
    t.press('Right')
    expect(snap().message).toBe('')
  })

  it('OK on an upcoming programme says when it starts', async () => {
    await mount(8)
    t.press('Right')
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
    expect(snap().message).toMatch(/^guide\.startsAt/)
  })

  it('OK where a channel has no programme replays nothing yesterday, plays it live only now', async () => {
    const channels = fakeChannels(3, RIGHTS)
    // ch-1 has no programme at all; the others have theirs.
    const base = fakeContext(fixtureCatalogue(), fakeGuideSource(channels.slice(1), now))
    context = { ...base, liveChannels: async () => ({ status: 'ok', channels }) }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    t.step()
    expect(snap()).toMatchObject({ channelId: 'ch-1', focused: null })
    t.press('Red')
    await settle()
    t.step()
    expect(snap().day).toBe('guide.yesterday')
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
    expect(snap().message).toBe('guide.nothingToReplay')
    t.press('Green', 2)
    await settle()
    t.step()
    expect(snap().day).toBe('guide.tomorrow')
    t.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
    expect(snap().message).toBe('guide.nothingAnnounced')
    t.press('Yellow')
    await settle()
    t.press('Enter')
    expect(navigate).toHaveBeenCalledWith('live/ch-1')
  })

  it('Yellow comes back to what is on air on the same channel', async () => {
    await mount(8)
    const opened = snap()
    t.press('Down', 2)
    t.press('Green')
    t.press('Right', 3)
    await settle()
    expect(snap().day).toBe('guide.tomorrow')
    t.press('Yellow')
    await settle()
    t.step()
    expect(snap()).toMatchObject({
      row: 2,
      day: 'guide.today',
      viewStart: opened.viewStart,
      focusTime: opened.focusTime,
    })
    expect(snap().focused!.start).toBeLessThanOrEqual(now)
    expect(snap().focused!.end).toBeGreaterThan(now)
  })

  it('Blue opens a strip of days on today; OK on a day jumps there at the same time', async () => {
    await mount(8)
    const time = snap().focusTime
    t.press('Blue')
    let picker = snap().dayPicker
    expect(picker.open).toBe(true)
    // A week back, today, a week ahead.
    expect(picker.days).toHaveLength(15)
    expect(picker.focused).toBe('day-0')
    expect(picker.days[7]).toMatch(/^guide\.today · /)
    // Left/Right move in the strip, not in the grid.
    t.press('Left', 3)
    expect(snap().focusTime).toBe(time)
    picker = snap().dayPicker
    expect(picker.focused).toBe('day--3')
    t.press('Enter')
    await settle()
    t.step()
    expect(snap().dayPicker.open).toBe(false)
    expect(new Date(snap().focusTime).getHours()).toBe(new Date(time).getHours())
    expect(Math.round((time - snap().focusTime) / (24 * HOUR))).toBe(3)
    expect(snap().focused).not.toBeNull()
    // Opened again, it stands on the day now in focus; Back closes it and leaves the guide open.
    t.press('Blue')
    expect(snap().dayPicker.focused).toBe('day--3')
    t.press('Back')
    expect(snap().dayPicker.open).toBe(false)
    expect(navigate).not.toHaveBeenCalled()
  })

  it("spans whole days on the household's clock, not the box's", async () => {
    const channels = fakeChannels(4, RIGHTS)
    const base = fakeContext(fixtureCatalogue(), fakeGuideSource(channels, now - 12 * HOUR))
    // A box set five hours behind UTC: days cut at its midnights would add a sliver at each end.
    const zone = wallZone('brussels')
    context = { ...base, zone, liveChannels: async () => ({ status: 'ok', channels }) }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    t.step()
    t.press('Blue')
    expect(snap().dayPicker.days).toHaveLength(15)
    t.press('Left', 7)
    t.press('Enter')
    await settle()
    t.step()
    expect(snap().focusTime).toBeGreaterThanOrEqual(shiftDays(zone, midnightOf(zone, now), -7))
  })

  it('asks again for a channel list that failed when OK is pressed', async () => {
    const channels = fakeChannels(8, RIGHTS)
    let fail = true
    const base = fakeContext(fixtureCatalogue(), fakeGuideSource(channels, now - 12 * HOUR))
    context = {
      ...base,
      liveChannels: async () =>
        fail ? { status: 'failed', channels: [] } : { status: 'ok', channels },
    } as AppContext
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    expect(snap()).toMatchObject({ status: 'failed', renderedRows: 0 })
    expect(t.component.screen.tag('Empty').text.text).toBe('guide.failed')
    fail = false
    t.press('Enter')
    await settle()
    t.step()
    expect(snap()).toMatchObject({ status: 'ready', channels: 8, renderedRows: 8 })
    expect(snap().focused).not.toBeNull()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('says so when the operator has no channels', async () => {
    const base = fakeContext()
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(base)
    await settle()
    expect(snap()).toMatchObject({ status: 'empty', renderedRows: 0 })
    expect(t.component.screen.tag('Empty').text.text).toBe('guide.noChannels')
  })

  it('says the programmes are loading, not that there is no information, while the guide is slow', async () => {
    const channels = fakeChannels(8, RIGHTS)
    let answer: (load: Awaited<ReturnType<AppContext['guide']>>) => void = () => undefined
    context = {
      ...fakeContext(),
      liveChannels: async () => ({ status: 'ok', channels }),
      guide: () => new Promise((resolve) => (answer = resolve)),
    }
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    expect(snap()).toMatchObject({ status: 'ready', renderedRows: 8 })
    expect(snap().details.title).toBe('guide.loading')
    answer({ programmes: [], problems: [] })
    await settle()
    expect(snap().details.title).toBe('guide.noInfo')
  })

  it('keeps the grid and says so when the guide cannot be loaded', async () => {
    const channels = fakeChannels(8, RIGHTS)
    const base = fakeContext()
    context = {
      ...base,
      liveChannels: async () => ({ status: 'ok', channels }),
      guide: () => Promise.reject(new Error('HTTP 503')),
    }
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    t = mountApp(Host, { keys: KEYS })
    t.component.screen.bind(context)
    await settle()
    expect(snap()).toMatchObject({ status: 'failed', renderedRows: 8, focused: null })
    expect(snap().details.title).toBe('guide.noInfo')
    expect(warn).toHaveBeenCalled()
    expect(snap().details).toBeDefined()
    // Still moves, through half-hour cells.
    t.press('Right')
    expect(snap().cell.end - snap().cell.start).toBe(30 * MINUTE)
  })

  it('loads the programmes by itself once the backend answers again', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] })
    try {
      const channels = fakeChannels(8, RIGHTS)
      const source = fakeGuideSource(channels, now - 12 * HOUR)
      let fail = true
      const base = fakeContext(fixtureCatalogue(), source)
      context = {
        ...base,
        liveChannels: async () => ({ status: 'ok', channels }),
        guide: (ids, from, to, signal) =>
          fail ? Promise.reject(new Error('HTTP 503')) : base.guide(ids, from, to, signal),
      }
      jest.spyOn(console, 'warn').mockImplementation(() => undefined)
      t = mountApp(Host, { keys: KEYS })
      t.component.screen.bind(context)
      t.component.screen._active()
      await jest.advanceTimersByTimeAsync(10)
      expect(snap().status).toBe('failed')
      fail = false
      await jest.advanceTimersByTimeAsync(30_000)
      t.step()
      expect(snap().status).toBe('ready')
      expect(snap().focused).not.toBeNull()
    } finally {
      t.component.screen._inactive()
      jest.useRealTimers()
    }
  })
})
