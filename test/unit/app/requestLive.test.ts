import type { AppContext } from '../../../src/app/context'
import type { GuideSource } from '../../../src/guide/contract'
import { GUIDE_WAIT_MS, GUIDE_WAIT_UNANSWERED_MS } from '../../../src/guide/guideHealth'
import { requestLive, requestReplay } from '../../../src/app/requestLive'
import { classify } from '../../../src/catalogue/ratings'
import type Player from '../../../src/screens/Player'
import { fakeContext, fixtureCatalogue } from '../../harness/fakeContext'
import { fakeChannels, fakeGuideSource, HOUR } from '../../harness/fakeGuide'

const channels = fakeChannels(2, {
  restart: true,
  replayDays: 7,
  catchup: { hls: 'https://replay.example.be/ch/{start}-{end}.m3u8' },
})

function fakePage() {
  return {
    showMissing: jest.fn(),
    tuneTo: jest.fn(),
    playLive: jest.fn(() => true),
    playReplay: jest.fn(() => true),
  }
}

describe('the parental gate for live and replay', () => {
  let context: AppContext
  let page: ReturnType<typeof fakePage>
  let now: number
  let adultOnCh2: boolean
  let onCh2: ReturnType<typeof classify>

  beforeEach(() => {
    now = fakeContext().platform.wallClock()
    adultOnCh2 = true
    onCh2 = classify([{ system: 'CSA', value: '18' }])
    const source = fakeGuideSource(channels, now - 12 * HOUR, {
      minutes: () => 60,
      patch: (p) => (p.channelId === 'ch-2' && adultOnCh2 ? { classification: onCh2 } : {}),
    })
    context = fakeContext(fixtureCatalogue(), source)
    page = fakePage()
  })

  it('tunes a channel whose programme on air is for everyone', async () => {
    await requestLive(context, page as unknown as Player, 'ch-1', channels)
    expect(page.playLive).toHaveBeenCalledWith('ch-1', channels, expect.any(Function))
    expect(page.showMissing).not.toHaveBeenCalled()
  })

  it('asks the parental PIN for a -18 programme on air and plays once it is given', async () => {
    const asked = jest.fn(async () => true)
    context.askPin = asked
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.showMissing).toHaveBeenCalledWith('ch-2', 'live', 'locked', {}, expect.anything())
    expect(asked).toHaveBeenCalledWith('parental', expect.objectContaining({ reason: 'adult' }))
    // Zapping lands on the prompt with nothing else on screen: it names the channel.
    expect(asked).toHaveBeenCalledWith(
      'parental',
      expect.objectContaining({ subject: expect.stringContaining(channels[1]!.name) }),
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(page.playLive).toHaveBeenCalledWith('ch-2', channels, expect.any(Function))
  })

  it('a programme the guide gives no rating plays, as TV broadcast without a pictogram', async () => {
    onCh2 = classify([])
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.playLive).toHaveBeenCalledWith('ch-2', channels, expect.any(Function))
    expect(page.showMissing).not.toHaveBeenCalled()
  })

  it('an operator may lock programmes without a rating', async () => {
    onCh2 = classify([])
    context.config.parental = { ...context.config.parental, unratedProgrammes: 'ask' }
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.showMissing).toHaveBeenCalledWith('ch-2', 'live', 'locked', {}, expect.anything())
  })

  it('a rating the app cannot read always locks', async () => {
    onCh2 = classify([{ system: 'XYZ', value: 'B' }])
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.showMissing).toHaveBeenCalledWith('ch-2', 'live', 'locked', {}, expect.anything())
  })

  it('a locked channel is still the one tuned: zapping goes on from it while the PIN is asked', async () => {
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.tuneTo).toHaveBeenCalledWith('ch-2', channels)
    expect(page.playLive).not.toHaveBeenCalled()
  })

  it('a refused PIN plays nothing', async () => {
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(page.playLive).not.toHaveBeenCalled()
  })

  it('a kids profile has no live TV or replay, whatever is on air (home offers none)', async () => {
    const kid = context.profiles.add({ name: 'Léa', kids: true, maxAge: 10 })
    if (!kid.ok) throw new Error('fixture')
    context.profiles.select(kid.profile.id)
    await requestLive(context, page as unknown as Player, 'ch-2', channels)
    expect(page.showMissing).toHaveBeenCalledWith('ch-2', 'live', 'kids')
    // ch-1 has a programme for everyone on air.
    await requestLive(context, page as unknown as Player, 'ch-1', channels)
    expect(page.showMissing).toHaveBeenCalledWith('ch-1', 'live', 'kids')
    const start = now - 12 * HOUR
    await requestReplay(context, page as unknown as Player, channels[0]!, start)
    expect(page.showMissing).toHaveBeenCalledWith(`ch-1/${start}`, 'replay', 'kids')
    expect(page.playLive).not.toHaveBeenCalled()
    expect(page.playReplay).not.toHaveBeenCalled()
  })

  it('while playing, a programme change to a locked one stops and asks; an open one does nothing', async () => {
    await requestLive(context, page as unknown as Player, 'ch-1', channels, true)
    expect(page.showMissing).not.toHaveBeenCalled()
    expect(page.playLive).not.toHaveBeenCalled()
    await requestLive(context, page as unknown as Player, 'ch-2', channels, true)
    expect(page.showMissing).toHaveBeenCalledWith('ch-2', 'live', 'locked', {}, expect.anything())
  })

  it('replays a past programme from the catch-up template, behind the same gate', async () => {
    // Programmes are an hour long from twelve hours before now: one starts three hours before.
    const aligned = now - 3 * HOUR
    await requestReplay(context, page as unknown as Player, channels[0]!, aligned)
    expect(page.playReplay).toHaveBeenCalledWith(
      channels[0],
      expect.objectContaining({ start: aligned }),
      {
        url: `https://replay.example.be/ch/${aligned / 1000}-${aligned / 1000 + 3600}.m3u8`,
        format: 'hls',
      },
    )
  })

  it('refuses a replay the channel has no rights for', async () => {
    const past = now - 12 * HOUR
    await requestReplay(
      context,
      page as unknown as Player,
      { ...channels[0]!, replayDays: 0 },
      past,
    )
    expect(page.playReplay).not.toHaveBeenCalled()
    expect(page.showMissing).toHaveBeenCalledWith(`ch-1/${past}`, 'replay', 'expired')
  })
})

