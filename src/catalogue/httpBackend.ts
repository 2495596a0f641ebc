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
import { fetchJson, policyFrom } from './http'
import { parseGuideDocument } from '../guide/wire'
import { parseLiveChannels } from './live'
import { parseTitles } from './parse'
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

const railIdSchema = z.lazy(() => z.string().regex(/^[a-z0-9-]+$/, 'rail ids are lowercase slugs'))
const cursorSchema = z.lazy(() => z.string().min(1).max(500).nullable())

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
    .refine((home) => Boolean(home.rails) !== Boolean(home.titles), 'needs "rails" or "titles"'),
)

const isGone = (status: number | undefined): boolean => status === 404 || status === 410

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`)

function contractError(backend: string, url: string, error: z.ZodError): CatalogueError {
  const issue = error.issues[0]
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
  backend: string,
  base: string,
): { titles: Title[]; problems: CatalogueProblem[] } {
  const parsed = parseTitles(raw, backend)
  return { ...parsed, titles: parsed.titles.map((title) => resolveTitleUrls(title, base)) }
}

export function logProblems(host: BackendHost, backend: string, problems: CatalogueProblem[]) {
  for (const problem of problems) {
    host.log(`catalogue[${backend}]: skipped ${problem.itemId ?? '?'} (${problem.message})`)
  }
}

export const httpBackend: BackendFactory = (host) => {
  const name = 'http'
  const base = withSlash(host.settings.url)
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
    })
  }

  const page = async (path: string, signal: AbortSignal): Promise<ItemPage> => {
    const result = await get(path, signal)
    if (result.status !== 'ok') return { titles: [], problems: [], next: null }
    const envelope = pageEnvelopeSchema.safeParse(result.body)
    if (!envelope.success) throw contractError(name, result.url, envelope.error)
    const items = validItems(envelope.data.items, name, base)
    logProblems(host, name, items.problems)
    return { ...items, next: envelope.data.next }
  }

  return {
    name,
    keepsLastGood: true,
    async load({ signal, revision }: LoadOptions): Promise<CatalogueLoad | NotModified> {
      const result = await get('home', signal, revision)
      if (result.status === 'not-modified') return { notModified: true, revision: result.revision }
      const home = homeEnvelopeSchema.safeParse(result.body)
      if (!home.success) throw contractError(name, result.url, home.error)
      const problems: CatalogueProblem[] = []
      const byId = new Map<string, Title>()
      const keep = (titles: Title[]) => titles.forEach((t) => byId.has(t.id) || byId.set(t.id, t))

      if (home.data.titles) {
        const items = validItems(home.data.titles.items, name, base)
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
        const rail = railEnvelopeSchema.safeParse(raw)
        if (!rail.success) {
          const issue = rail.error.issues[0]
          const id = (raw as { id?: unknown } | null)?.id
          problems.push({
            severity: 'recoverable',
            category: 'item',
            code: CatalogueErrorCode.ITEM_INVALID,
            backend: name,
            itemId: typeof id === 'string' ? id.slice(0, 200) : `rail #${position}`,
            message: `rail ${issue?.path.join('.') || 'root'}: ${issue?.message}`,
          })
          return
        }
        const items = validItems(rail.data.items, name, base)
        keep(items.titles)
        problems.push(...items.problems)
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
      const items = validItems([result.body], name, base)
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
    async guide(channelIds, from, to, { signal }) {
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
      const parsed = parseGuideDocument(result.body, name, result.url, channelIds, from, to)
      logProblems(host, name, parsed.problems)
      return parsed
    },
    dispose() {},
  }
}
