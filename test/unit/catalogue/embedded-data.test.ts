import { existsSync, readFileSync } from 'fs'
import { join } from 'path'
import { parseCatalogueDocument } from '../../../src/catalogue/parse'
import type { Title } from '../../../src/catalogue/schema'

const FILE = join(__dirname, '../../../static/catalogue/titles.json')
const present = existsSync(FILE)

/** The shipped catalogue, validated once for all the checks below. */
function load() {
  const document: unknown = JSON.parse(readFileSync(FILE, 'utf8'))
  const rawCount = (document as { titles: unknown[] }).titles.length
  return { rawCount, ...parseCatalogueDocument(document, 'embedded', FILE) }
}

const episodeIds = (title: Title): string[] =>
  title.kind === 'series'
    ? title.seasons.flatMap((season) => season.episodes.map((episode) => episode.id))
    : []

/** Skipped only while the file does not exist yet. */
const check = present ? test : test.skip

describe('static/catalogue/titles.json', () => {
  const { rawCount, titles, problems } = present
    ? load()
    : { rawCount: 0, titles: [] as Title[], problems: [] }

  check('every title is valid', () => {
    expect(problems.map((problem) => `${problem.itemId}: ${problem.message}`)).toEqual([])
    expect(titles).toHaveLength(rawCount)
  })

  check('ids are unique across titles and episodes', () => {
    const ids = titles.flatMap((title) => [title.id, ...episodeIds(title)])
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i)
    expect(duplicates).toEqual([])
  })

  check('has at least 60 titles, at least 4 of them series', () => {
    expect(titles.length).toBeGreaterThanOrEqual(60)
    expect(titles.filter((title) => title.kind === 'series').length).toBeGreaterThanOrEqual(4)
  })

  check('every title has its title and synopsis in French, Dutch and English', () => {
    const missing = titles.flatMap((title) =>
      (['fr', 'nl', 'en'] as const).flatMap((lang) => [
        ...(title.title[lang] ? [] : [`${title.id} title.${lang}`]),
        ...(title.synopsis[lang] ? [] : [`${title.id} synopsis.${lang}`]),
      ]),
    )
    expect(missing).toEqual([])
  })

  check('season and episode numbers are unique within their series', () => {
    const clashes = titles.flatMap((title) => {
      if (title.kind !== 'series') return []
      const seasons = title.seasons.map((season) => season.number)
      const episodes = title.seasons.flatMap((season) =>
        season.episodes.map((episode) => `${season.number}.${episode.number}`),
      )
      return [...seasons, ...episodes]
        .filter((n, i, all) => all.indexOf(n) !== i)
        .map((n) => `${title.id} ${n}`)
    })
    expect(clashes).toEqual([])
  })
})
