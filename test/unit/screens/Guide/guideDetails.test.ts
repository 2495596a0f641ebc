import type { Translate } from '../../../../src/catalogue/offers'
import { NOT_RATED } from '../../../../src/catalogue/ratings'
import type { Programme } from '../../../../src/guide/contract'
import { guideDetails, offerText } from '../../../../src/screens/Guide/guideDetails'
import translations from '../../../../static/translations.json'
import { wallZone } from '../../../../src/i18n/wallZone'

const BOX = wallZone('box')

const FR = translations.fr as Record<string, string>
const t: Translate = (key, values) =>
  (FR[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const START = new Date(2026, 11, 5, 20, 30).getTime()
const channel = { name: 'Ardenne 1', restart: false, replayDays: 0, catchup: undefined }

const programme = (episode?: Programme['episode']): Programme => ({
  id: `ardenne-1-${START}`,
  channelId: 'ardenne-1',
  start: START,
  end: START + 3_600_000,
  title: { fr: 'La Trêve' },
  classification: NOT_RATED,
  restart: false,
  replay: false,
  ...(episode ? { episode } : {}),
})

const meta = (episode?: Programme['episode']) =>
  guideDetails(
    { start: START, end: START + 3_600_000, programme: programme(episode) },
    channel,
    START,
    ['fr'],
    t,
    BOX,
  ).meta

describe('guideDetails', () => {
  test('an episode is named with its season when the guide gives one', () => {
    expect(meta({ season: 3, episode: 7 })).toMatch(/ · Saison 3, Épisode 7$/)
    expect(meta({ episode: 7 })).toMatch(/ · Épisode 7$/)
    expect(meta({ season: 2 })).toMatch(/ · Saison 2$/)
    expect(meta()).not.toMatch(/Saison|Épisode/)
  })
})

describe('offerText: why a programme over cannot be replayed', () => {
  const over = { ...programme(), replay: true }
  const later = START + 4 * 3_600_000
  const text = (rights: Parameters<typeof offerText>[1], p: Programme = over) =>
    offerText(p, rights, later, 'fr', t, BOX)

  test('the channel keeps no replay, the window has closed, or the programme may not be replayed', () => {
    expect(text(channel)).toBe('Cette chaîne ne propose pas de replay')
    const catchup = { ...channel, replayDays: 7, catchup: { dash: 'http://c/catchup.mpd' } }
    expect(text(catchup, { ...over, replay: false })).toBe(
      'Replay non disponible pour ce programme',
    )
    expect(offerText(over, catchup, START + 9 * 86_400_000, 'fr', t, BOX)).toBe(
      'Le replay de ce programme n’est plus disponible',
    )
  })
})
