import { buildAdTag, planAds, type AdPlanInput } from '../../../src/ads/plan'

const base: AdPlanInput = {
  settings: {
    enabled: true,
    tagUrl: 'http://ads.operator.be/vast?cb=[CACHEBUSTING]',
    timeoutMs: 2000,
    segmentsParam: 'seg',
  },
  access: { kind: 'ads' },
  ads: { breaks: [600, 0, 300, 300] },
  kids: false,
  targeting: { personalised: true, segments: ['g-drama', 'lang-nl'] },
  titleId: 'rosetta',
  now: Date.UTC(2026, 0, 1),
  random: () => 0.5,
}

describe('planAds', () => {
  test('breaks: a pre-roll and mid-rolls in order, each asking the operator tag', () => {
    const plan = planAds(base)
    if (plan?.kind !== 'breaks') throw new Error('expected breaks')
    expect(plan.breaks.map((b) => b.offset)).toEqual(['start', 300, 600])
    expect(plan.breaks[1]?.tagUrl).toBe(
      'http://ads.operator.be/vast?cb=50000000&title=rosetta&pos=300&npa=0&seg=g-drama%2Clang-nl',
    )
  })

  test('the title\'s VMAP wins over breaks, which become the opportunities its "#m" names', () => {
    expect(planAds({ ...base, ads: { vmap: 'http://a/vmap', breaks: [600, 10, 600] } })).toEqual({
      kind: 'vmap',
      url: 'http://a/vmap?npa=0',
      segments: ['g-drama', 'lang-nl'],
      limitAdTracking: false,
      positions: [10, 600],
    })
    expect(planAds({ ...base, ads: { vmap: 'http://a/vmap' } })).not.toHaveProperty('positions')
    // The pre-roll is the VMAP's "start": "#1" is the first cue point after it.
    expect(planAds({ ...base, ads: { vmap: 'http://a/vmap', breaks: [0, 900] } })).toMatchObject({
      positions: [900],
    })
  })

  test("the segments a VMAP's tags may carry ([SEGMENTS]): none for kids or without consent", () => {
    const vmap = { ...base, ads: { vmap: 'http://a/vmap' } }
    expect(planAds({ ...vmap, kids: true })?.segments).toEqual([])
    expect(
      planAds({ ...vmap, targeting: { personalised: false, segments: ['g-drama'] } })?.segments,
    ).toEqual([])
  })

  test("a VMAP and its tags carry the household's choice: npa and [LIMITADTRACKING]", () => {
    const refused = {
      ...base,
      targeting: { personalised: false, segments: [] },
      ads: { vmap: 'http://a/vmap?title=rosetta' },
    }
    expect(planAds(refused)).toMatchObject({
      url: 'http://a/vmap?title=rosetta&npa=1',
      limitAdTracking: true,
    })
    expect(planAds({ ...refused, targeting: base.targeting, kids: true })).toMatchObject({
      limitAdTracking: true,
    })
    const tag = buildAdTag('http://ads/v?lat=[LIMITADTRACKING]&reg=[REGULATIONS]', {
      ...refused,
      offset: 'start',
    })
    expect(tag).toMatch(/^http:\/\/ads\/v\?lat=1&reg=gdpr&/)
  })

  test('never on a pass, a rental or a free title; never when ads are off or absent', () => {
    const passId = 'movies-series'
    expect(planAds({ ...base, access: { kind: 'pass', passId, activeUntil: null } })).toBeNull()
    expect(planAds({ ...base, access: { kind: 'free' } })).toBeNull()
    expect(
      planAds({
        ...base,
        access: {
          kind: 'rented',
          rental: {
            titleId: 'rosetta',
            startBy: 1,
            expiresAt: null,
            rentalId: 'r',
            offerId: 'rental',
          } as never,
          until: null,
        },
      }),
    ).toBeNull()
    expect(planAds({ ...base, settings: { ...base.settings, enabled: false } })).toBeNull()
    expect(planAds({ ...base, ads: undefined })).toBeNull()
    expect(planAds({ ...base, settings: { ...base.settings, tagUrl: '' } })).toBeNull()
  })
})

describe('buildAdTag', () => {
  test('a kids profile is never personalised, whatever the targeting says', () => {
    const url = buildAdTag('http://a/v?s=[SEGMENTS]', { ...base, kids: true, offset: 'start' })
    expect(url).toBe('http://a/v?s=&title=rosetta&pos=start&npa=1')
  })

  test('without consent no segment leaves the box; [SEGMENTS] works without a param', () => {
    const none = buildAdTag('http://a/v', {
      ...base,
      targeting: { personalised: false, segments: ['g-drama'] },
      offset: 30,
    })
    expect(none).not.toContain('g-drama')
    expect(none).toContain('npa=1')
    const macro = buildAdTag('http://a/v?s=[SEGMENTS]', {
      ...base,
      settings: { ...base.settings, segmentsParam: '' },
      offset: 30,
    })
    expect(macro).toBe('http://a/v?s=g-drama%2Clang-nl&title=rosetta&pos=30&npa=0')
  })
})
