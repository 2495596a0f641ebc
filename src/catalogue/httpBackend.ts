import * as z from 'zod'
import type {
  BackendFactory,
  BackendHost,
  CallOptions,
  CatalogueLoad,
  ItemPage,
  LoadOptions,
  NotModified,
  RailLayout,
  SearchOptions,
} from './backend'
import { CatalogueError, CatalogueErrorCode, type CatalogueProblem } from './errors'
import { fetchJson, policyFrom, withAppOrigin } from './http'
import { parseGuideDocument } from '../guide/wire'
import { parseLiveChannels } from './live'
import { parseTitles } from './parse'
import { parseLeniently } from './lenientParse'
import { localizedTextSchema, type Title } from './schema'
import { resolveTitleUrls } from './urls'

/**
 * The HTTP backend: the JSON contract documented in docs/catalogue-api/ (README.md and
 * catalogue-api.schema.json). `appSettings.catalogue.url` is the API base; the app calls
 *
 *   GET <url>/home                      first page of every rail (or of the title list)
 *   GET <url>/rails/<railId>?cursor=c   next page of a rail
 *   GET <url>/titles?cursor=c           next page of the title list (no layout)
 *   GET <url>/titles/<id>               one title
 *   GET <url>/live                      the live channels (404: none)
 *   GET <url>/search?q=<text>&limit=n   titles matching what the household typed, best first
 *   GET <url>/guide?from=&to=&channels= the programmes of those channels in [from, to) (404: none)
 *
 * `home` is revalidated with If-None-Match / If-Modified-Since: its ETag is the revision of the
 * whole catalogue. Relative artwork and stream URLs are resolved against the API base `url`, the
 * same for every answer (a rail page at rails/<id> must not shift them down a folder).
 */

/**
 * The CMS's own key for a rail ("new", "Top_10", "Films belges"): focus memory and
 * rails/<id>?cursor= (encoded) use it as written, so any text is an id; only a blank one is none.
 */
const railIdSchema = z.lazy(() =>
  z
    .string()
    .max(200)
    .refine((id) => id.trim() !== '', 'a rail id cannot be blank'),
)
/** The next page's cursor; the last page says null, and real backends also leave it out or send "". */
const cursorSchema = z.lazy(() =>
  z
    .string()
    .max(500)
    .nullish()
    .transform((cursor) => cursor || null),
)

export const pageEnvelopeSchema = z.lazy(() =>
  z.object({ items: z.array(z.unknown()), next: cursorSchema }),
)

export const railEnvelopeSchema = z.lazy(() =>
  z.object({
    id: railIdSchema,
    name: localizedTextSchema,
    items: z.array(z.unknown()),
    next: cursorSchema,
  }),
)

export const homeEnvelopeSchema = z.lazy(() =>
  z
    .object({
      version: z.literal(1),
      rails: z.array(z.unknown()).optional(),
      titles: pageEnvelopeSchema.optional(),
    })
    .refine((home) => Boolean(home.rails || home.titles), 'needs "rails" or "titles"')
    // An empty "rails" beside the titles is a CMS with no layout published yet: the titles show.
    .refine(
      (home) => !(home.rails?.length && home.titles),
      'has both "rails" and "titles": send one',
    )
    // "rails": "oops" (or a list of such) is no home at all: the error screen says so, where a home
    // of rails that each fail would show as empty.
    .refine(
      (home) => !home.rails?.length || home.rails.some(isObject),
      '"rails" has no rail (a list of objects)',
    )
    .transform((home) => (home.titles ? { ...home, rails: undefined } : home)),
)

const isObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isGone = (status: number | undefined): boolean => status === 404 || status === 410

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`)

function absoluteUrl(url: string, baseUrl: string): string | undefined {
  if (!url.trim()) return undefined
  try {
    return new URL(url, baseUrl).href
  } catch {
    return undefined
  }
}

function contractError(
  backend: string,
  url: string,
  issue: z.core.$ZodIssue | undefined,
): CatalogueError {
  return new CatalogueError({
    severity: 'critical',
    category: 'format',
    code: CatalogueErrorCode.NOT_CONTRACT,
    backend,
    message: `${url} is not the catalogue contract (${issue?.path.join('.') || 'root'}: ${issue?.message})`,
  })
}

/** Validates raw items and resolves their URLs against the document they came from. */
function validItems(
  raw: readonly unknown[],
  host: BackendHost,
  backend: string,
  base: string,
): { titles: Title[]; problems: CatalogueProblem[] } {
  const parsed = parseTitles(raw, backend)
  logRepairs(host, backend, parsed.repairs)
  return {
    problems: parsed.problems,
    titles: parsed.titles.map((title) => resolveTitleUrls(title, base)),
  }
}

export function logProblems(host: BackendHost, backend: string, problems: CatalogueProblem[]) {
  for (const problem of problems) {
    // A title shown without some of its parts is not skipped: the log must not say it is.
    const what = problem.leftOut ? 'kept, parts left out of' : 'skipped'
    host.log(`catalogue[${backend}]: ${what} ${problem.itemId ?? '?'} (${problem.message})`)
  }
}

/** Items kept after a repair: once per answer, so a CMS's habit shows in the log without flooding it. */
function logRepairs(host: BackendHost, backend: string, repairs: readonly string[]) {
  if (!repairs.length) return
  const more = repairs.length > 1 ? ` (and ${repairs.length - 1} more)` : ''
  host.log(`catalogue[${backend}]: read beside the contract: ${repairs[0]}${more}`)
}

export const httpBackend: BackendFactory = (host) => {
  const name = 'http'
  // A relative URL ("api/", "/cms/") is the operator's own server beside the app: resolved
  // against the page, as the engine would.
  const base = withSlash(absoluteUrl(host.settings.url, host.baseUrl) ?? host.settings.url)
  const policy = policyFrom(host.settings)
  const get = (path: string, signal: AbortSignal, revision?: LoadOptions['revision']) => {
    let url: string
    try {
      url = new URL(path, base).href
    } catch {
      throw new CatalogueError({
        severity: 'critical',
        category: 'config',
        code: CatalogueErrorCode.NETWORK,
        backend: name,
        message: `appSettings.catalogue.url "${host.settings.url}" is not a URL`,
      })
    }
    return fetchJson(host.fetch, url, {
      signal,
      backend: name,
      policy,
      revision,
      log: host.log,
      ...withAppOrigin(host.baseUrl),
    })
  }

  const page = async (path: string, signal: AbortSignal): Promise<ItemPage> => {
    const result = await get(path, signal)
    if (result.status !== 'ok') return { titles: [], problems: [], next: null }
    const envelope = parseLeniently(pageEnvelopeSchema, result.body)
    if (!envelope.success) throw contractError(name, result.url, envelope.issue)
    const items = validItems(envelope.data.items, host, name, base)
    logProblems(host, name, items.problems)
    return { ...items, next: envelope.data.next }
  }

  return {
    name,
    keepsLastGood: true,
    async load({ signal, revision }: LoadOptions): Promise<CatalogueLoad | NotModified> {
      const result = await get('home', signal, revision)
      if (result.status === 'not-modified') return { notModified: true, revision: result.revision }
      const home = parseLeniently(homeEnvelopeSchema, result.body)
      if (!home.success) throw contractError(name, result.url, home.issue)
      const problems: CatalogueProblem[] = []
      const byId = new Map<string, Title>()
      const keep = (titles: Title[]) => titles.forEach((t) => byId.has(t.id) || byId.set(t.id, t))

      if (home.data.titles) {
        const items = validItems(home.data.titles.items, host, name, base)
        keep(items.titles)
        problems.push(...items.problems)
        logProblems(host, name, problems)
        return {
          titles: [...byId.values()],
          problems,
          titlesNext: home.data.titles.next,
          revision: result.revision,
        }
      }

      const layout: RailLayout[] = []
      home.data.rails!.forEach((raw, position) => {
        const rail = parseLeniently(railEnvelopeSchema, raw)
        if (!rail.success) {
          const issue = rail.issue
          const id = (raw as { id?: unknown } | null)?.id
          problems.push({
            severity: 'recoverable',
            category: 'item',
            code: CatalogueErrorCode.ITEM_INVALID,
            backend: name,
            itemId: typeof id === 'string' && id.trim() ? id.slice(0, 200) : `rail #${position}`,
            message: `rail ${issue?.path.join('.') || 'root'}: ${issue?.message}`,
          })
          // The rail cannot be shown, but its titles can: search and deep links still find them.
          const items = (raw as { items?: unknown } | null)?.items
          if (Array.isArray(items)) {
            const orphans = validItems(items, host, name, base)
            keep(orphans.titles)
            problems.push(...orphans.problems)
          }
          return
        }
        const items = validItems(rail.data.items, host, name, base)
        keep(items.titles)
        problems.push(...items.problems)
        if (layout.some((shown) => shown.id === rail.data.id)) {
          // Its pages could not be told apart from the first one's (rails/<id>?cursor=). Its
          // titles are kept: a deep link or a saved position still finds them.
          problems.push({
            severity: 'recoverable',
            category: 'item',
            code: CatalogueErrorCode.ITEM_INVALID,
            backend: name,
            itemId: rail.data.id,
            message: `rail #${position}: id "${rail.data.id}" is already used by an earlier rail; not shown`,
          })
          return
        }
        layout.push({
          id: rail.data.id,
          name: rail.data.name,
          itemIds: items.titles.map((t) => t.id),
          next: rail.data.next,
        })
      })
      logProblems(host, name, problems)
      return { titles: [...byId.values()], problems, layout, revision: result.revision }
    },
    railPage(railId: string, cursor: string, { signal }: CallOptions) {
      return page(
        `rails/${encodeURIComponent(railId)}?cursor=${encodeURIComponent(cursor)}`,
        signal,
      )
    },
    titlesPage(cursor: string, { signal }: CallOptions) {
      return page(`titles?cursor=${encodeURIComponent(cursor)}`, signal)
    },
    async item(id: string, { signal }: CallOptions) {
      let result: Awaited<ReturnType<typeof get>>
      try {
        result = await get(`titles/${encodeURIComponent(id)}`, signal)
      } catch (error) {
        // "No such title" is an answer, not an outage: the screen says "not found", not "offline".
        if (error instanceof CatalogueError && isGone(error.problem.status)) return undefined
        throw error
      }
      if (result.status !== 'ok') return undefined
      const items = validItems([result.body], host, name, base)
      logProblems(host, name, items.problems)
      return items.titles[0]
    },
    /** One page, ranked by the server; failures reject as other calls do, and the screen says so. */
    async search(query: string, { signal, limit }: SearchOptions): Promise<ItemPage> {
      const found = await page(
        `search?q=${encodeURIComponent(query)}&limit=${encodeURIComponent(String(limit))}`,
        signal,
      )
      return { ...found, titles: found.titles.slice(0, limit), next: null }
    },
    async liveChannels({ signal }: CallOptions) {
      let result: Awaited<ReturnType<typeof get>>
      try {
        result = await get('live', signal)
      } catch (error) {
        // An operator without live TV need not implement the endpoint.
        if (error instanceof CatalogueError && isGone(error.problem.status)) {
          return { channels: [], problems: [] }
        }
        throw error
      }
      if (result.status !== 'ok') return { channels: [], problems: [] }
      const parsed = parseLiveChannels(result.body, name, result.url, base)
      logProblems(host, name, parsed.problems)
      return parsed
    },
    async guide(channelIds, from, to, { signal, zoneless }) {
      const query =
        `guide?from=${encodeURIComponent(new Date(from).toISOString())}` +
        `&to=${encodeURIComponent(new Date(to).toISOString())}` +
        `&channels=${channelIds.map(encodeURIComponent).join(',')}`
      let result: Awaited<ReturnType<typeof get>>
      try {
        result = await get(query, signal)
      } catch (error) {
        // An operator without a guide need not implement the endpoint.
        if (error instanceof CatalogueError && isGone(error.problem.status)) {
          return { programmes: [], problems: [] }
        }
        throw error
      }
      if (result.status !== 'ok') return { programmes: [], problems: [] }
      const parsed = parseGuideDocument(
        result.body,
        name,
        result.url,
        channelIds,
        from,
        to,
        zoneless,
      )
      logProblems(host, name, parsed.problems)
      return parsed
    },
    dispose() {},
  }
}
