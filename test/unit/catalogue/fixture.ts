import raw from '../../fixtures/catalogue-small.json'
import { titleSchema, type Film, type Series, type Title } from '../../../src/catalogue/schema'

/** A fresh deep copy of the fixture document, safe to break in a test. */
export const fixtureDocument = (): {
  version: number
  titles: Record<string, unknown>[]
} =>
  JSON.parse(JSON.stringify(raw)) as {
    version: number
    titles: Record<string, unknown>[]
  }

/** A fresh copy of one raw fixture item, by id. */
export function rawTitle(id: string): Record<string, unknown> {
  const item = fixtureDocument().titles.find((title) => title.id === id)
  if (!item) throw new Error(`no fixture title "${id}"`)
  return item
}

/** The fixture's titles, validated. */
export const fixtureTitles = (): Title[] =>
  fixtureDocument().titles.map((item) => titleSchema.parse(item))

/** "rosetta": Belgian film, RTBF, drama, free, 95 min, fr/nl/en text. */
export const rosetta = (): Film => titleSchema.parse(rawTitle('rosetta')) as Film
/** "la-treve": Belgian series, two seasons of three episodes. */
export const laTreve = (): Series => titleSchema.parse(rawTitle('la-treve')) as Series

/** A valid made-up film, built from the fixture's first film with the given fields replaced. */
export function makeFilm(id: string, fields: Record<string, unknown> = {}): Title {
  return titleSchema.parse({ ...rawTitle('rosetta'), id, ...fields })
}

/** A valid made-up series, built from the fixture's series with the given fields replaced. */
export function makeSeries(id: string, fields: Record<string, unknown> = {}): Title {
  const base = rawTitle('la-treve')
  const seasons = (base.seasons as { number: number; episodes: { id: string }[] }[]).map(
    (season) => ({
      ...season,
      episodes: season.episodes.map((episode) => ({
        ...episode,
        id: episode.id.replace('la-treve', id),
      })),
    }),
  )
  return titleSchema.parse({ ...base, id, seasons, ...fields })
}
