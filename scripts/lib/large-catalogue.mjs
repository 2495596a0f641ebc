// Derives a large catalogue (e.g. 10,000 titles) from the embedded one, for the benchmark's scale
// run and for trying the app with a catalogue the size of a real operator's.
//
//   import { generateLargeCatalogue } from './lib/large-catalogue.mjs'
//   const document = generateLargeCatalogue({ count: 10_000, baseCatalogue })
//
// - The base titles come first, unchanged; then copies of them, cycling through the base in
//   order, each copy with a unique id (`<id>-c<n>`), a unique title in every language
//   (`<title> · <n>`), unique episode ids, and the base title's artwork and streams reused.
// - The result has the same shape as static/catalogue/titles.json and passes the schema of
//   src/catalogue/schema.ts (strict objects: no field is added, none removed).
// - Deterministic: the same base and count give the same document.
// - Artwork URLs are reused cyclically, so a 10,000-title catalogue has only as many distinct
//   images as the base: texture memory measured with it is optimistic compared with 10,000
//   distinct posters (which would be 20,000 generated files).

const TITLE_MAX = 200
const ID_PATTERN = /^[a-z0-9-]+$/

/**
 * @param {{ count: number, baseCatalogue: { version: number, titles: unknown[] } }} options
 * @returns {{ version: 1, titles: object[] }}
 */
export function generateLargeCatalogue({ count, baseCatalogue }) {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`)
  const base = usableBase(baseCatalogue)
  if (base.length === 0) throw new Error('the base catalogue has no usable titles')

  const usedIds = new Set(base.map((title) => title.id))
  const usedEpisodeIds = new Set(base.flatMap(episodeIds))
  const titles = []
  for (let i = 0; i < count; i++) {
    const source = base[i % base.length]
    const copy = Math.floor(i / base.length)
    titles.push(copy === 0 ? source : derive(source, copy, usedIds, usedEpisodeIds))
  }
  return { version: 1, titles }
}

/** Titles of the base that look like titles (an id slug, a kind); anything else is left out. */
function usableBase(document) {
  if (!document || !Array.isArray(document.titles))
    throw new Error('the base catalogue has no "titles" array')
  const seen = new Set()
  return document.titles.filter((title) => {
    const ok =
      title &&
      typeof title === 'object' &&
      typeof title.id === 'string' &&
      ID_PATTERN.test(title.id) &&
      (title.kind === 'film' || title.kind === 'series') &&
      !seen.has(title.id)
    if (ok) seen.add(title.id)
    return ok
  })
}

function episodeIds(title) {
  if (title.kind !== 'series' || !Array.isArray(title.seasons)) return []
  return title.seasons.flatMap((season) => (season.episodes ?? []).map((episode) => episode.id))
}

function uniqueId(wanted, used) {
  let id = wanted
  for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`
  used.add(id)
  return id
}

/** Appends the copy number to every language of a title, keeping it within the schema's limit. */
function numbered(text, suffix) {
  const out = {}
  for (const [language, value] of Object.entries(text)) {
    if (typeof value !== 'string') continue
    out[language] = `${value.slice(0, TITLE_MAX - suffix.length)}${suffix}`
  }
  return out
}

function derive(source, copy, usedIds, usedEpisodeIds) {
  const n = copy + 1
  const suffix = ` · ${n}`
  const title = structuredClone(source)
  title.id = uniqueId(`${source.id}-c${n}`, usedIds)
  title.title = numbered(source.title, suffix)
  title.originalTitle = `${source.originalTitle.slice(0, TITLE_MAX - suffix.length)}${suffix}`
  if (title.kind === 'series') {
    for (const season of title.seasons) {
      for (const episode of season.episodes) {
        episode.id = uniqueId(`${episode.id}-c${n}`, usedEpisodeIds)
      }
    }
  }
  return title
}