describe('tuning while the guide hangs', () => {
  /** A guide that answers only when told to, as an export stuck on a slow server. */
  function hangingGuide() {
    const calls: { resolve: () => void }[] = []
    const source: GuideSource = {
      name: 'hanging',
      guide: (_ids, _from, _to, { signal }) =>
        new Promise((resolve, reject) => {
          calls.push({ resolve: () => resolve({ programmes: [], problems: [] }) })
          signal.addEventListener('abort', () => {
            const error = new Error('aborted')
            error.name = 'AbortError'
            reject(error)
          })
        }),
      dispose: () => undefined,
    }
    return { source, calls }
  }

  afterEach(() => jest.useRealTimers())

  it('waits the whole wait once, then only briefly per zap until the guide answers again', async () => {
    jest.useFakeTimers()
    const { source, calls } = hangingGuide()
    const context = fakeContext(fixtureCatalogue(), source)
    const page = fakePage()
    const tune = (id: string) => requestLive(context, page as unknown as Player, id, channels)

    const first = tune('ch-1')
    await jest.advanceTimersByTimeAsync(GUIDE_WAIT_MS - 1)
    expect(page.playLive).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1)
    await first
    expect(page.playLive).toHaveBeenCalledTimes(1)
    expect(context.guideHealth.value.unansweredSince).toEqual(expect.any(Number))

    // The next zap does not wait 4 s again for the same silence.
    const second = tune('ch-2')
    await jest.advanceTimersByTimeAsync(GUIDE_WAIT_UNANSWERED_MS)
    await second
    expect(page.playLive).toHaveBeenCalledTimes(2)

    // The guide answers: the next tune waits for its rating again, and the warning goes.
    const third = tune('ch-1')
    await jest.advanceTimersByTimeAsync(0)
    calls.at(-1)!.resolve()
    await jest.advanceTimersByTimeAsync(0)
    await third
    expect(page.playLive).toHaveBeenCalledTimes(3)
    expect(context.guideHealth.value.unansweredSince).toBeUndefined()
    void tune('ch-2')
    await jest.advanceTimersByTimeAsync(GUIDE_WAIT_UNANSWERED_MS)
    expect(page.playLive).toHaveBeenCalledTimes(3)
  })
})
