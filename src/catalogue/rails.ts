import type { RailLayout } from './backend'
import type { Genre, LocalizedText, Title } from './schema'

/**
 * A home rail: an id (stable, used for focus memory), how to name it (a translation key and its
 * values, so the name follows the UI language) and its titles in display order.
 */
export interface RailSpec {
  id: string
  titleKey: string
  titleValues: Record<string, string>
  /** Values that are translation keys themselves (e.g. a genre name). */
  translatedValues?: Record<string, string>
  /** A backend-provided rail's own name in its languages (titleKey is then 'rail.custom'). */
  names?: LocalizedText
  items: Title[]
  /** Backend rails: cursor of the next page (null or absent: the rail is complete). */
  next?: string | null
  /** Backend rails: pages loaded so far, the first included. */
  pages?: number
  /** Every title of the rail, including those not on offer now (Catalogue keeps `items` filtered). */
  source?: Title[]
}

const isBelgian = (title: Title): boolean => title.countries[0] === 'BE'
/** Made elsewhere, as far as the catalogue knows: feeds that give no country say 'ZZ'. */
const isForeign = (title: Title): boolean =>
  !isBelgian(title) && !!title.countries[0] && title.countries[0] !== 'ZZ'

const GENRE_RAILS: { id: string; genres: Genre[]; nameKey: string }[] = [
  { id: 'genre-comedy', genres: ['comedy'], nameKey: 'genre.comedy' },
  { id: 'genre-thriller', genres: ['thriller', 'crime', 'mystery'], nameKey: 'genre.crime' },
  { id: 'genre-drama', genres: ['drama'], nameKey: 'genre.drama' },
  { id: 'genre-documentary', genres: ['documentary'], nameKey: 'genre.documentary' },
]

/** Belgian titles first, otherwise keeping the catalogue's own (curated) order. */
const belgianFirst = (titles: Title[]): Title[] => [
  ...titles.filter(isBelgian),
  ...titles.filter((title) => !isBelgian(title)),
]

/** Brands with the most titles, to give the biggest producers and broadcasters a rail. */
function topBrands(
  titles: Title[],
  count: number,
  minimum: number,
): { id: string; name: string }[] {
  const tally = new Map<string, { id: string; name: string; n: number }>()
  for (const { brand } of titles) {
    const entry = tally.get(brand.id) ?? { id: brand.id, name: brand.name, n: 0 }
    entry.n++
    tally.set(brand.id, entry)
  }
  return [...tally.values()]
    .filter((entry) => entry.n >= minimum)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .slice(0, count)
}

/**
 * The home layout for a catalogue: Belgian content first, then brands, genres and the rest.
 * Rails that would be empty are left out, so a thin catalogue never shows an empty row.
 */
export function buildHomeRails(titles: Title[]): RailSpec[] {
  const belgian = titles.filter(isBelgian)
  const family = titles.filter((t) => t.genres.includes('family') || t.genres.includes('animation'))
  const rails: RailSpec[] = [
    { id: 'made-in-belgium', titleKey: 'rail.madeInBelgium', titleValues: {}, items: belgian },
    {
      id: 'belgian-series',
      titleKey: 'rail.belgianSeries',
      titleValues: {},
      items: belgian.filter((t) => t.kind === 'series'),
    },
    {
      id: 'films',
      titleKey: 'rail.films',
      titleValues: {},
      items: belgianFirst(titles.filter((t) => t.kind === 'film')),
    },
    // Every series, Belgian first, once some are not in the Belgian series rail: a feed of series
    // with no country or genre the app knows would otherwise have them in no rail at all.
    {
      id: 'series',
      titleKey: 'rail.series',
      titleValues: {},
      items: titles.some((t) => t.kind === 'series' && !isBelgian(t))
        ? belgianFirst(titles.filter((t) => t.kind === 'series'))
        : [],
    },
    ...topBrands(titles, 3, 4).map((brand) => ({
      id: `brand-${brand.id}`,
      titleKey: 'rail.brand',
      titleValues: { brand: brand.name },
      items: belgianFirst(titles.filter((t) => t.brand.id === brand.id)),
    })),
    ...GENRE_RAILS.map((rail) => ({
      id: rail.id,
      titleKey: rail.nameKey,
      titleValues: {},
      items: belgianFirst(titles.filter((t) => t.genres.some((g) => rail.genres.includes(g)))),
    })),
    { id: 'family', titleKey: 'rail.family', titleValues: {}, items: belgianFirst(family) },
    {
      id: 'foreign',
      titleKey: 'rail.foreign',
      titleValues: {},
      items: titles.filter(isForeign),
    },
  ]
  return rails.filter((rail) => rail.items.length > 0)
}

/**
 * Rails from a backend's own layout: items looked up by id (ids of skipped items simply find
 * nothing), each id once per rail, and rails left without items hidden. The name is a getter, so
 * it follows the UI language each time the screen reads it ('rail.custom' is "{name}").
 */
export function layoutRails(
  layout: readonly RailLayout[],
  byId: ReadonlyMap<string, Title>,
  railName: (name: LocalizedText) => string,
): RailSpec[] {
  const seenRails = new Set<string>()
  const rails: RailSpec[] = []
  for (const rail of layout) {
    if (seenRails.has(rail.id)) continue
    seenRails.add(rail.id)
    const seen = new Set<string>()
    const items: Title[] = []
    for (const id of rail.itemIds) {
      const title = byId.get(id)
      if (title && !seen.has(id)) {
        seen.add(id)
        items.push(title)
      }
    }
    if (items.length === 0) continue
    if (rail.label) {
      rails.push({
        id: rail.id,
        titleKey: rail.label.key,
        titleValues: rail.label.values,
        items,
        next: rail.next,
        pages: 1,
      })
      continue
    }
    const names = rail.name
    rails.push({
      id: rail.id,
      titleKey: 'rail.custom',
      get titleValues() {
        return { name: railName(names) }
      },
      names,
      items,
      next: rail.next,
      pages: 1,
    })
  }
  return rails
}
