import * as z from 'zod'
import { SKIP_REASONS } from './errors'

/**
 * The embedded catalogue split into pages (splitCatalogue.ts writes them at build time; the
 * embedded backend reads them, pagedEmbedded.ts). A large catalogue shipped with the app is not
 * parsed whole at start: `catalogue/titles.json` becomes a small home document holding the first
 * page of each home rail, and the rest sits beside it in `catalogue/paged/`:
 *
 *   titles.json                      { version: 1, paged: PagedHome }
 *   paged/rails/<railId>/<n>.json    { ids: [...], next: "<n+1>" | null }   n = 2, 3, ...
 *   paged/titles/<id>.json           one title, as the operator's catalogue has it
 *   paged/search.json                { version: 1, titles: SearchRecord[] }   words search needs
 *
 * The backend answers the HTTP backend's paging contract (backend.ts) from them: cursors are page
 * numbers, a rail page is the titles of its ids. Further pages hold ids, not titles: most titles
 * are on several rails (a Belgian comedy is on four), and a page of full titles per rail would
 * ship each title four times, a package four times the catalogue. Paths are relative to the
 * catalogue folder.
 */

export const PAGED_DIR = 'paged'
export const SEARCH_FILE = `${PAGED_DIR}/search.json`
export const railPageFile = (railId: string, page: number): string =>
  `${PAGED_DIR}/rails/${railId}/${page}.json`
/** Ids are lowercase slugs (schema.ts), so an id is a safe file name. */
export const titleFile = (id: string): string => `${PAGED_DIR}/titles/${id}.json`

const slug = z.lazy(() => z.string().regex(/^[a-z0-9-]+$/))

/** A cursor of the embedded pages: the number of the next page file, "1" and up. */
export const pageCursorSchema = z.lazy(() => z.string().regex(/^[1-9][0-9]{0,5}$/))

const pagedRailSchema = z.lazy(() =>
  z
    .object({
      id: slug,
      /** The app's translation key and values naming the rail, as the rails it derives (rails.ts). */
      key: z.string().min(1).max(100),
      values: z.record(z.string(), z.string().max(400)),
      items: z.array(z.unknown()),
      next: pageCursorSchema.nullable(),
    })
    .strict(),
)

/** An item left out when the catalogue was split, reported at start as a whole load reports it. */
const skippedSchema = z.lazy(() =>
  z
    .object({
      itemId: z.string().max(200),
      reason: z.enum(SKIP_REASONS),
      message: z.string().max(1000),
    })
    .strict(),
)

export const pagedHomeSchema = z.lazy(() =>
  z
    .object({
      version: z.literal(1),
      paged: z
        .object({
          /** Valid titles in the whole catalogue (only the rails' first pages are here). */
          titles: z.number().int().nonnegative(),
          rails: z.array(pagedRailSchema),
          skipped: z.array(skippedSchema),
        })
        .strict(),
    })
    .strict(),
)

export type PagedHome = z.infer<typeof pagedHomeSchema>

/** A further page of a rail: the ids of its titles, in order, and the next page's number. */
export const railPageSchema = z.lazy(() =>
  z.object({ ids: z.array(slug), next: pageCursorSchema.nullable() }).strict(),
)

export type RailPageFile = z.infer<typeof railPageSchema>
export type PagedRail = z.infer<typeof pagedRailSchema>

/** The words search needs of one title, without the rest of it (SearchIndex's SearchFields). */
export const searchRecordSchema = z.lazy(() =>
  z
    .object({
      id: slug,
      names: z.array(z.string()),
      people: z.array(z.string()),
      brand: z.string(),
      genres: z.array(z.string()),
      labels: z.array(z.string()),
    })
    .strict(),
)

export type SearchRecord = z.infer<typeof searchRecordSchema>

export const searchFileSchema = z.lazy(() =>
  z.object({ version: z.literal(1), titles: z.array(searchRecordSchema) }).strict(),
)

/** Whether a titles.json document is the split form (cheap: looks at the top level only). */
export const isPagedDocument = (document: unknown): boolean =>
  typeof document === 'object' && document !== null && 'paged' in document
