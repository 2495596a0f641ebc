// Derives a large catalogue (e.g. 10,000 titles) from the embedded one, for the benchmark's scale
// run and for trying the app with a catalogue the size of a real operator's.
//
//   import { generateLargeCatalogue } from './lib/large-catalogue.mjs'
//   const document = generateLargeCatalogue({ count: 10_000, baseCatalogue })
//   const withRails = generateLargeCatalogue({ count: 10_000, baseCatalogue, rails: true })
//
// - The base titles come first, unchanged; then copies of them, cycling through the base in
//   order, each copy with a unique id (`<id>-c<n>`), a unique title in every language
//   (`<title> · <n>`), unique episode ids, and the base title's artwork and streams reused.
// - The result has the same shape as static/catalogue/titles.json and passes the schema of
//   src/catalogue/schema.ts (strict objects: no field is added, none removed).
// - Deterministic: the same base and count give the same document.
// - With `rails: true` the document also carries a `rails` layout ({ id, name, itemIds }), as an
//   operator's catalogue served over HTTP does (docs/catalogue-api/README.md): the rails the app
//   builds for itself from a whole catalogue (src/catalogue/rails.ts), named in fr/nl/en/de. The
//   reference server (scripts/lib/catalogue-server.mjs) then pages each rail. Without it the
//   output is unchanged (`version` and `titles` only).
// - Artwork URLs are reused cyclically, so a 10,000-title catalogue has only as many distinct
//   images as the base: texture memory measured with it is optimistic compared with 10,000
//   distinct posters (which would be 20,000 generated files).

const TITLE_MAX = 200
const ID_PATTERN = /^[a-z0-9-]+$/

/**
 * @param {{ count: number, baseCatalogue: { version: number, titles: unknown[] }, rails?: boolean }} options
 * @returns {{ version: 1, titles: object[], rails?: { id: string, name: object, itemIds: string[] }[] }}
 */
export function generateLargeCatalogue({ count, baseCatalogue, rails = false }) {
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
  return rails ? { version: 1, titles, rails: railLayout(titles) } : { version: 1, titles }
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

const isBelgian = (title) => title.countries?.[0] === 'BE'
const hasGenre = (genres) => (title) => (title.genres ?? []).some((g) => genres.includes(g))
/** Belgian titles first, otherwise in catalogue order, as the app's own home does. */
const belgianFirst = (titles) => [
  ...titles.filter(isBelgian),
  ...titles.filter((title) => !isBelgian(title)),
]

// Rail names in the app's four languages, the same words its own home rails use.
const NAMES = {
  'made-in-belgium': {
    fr: 'Made in Belgium',
    nl: 'Made in Belgium',
    en: 'Made in Belgium',
    de: 'Made in Belgium',
  },
  'belgian-series': {
    fr: 'Séries belges',
    nl: 'Belgische series',
    en: 'Belgian series',
    de: 'Belgische Serien',
  },
  films: { fr: 'Films', nl: 'Films', en: 'Films', de: 'Filme' },
  'genre-comedy': { fr: 'Comédies', nl: 'Komedie', en: 'Comedy', de: 'Komödie' },
  'genre-thriller': { fr: 'Polars', nl: 'Misdaad', en: 'Crime', de: 'Krimi' },
  'genre-drama': { fr: 'Drames', nl: 'Drama', en: 'Drama', de: 'Drama' },
  'genre-documentary': {
    fr: 'Documentaires',
    nl: 'Documentaires',
    en: 'Documentaries',
    de: 'Dokumentationen',
  },
  family: {
    fr: 'En famille',
    nl: 'Voor het hele gezin',
    en: 'For the whole family',
    de: 'Für die ganze Familie',
  },
  foreign: {
    fr: "Cinéma d'ailleurs",
    nl: 'Film van elders',
    en: 'World cinema',
    de: 'Kino aus aller Welt',
  },
}
const brandName = (name) => ({
  fr: `Chez ${name}`,
  nl: `Van ${name}`,
  en: `From ${name}`,
  de: `Von ${name}`,
})

/** The three brands with the most titles (at least four each). */
function topBrands(titles) {
  const tally = new Map()
  for (const { brand } of titles) {
    if (!brand?.id) continue
    const entry = tally.get(brand.id) ?? { id: brand.id, name: brand.name, n: 0 }
    entry.n++
    tally.set(brand.id, entry)
  }
  return [...tally.values()]
    .filter((entry) => entry.n >= 4)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, 3)
}

/** A home layout like the app's own: Belgian content, films, brands, genres, family, the rest. */
export function railLayout(titles) {
  const rail = (id, items, name = NAMES[id]) => ({ id, name, itemIds: items.map((t) => t.id) })
  const belgian = titles.filter(isBelgian)
  return [
    rail('made-in-belgium', belgian),
    rail(
      'belgian-series',
      belgian.filter((t) => t.kind === 'series'),
    ),
    rail('films', belgianFirst(titles.filter((t) => t.kind === 'film'))),
    ...topBrands(titles).map((brand) =>
      rail(
        `brand-${brand.id}`,
        belgianFirst(titles.filter((t) => t.brand?.id === brand.id)),
        brandName(brand.name),
      ),
    ),
    rail('genre-comedy', belgianFirst(titles.filter(hasGenre(['comedy'])))),
    rail('genre-thriller', belgianFirst(titles.filter(hasGenre(['thriller', 'crime', 'mystery'])))),
    rail('genre-drama', belgianFirst(titles.filter(hasGenre(['drama'])))),
    rail('genre-documentary', belgianFirst(titles.filter(hasGenre(['documentary'])))),
    rail('family', belgianFirst(titles.filter(hasGenre(['family', 'animation'])))),
    rail(
      'foreign',
      titles.filter((t) => !isBelgian(t)),
    ),
  ].filter((r) => r.itemIds.length > 0)
}
