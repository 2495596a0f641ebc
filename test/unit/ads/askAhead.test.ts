import { ASK_AHEAD_S, breaksToAsk } from '../../../src/ads/askAhead'

const waiting = [60, 300, 600, 900].map((at) => ({ plan: `break ${at}`, at }))
const plans = (list: { plan: string }[]) => list.map((b) => b.plan)

describe('breaksToAsk', () => {
  it(`asks the breaks within ${ASK_AHEAD_S} s ahead, and only those`, () => {
    const { ask, wait } = breaksToAsk(waiting, undefined, 40)
    expect(plans(ask)).toEqual(['break 60'])
    expect(plans(wait)).toEqual(['break 300', 'break 600', 'break 900'])
    expect(plans(breaksToAsk(waiting, 0, 0).ask)).toEqual([])
    expect(plans(breaksToAsk(waiting, 269, 270).ask)).toEqual(['break 300'])
  })

  it('of the breaks a seek went past, asks the last only; the earlier ones keep waiting', () => {
    const { ask, wait } = breaksToAsk(waiting, 10, 700)
    expect(plans(ask)).toEqual(['break 600'])
    expect(plans(wait)).toEqual(['break 60', 'break 300', 'break 900'])
  })

  it('a seek past a break and near the next asks both', () => {
    expect(plans(breaksToAsk(waiting, 10, 280).ask)).toEqual(['break 60', 'break 300'])
  })

  it('going back crosses nothing: only what lies ahead of the new time is asked', () => {
    expect(plans(breaksToAsk(waiting, 700, 50).ask)).toEqual(['break 60'])
  })

  it('without a last time (after a break) nothing counts as crossed', () => {
    expect(plans(breaksToAsk(waiting, undefined, 700).ask)).toEqual([])
  })
})
