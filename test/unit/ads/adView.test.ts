import { adSpeech, adView } from '../../../src/ads/adView'
import type { AdState } from '../../../src/player/playbackState'

const t = (key: string, values: Record<string, string | number> = {}) =>
  ({
    'player.ad.label': 'Publicité',
    'player.ad.heading': 'Publicité · {index} sur {count} · {remaining}',
    'player.ad.skipIn': 'Passer dans {seconds} s',
    'player.ad.skip': 'Passer',
    'player.paused': 'En pause',
  })[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]))

const ad = (patch: Partial<AdState>): AdState => ({
  index: 1,
  count: 2,
  remaining: 11.2,
  skipIn: null,
  ...patch,
})

describe('adView', () => {
  test('"Publicité · 1 sur 2 · 0:12", seconds left rounded up; no skip for a non-skippable ad', () => {
    expect(adView(ad({}), t)).toEqual({
      heading: 'Publicité · 1 sur 2 · 0:12',
      skip: null,
      canSkip: false,
    })
  })

  test('"Passer dans 5 s" while counting, then "Passer" taking OK', () => {
    expect(adView(ad({ skipIn: 4.2 }), t)).toMatchObject({
      skip: 'Passer dans 5 s',
      canSkip: false,
    })
    expect(adView(ad({ skipIn: 0 }), t)).toMatchObject({ skip: 'Passer', canSkip: true })
  })

  test('before the first ad is known, just "Publicité"', () => {
    expect(adView(ad({ index: 0, count: 0 }), t).heading).toBe('Publicité')
  })

  test('a paused ad says so after its heading', () => {
    expect(adView(ad({}), t, true).heading).toBe('Publicité · 1 sur 2 · 0:12 · En pause')
    expect(adView(ad({ index: 0, count: 0 }), t, true).heading).toBe('Publicité · En pause')
  })
})

describe('adSpeech', () => {
  const view: { heading: string; skip: string | null } = {
    heading: 'Publicité · 1 sur 2 · 0:15',
    skip: 'Passer dans 5 s',
  }
  const ad = (index: number, skipIn: number | null) => ({ index, count: 2, remaining: 15, skipIn })

  test('each ad is said as it starts, its skip once it may be skipped, and nothing else twice', () => {
    let said = ''
    const next = (state: ReturnType<typeof ad> | undefined, shown = view) => {
      const speech = adSpeech(said, state, shown)
      said = speech.said
      return speech.text
    }
    expect(next(ad(1, 5))).toBe('Publicité · 1 sur 2 · 0:15')
    expect(next(ad(1, 4))).toBeNull()
    expect(next(ad(1, 0), { ...view, skip: 'Passer' })).toBe('Passer')
    expect(next(ad(1, 0), { ...view, skip: 'Passer' })).toBeNull()
    expect(next(ad(2, null), { heading: 'Publicité · 2 sur 2 · 0:10', skip: null })).toBe(
      'Publicité · 2 sur 2 · 0:10',
    )
    expect(next(undefined)).toBeNull()
    expect(said).toBe('')
    // A new break's first ad is said again.
    expect(next(ad(1, null))).toBe('Publicité · 1 sur 2 · 0:15')
  })
})
