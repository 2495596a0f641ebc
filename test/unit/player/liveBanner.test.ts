import { bannerModel } from '../../../src/player/liveBanner'
import { liveSeekTarget, restartPlan } from '../../../src/player/liveRestart'
import { fakeTranslate } from '../../harness/fakeContext'
import { fakeChannels, fakeSchedule, HOUR, MINUTE } from '../../harness/fakeGuide'
import { wallZone } from '../../../src/i18n/wallZone'

const BOX = wallZone('box')

const T0 = new Date(2026, 11, 2, 20, 0).getTime()
const [channel] = fakeChannels(1, { restart: true, replayDays: 7, logo: 'https://x/logo.png' })
const programmes = fakeSchedule([channel!], T0, T0 - 2 * HOUR, T0 + 2 * HOUR, { minutes: () => 60 })

describe('live banner model', () => {
  it('shows the channel, what is on with its progress, and what follows', () => {
    const model = bannerModel(channel!, programmes, T0 + 15 * MINUTE, ['fr'], fakeTranslate, BOX)
    expect(model).toMatchObject({
      channelId: 'ch-1',
      number: '1',
      name: 'Chaîne 1',
      logo: 'https://x/logo.png',
      progress: 0.25,
      restart: true,
      hint: 'live.restartHint',
    })
    expect(model.now!.time).toBe('20:00 – 21:00')
    expect(model.next!.time).toBe('21:00 – 22:00')
  })

  it('says there is no information in a hole of the guide, and offers no restart', () => {
    const model = bannerModel(channel!, [], T0, ['fr'], fakeTranslate, BOX)
    expect(model.now).toEqual({ time: '', title: 'live.noProgramme' })
    expect(model).toMatchObject({ next: null, progress: 0, restart: false, hint: '' })
  })

  it('says the programme is on its way while the guide has not answered', () => {
    const model = bannerModel(channel!, [], T0, ['fr'], fakeTranslate, BOX, true)
    expect(model.now).toEqual({ time: '', title: 'guide.loading' })
  })

  it('offers no restart on a channel without the right', () => {
    const model = bannerModel(
      { ...channel!, restart: false },
      programmes,
      T0,
      ['fr'],
      fakeTranslate,
      BOX,
    )
    expect(model.restart).toBe(false)
  })
})

describe('restart and timeshift seeking', () => {
  const range = { start: 1000, end: 1000 + 3 * 3600 }
  const onAir = programmes.find((p) => p.start === T0)

  it('restarts as many seconds behind the live edge as the programme has been on', () => {
    expect(restartPlan(onAir, channel!, T0 + 20 * MINUTE, range)).toEqual({
      ok: true,
      position: range.end - 20 * 60,
    })
  })

  it('refuses without rights, without a programme, or beyond the window', () => {
    expect(restartPlan(onAir, { ...channel!, restart: false }, T0 + MINUTE, range)).toEqual({
      ok: false,
      reason: 'rights',
    })
    expect(restartPlan(undefined, channel!, T0, range)).toEqual({
      ok: false,
      reason: 'no-programme',
    })
    const short = { start: range.end - 600, end: range.end }
    expect(restartPlan(onAir, channel!, T0 + 20 * MINUTE, short)).toEqual({
      ok: false,
      reason: 'beyond',
    })
  })

  it('seeks inside the window, never past the live edge', () => {
    expect(liveSeekTarget(range.end - 100, -30, range)).toBe(range.end - 130)
    expect(liveSeekTarget(range.end - 1, 30, range)).toBe(range.end - 3)
    expect(liveSeekTarget(range.start + 10, -30, range)).toBe(range.start)
  })
})
