import { audienceSegments, daypartOf, type Viewing } from '../../../src/consent/segments'
import { adTargeting } from '../../../src/consent/adTargeting'
import { fakeContext } from '../../harness/fakeContext'

const at = (hour: number) => Date.UTC(2026, 11, 1, hour)
const utcHour = (ms: number) => new Date(ms).getUTCHours()
const drama = { genres: ['drama', 'crime'], language: 'fr', brand: 'rtbf' }

describe('audience segments', () => {
  test('parts of the day', () => {
    expect([5, 6, 12, 18, 23].map(daypartOf)).toEqual([
      'night',
      'morning',
      'afternoon',
      'evening',
      'night',
    ])
  })

  test('traits seen in at least two titles become segment ids, strongest first', () => {
    const viewings: Viewing[] = [
      { title: drama, at: at(20) },
      { title: { ...drama, genres: ['drama'] }, at: at(21) },
      { title: { genres: ['comedy'], language: 'nl', brand: 'vrt' }, at: at(9) },
    ]
    expect(audienceSegments(viewings, utcHour)).toEqual([
      'genre-drama',
      'lang-fr',
      'brand-rtbf',
      'daypart-evening',
    ])
  })

  test('one title is not a taste, and a genre repeated in one title counts once', () => {
    expect(
      audienceSegments([{ title: { ...drama, genres: ['drama', 'drama'] }, at: at(20) }], utcHour),
    ).toEqual([])
  })

  test('ids are slugs whatever the catalogue holds; unknown titles still count for the hour', () => {
    const odd = { genres: ['Science Fiction!'], language: 'NL', brand: 'Studio 100 <b>' }
    const viewings = [
      { title: odd, at: at(8) },
      { title: odd, at: at(9) },
      { title: undefined, at: at(10) },
    ]
    expect(audienceSegments(viewings, utcHour)).toEqual([
      'genre-science-fiction',
      'lang-nl',
      'brand-studio-100-b',
      'daypart-morning',
    ])
  })

  test('at most three genres', () => {
    const title = { genres: ['a', 'b', 'c', 'd'], language: 'fr', brand: 'x' }
    const segments = audienceSegments(
      [
        { title, at: at(1) },
        { title, at: at(2) },
      ],
      utcHour,
    )
    expect(segments.filter((s) => s.startsWith('genre-'))).toEqual([
      'genre-a',
      'genre-b',
      'genre-c',
    ])
  })
})

describe('adTargeting on the context', () => {
  const watch = (context: ReturnType<typeof fakeContext>, ids: string[]) =>
    ids.forEach((id) => context.progress.save({ id, titleId: id, position: 100, duration: 6000 }))

  test('not personalised without consent, with only segment ids once consented', () => {
    const context = fakeContext()
    watch(context, ['rosetta', 'rundskop'])
    expect(context.adTargeting()).toEqual({ personalised: false, segments: [] })
    context.consent.acceptAll()
    // Both are dramas; fr/nl and rtbf/vrt once each; saved at 12:00 UTC.
    expect(context.adTargeting()).toEqual({
      personalised: true,
      segments: ['genre-drama', 'daypart-afternoon'],
    })
    context.consent.decide({ ads: false, audience: true, quality: true })
    expect(context.adTargeting()).toEqual({ personalised: false, segments: [] })
  })

  test('never for a kids profile, even with consent', () => {
    const context = fakeContext()
    const kid = context.profiles.add({ name: 'Lou', kids: true })
    if (!kid.ok) throw new Error('profile not added')
    context.profiles.select(kid.state.profiles.at(-1)!.id)
    context.consent.acceptAll()
    watch(context, ['rosetta', 'rundskop'])
    expect(context.adTargeting()).toEqual({ personalised: false, segments: [] })
  })

  test('pure input: kids or no consent short-circuit', () => {
    const input = { entries: [], catalogue: undefined, hourOf: utcHour }
    expect(adTargeting({ ...input, adsGranted: true, kids: true }).personalised).toBe(false)
    expect(adTargeting({ ...input, adsGranted: true, kids: false })).toEqual({
      personalised: true,
      segments: [],
    })
  })
})
