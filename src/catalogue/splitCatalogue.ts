import { CatalogueError } from './errors'
import { parseCatalogueDocument, type ParsedTitles } from './parse'
import {
  railPageFile,
  SEARCH_FILE,
  titleFile,
  type PagedHome,
  type RailPageFile,
  type SearchRecord,
} from './pagedFiles'
import { buildHomeRails } from './rails'
import { titleSchema, type Title } from './schema'
import { titleFields } from '../search/SearchIndex'

/**
 * Build time: splits a large embedded catalogue ({ version: 1, titles }) into the paged files of
 * pagedFiles.ts, so the app reads a home of first pages at start instead of parsing every title.
 * Pure: returns the files (path -> JSON value) and writes nothing; scripts/lib/page-catalogue.mjs
 * writes them into a build's static/catalogue/.
 *
 * The rails are the ones the app derives from a whole catalogue (rails.ts buildHomeRails), in the
 * same order with the same ids and names, so a household sees the same home either way. Titles are
 * written as the operator's file has them (the app validates each one as it reads it), only the
 * valid ones, once each; the skipped ones are listed in the home document and reported at start.
 */

export interface SplitOptions {
  /** Titles per rail page, the first page (on home) included. */
  pageSize: number
  /** Catalogues with fewer valid titles stay whole: parsing them at start costs little. */
  minTitles: number
}

export const DEFAULT_SPLIT: SplitOptions = { pageSize: 50, minTitles: 500 }

export type SplitResult =
  /** `invalid`: the file is not a catalogue; shipped as it is, the app reports it at start. */
  | { paged: false; reason: string; invalid?: true }
  | {
      paged: true
      /** The home document that replaces titles.json. */
      home: PagedHome
      /** The other files, by path relative to the catalogue folder. */
      files: Map<string, unknown>
      titles: number
      rails: number
    }

/** The raw item each kept title came from (the first valid one of its id, as parseTitles keeps). */
function rawItems(raw: readonly unknown[], kept: ReadonlySet<string>): Map<string, unknown> {
  const byId = new Map<string, unknown>()
  for (const item of raw) {
    const id = (item as { id?: unknown } | null)?.id
    if (typeof id !== 'string' || !kept.has(id) || byId.has(id)) continue
    if (titleSchema.safeParse(item).success) byId.set(id, item)
  }
  return byId
}

const searchRecord = (title: Title): SearchRecord => {
  const fields = titleFields(title)
  return {
    id: title.id,
    names: [...new Set(fields.names)],
    people: [...new Set(fields.people)],
    brand: fields.brand,
    genres: [...fields.genres],
    labels: [...fields.labels],
  }
}

export function splitCatalogue(
  document: unknown,
  options: SplitOptions = DEFAULT_SPLIT,
): SplitResult {
  let parsed: ParsedTitles
  try {
    parsed = parseCatalogueDocument(document, 'embedded', 'catalogue/titles.json')
  } catch (error) {
    const reason = error instanceof CatalogueError ? error.problem.message : String(error)
    return { paged: false, reason, invalid: true }
  }
  if (parsed.titles.length < options.minTitles) {
    return {
      paged: false,
      reason: `${parsed.titles.length} titles, fewer than ${options.minTitles}: kept whole`,
    }
  }
  const raw = rawItems(
    (document as { titles: unknown[] }).titles,
    new Set(parsed.titles.map((title) => title.id)),
  )
  const files = new Map<string, unknown>()
  const size = options.pageSize
  const rails = buildHomeRails(parsed.titles).map((rail) => {
    const ids = rail.items.map((title) => title.id)
    const pages = Math.ceil(ids.length / size)
    for (let page = 2; page <= pages; page++) {
      const file: RailPageFile = {
        ids: ids.slice((page - 1) * size, page * size),
        next: page < pages ? String(page + 1) : null,
      }
      files.set(railPageFile(rail.id, page), file)
    }
    return {
      id: rail.id,
      key: rail.titleKey,
      values: rail.titleValues,
      items: ids.slice(0, size).map((id) => raw.get(id)),
      next: pages > 1 ? '2' : null,
    }
  })
  for (const [id, item] of raw) files.set(titleFile(id), item)
  files.set(SEARCH_FILE, { version: 1, titles: parsed.titles.map(searchRecord) })
  const skipped = parsed.problems.map((problem) => ({
    itemId: problem.itemId ?? '?',
    reason: problem.reason ?? 'invalid-field',
    message: problem.message,
  }))
  const home: PagedHome = {
    version: 1,
    paged: { titles: parsed.titles.length, rails, skipped },
  }
  return { paged: true, home, files, titles: parsed.titles.length, rails: rails.length }
}
