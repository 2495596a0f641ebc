import { adView } from '../../../src/ads/adView'
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
