import { liveBadgeText, liveEdgeTarget, liveLag, timeShiftHint } from '../../../src/player/liveLag'

const t = (key: string, values?: Record<string, string | number>) =>
  ({
    'player.live': 'DIRECT',
    'live.behind': `En différé de ${values?.time}`,
    'live.backToLiveHint': 'Vert : retour au direct',
  })[key] ?? key

describe('how far behind live the picture is', () => {
  it('is live within a few seconds of the seek range end (a stall or two)', () => {
    expect(liveLag({ current: 995, start: 0, end: 1000 })).toEqual({ behind: 5, live: true })
    expect(liveLag({ current: 990, start: 0, end: 1000 })).toEqual({ behind: 10, live: true })
    expect(liveLag({ current: 1003, start: 0, end: 1000 })).toEqual({ behind: 0, live: true })
  })

  it('is time-shifted one step back, and counts a seek on its way', () => {
    expect(liveLag({ current: 967, start: 0, end: 1000 })).toEqual({ behind: 33, live: false })
    expect(liveLag({ current: 997, start: 0, end: 1000 }, 940).live).toBe(false)
  })

  it('puts DIRECT on the badge at live, how far behind otherwise', () => {
    expect(liveBadgeText({ behind: 2, live: true }, t)).toBe('DIRECT')
    expect(liveBadgeText({ behind: 1800, live: false }, t)).toBe('-30:00')
    expect(liveBadgeText({ behind: 3725, live: false }, t)).toBe('-1:02:05')
    expect(timeShiftHint({ behind: 33, live: false }, t)).toBe(
      'En différé de 0:33 · Vert : retour au direct',
    )
  })

  it('goes back to live as near the edge as the player keeps playing, inside the window', () => {
    expect(liveEdgeTarget({ start: 0, end: 1000 })).toBe(997)
    expect(liveEdgeTarget({ start: 999, end: 1000 })).toBe(999)
  })
})
