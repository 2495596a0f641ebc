import type { BackendHost, CatalogueBackend, CatalogueSettings } from '../catalogue/backend'
import { CatalogueError, CatalogueErrorCode } from '../catalogue/errors'
import { fetchText, policyFrom, withAppOrigin } from '../catalogue/http'
import { untilAborted } from '../catalogue/untilAborted'
import type { BackendRegistry } from '../catalogue/registry'
import type { Language } from '../catalogue/schema'
import type { GuideCoverage, GuideLoad, GuideSource } from './contract'
import { finishGuide, type Draft } from './wire'
import { parseXmltv, XMLTV_BACKEND, type Zoneless } from './xmltv'

/** `appSettings.guide` (src/config/defaults.ts). */
export interface GuideSettings {
  source: string
  url: string
  zoneless?: Zoneless
  /** "xmltvId=appId, ..." (appSettings.guide.channelMap). */
  channelMap?: string
  timeoutMs?: number
}

/** Reads "a=b, c=d" into a map; malformed pairs are ignored. */
export function parseChannelMap(value: string | undefined): Record<string, string> {
  const map: Record<string, string> = {}
  for (const pair of (value ?? '').split(',')) {
    const [from, to] = pair.split('=').map((part) => part.trim())
    if (from && to) map[from] = to
  }
  return map
}

/**
 * What a guide source may use, never the app: the network, logging, an XML parser, and for the
 * 'catalogue' source the catalogue backends and their settings (it makes its own backend
 * instance from them, so disposing the guide never touches the home catalogue's).
 */
export interface GuideHost {
  fetch: typeof fetch
  log: (message: string) => void
  asset(path: string): string
  baseUrl: string
  catalogue: CatalogueSettings
  catalogueBackends: BackendRegistry
  /** A fresh DOMParser (XMLTV); the engine's own in the app. */
  xmlParser(): DOMParser
  /** The live list's channels, read when the guide is asked for (the list loads later). */
  liveChannels?: () => Promise<readonly { id: string; name: string }[]>
  /** Language of texts a source does not label. */
  language?: Language
}

export type GuideSourceFactory = (settings: GuideSettings, host: GuideHost) => GuideSource

/**
 * Guide sources by name, registered explicitly (builtInGuideSources), never by importing a
 * module; an operator adds its own, tests register a fake and remove it afterwards.
 */
export class GuideSourceRegistry {
  private readonly factories = new Map<string, GuideSourceFactory>()

  register(name: string, factory: GuideSourceFactory): void {
    if (this.factories.has(name)) throw new Error(`guide source "${name}" is already registered`)
    this.factories.set(name, factory)
  }

  unregister(name: string): void {
    this.factories.delete(name)
  }

  get(name: string): GuideSourceFactory | undefined {
    return this.factories.get(name)
  }

  names(): string[] {
    return [...this.factories.keys()]
  }
}

/** An AbortError, as the contract promises for an aborted call (Error: old engines lack DOMException). */
export function abortError(): Error {
  const error = new Error('guide request aborted')
  error.name = 'AbortError'
  return error
}

const isAborted = (error: unknown, signal: AbortSignal) =>
  signal.aborted ||
  (error instanceof CatalogueError && error.problem.code === CatalogueErrorCode.ABORTED)

/** Runs a call for one guide request, tied to both its own signal and the source's lifetime. */
function scoped(life: AbortController) {
  return async <T>(signal: AbortSignal, run: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const both = new AbortController()
    const abort = () => both.abort()
    if (signal.aborted || life.signal.aborted) throw abortError()
    signal.addEventListener('abort', abort)
    life.signal.addEventListener('abort', abort)
    try {
      const result = await run(both.signal)
      if (both.signal.aborted) throw abortError()
      return result
    } catch (error) {
      if (isAborted(error, both.signal)) throw abortError()
      throw error
    } finally {
      signal.removeEventListener('abort', abort)
      life.signal.removeEventListener('abort', abort)
    }
  }
}

const noGuide = (backend: string): CatalogueError =>
  new CatalogueError({
    severity: 'critical',
    category: 'config',
    code: CatalogueErrorCode.UNKNOWN_BACKEND,
    backend,
    message: `the catalogue backend "${backend}" has no guide: set appSettings.guide.source to "xmltv"`,
  })

/** The configured catalogue backend's own guide (embedded schedule, GET <url>/guide). */
export const catalogueGuideSource: GuideSourceFactory = (settings, host) => {
  const factory = host.catalogueBackends.get(host.catalogue.backend)
  const backendHost: BackendHost = {
    settings: host.catalogue,
    fetch: host.fetch,
    asset: (path) => host.asset(path),
    baseUrl: host.baseUrl,
    log: host.log,
  }
  const backend: CatalogueBackend | undefined = factory?.(backendHost)
  const life = new AbortController()
  const run = scoped(life)
  return {
    name: `catalogue:${host.catalogue.backend}`,
    guide(channelIds, from, to, { signal }) {
      return run(signal, async (both) => {
        if (!backend) {
          throw new CatalogueError({
            severity: 'critical',
            category: 'config',
            code: CatalogueErrorCode.UNKNOWN_BACKEND,
            backend: host.catalogue.backend,
            message: `no catalogue backend "${host.catalogue.backend}" for the guide`,
          })
        }
        if (!backend.guide) throw noGuide(backend.name)
        return backend.guide(channelIds, from, to, {
          signal: both,
          zoneless: settings.zoneless === 'brussels' ? 'brussels' : 'utc',
        })
      })
    },
    dispose() {
      life.abort()
      backend?.dispose()
    },
  }
}

/**
 * How long a parsed XMLTV export answers without asking the server again. Exports are published a
 * few times a day, and one without ETag or Last-Modified is downloaded and parsed whole again
 * (seconds for a week of many channels) each time the household moves to another day.
 */
export const XMLTV_FRESH_MS = 10 * 60_000

/**
 * An XMLTV export at `settings.url`, fetched once, kept XMLTV_FRESH_MS, then revalidated (ETag /
 * Last-Modified), so the grid scrolling through days costs no request, then a small one, not a
 * re-parse.
 *
 * The export holds every channel, so it is matched at once to every channel the app has (the
 * live list, `host.liveChannels`, by id and name) and every one asked for since: a zap to
 * another channel finds its programmes in the copy the last one fetched. Calls while a download
 * is under way wait for that one download, which goes on when the call that started it gives up
 * (a banner abandoned after a few seconds), so a slow or hung server gets one request, not one
 * per zap.
 */
export const xmltvGuideSource: GuideSourceFactory = (settings, host) => {
  const life = new AbortController()
  const run = scoped(life)
  const policy = policyFrom({ timeoutMs: settings.timeoutMs ?? 15_000, retries: 1 })
  const known = new Set<string>()
  const names: Record<string, string> = {}
  let last:
    | {
        revision: { etag?: string; lastModified?: string }
        /** How many of `known` it was matched to (the set only grows). */
        matched: number
        drafts: Draft[]
        /** How far it reaches, and its channels and the app's that found no match. */
        coverage: GuideCoverage
        /** When the server last gave or confirmed it. */
        at: number
      }
    | undefined
  let lastProblems: GuideLoad['problems'] = []
  let loading: { promise: Promise<void>; matching: number } | undefined

  const download = async (): Promise<void> => {
    const matching = [...known]
    const result = await fetchText(host.fetch, settings.url, {
      signal: life.signal,
      backend: XMLTV_BACKEND,
      policy,
      accept: 'application/xml, text/xml;q=0.9, */*;q=0.5',
      ...(last && last.matched === matching.length ? { revision: last.revision } : {}),
      log: host.log,
      ...withAppOrigin(host.baseUrl),
    })
    if (result.status === 'ok') {
      const parsed = parseXmltv(result.body, result.url, host.xmlParser(), {
        zoneless: settings.zoneless === 'brussels' ? 'brussels' : 'utc',
        channels: parseChannelMap(settings.channelMap),
        known: matching,
        names,
        language: host.language ?? 'fr',
        log: host.log,
      })
      const fed = new Set(
        parsed.drafts.filter((draft) => !draft.boundary).map((draft) => draft.programme.channelId),
      )
      last = {
        revision: result.revision,
        matched: matching.length,
        drafts: parsed.drafts,
        coverage: { ...parsed.coverage, unfed: matching.filter((id) => !fed.has(id)) },
        at: Date.now(),
      }
      // Said once, with those found placing the programmes, by the guide cache.
      lastProblems = parsed.problems
    } else if (last) {
      last.at = Date.now()
    }
  }

  /** The one download under way, or a new one; a call never waits on one matched to fewer. */
  const shared = (): Promise<void> => {
    if (loading && loading.matching === known.size) return loading.promise
    const promise = download().finally(() => {
      if (loading?.promise === promise) loading = undefined
    })
    loading = { promise, matching: known.size }
    return promise
  }

  return {
    name: XMLTV_BACKEND,
    guide(channelIds, from, to, { signal }) {
      return run(signal, async (both) => {
        if (!settings.url) {
          throw new CatalogueError({
            severity: 'critical',
            category: 'config',
            code: CatalogueErrorCode.NETWORK,
            backend: XMLTV_BACKEND,
            message: 'appSettings.guide.url is empty: the XMLTV source needs the export URL',
          })
        }
        const live = host.liveChannels
          ? await untilAborted(host.liveChannels(), both, abortError)
          : []
        for (const channel of live) {
          known.add(channel.id)
          names[channel.id] = channel.name
        }
        for (const id of channelIds) known.add(id)
        const fresh = last && Math.abs(Date.now() - last.at) < XMLTV_FRESH_MS
        if (!last || !fresh || last.matched < known.size)
          await untilAborted(shared(), both, abortError)
        const drafts = last?.drafts ?? []
        const load = finishGuide(drafts, [...lastProblems], XMLTV_BACKEND, channelIds, from, to)
        return last ? { ...load, coverage: last.coverage } : load
      })
    },
    dispose() {
      life.abort()
      last = undefined
    },
  }
}

/** A registry holding the built-in sources: 'catalogue' and 'xmltv'. */
export function builtInGuideSources(): GuideSourceRegistry {
  const registry = new GuideSourceRegistry()
  registry.register('catalogue', catalogueGuideSource)
  registry.register('xmltv', xmltvGuideSource)
  return registry
}

/**
 * The guide source `appSettings.guide` names. No I/O happens here; an unknown name gives a
 * source whose every call rejects with UNKNOWN_BACKEND, so the guide screen can say why.
 */
export function createGuideSource(
  settings: GuideSettings,
  host: GuideHost,
  registry: GuideSourceRegistry = builtInGuideSources(),
): GuideSource {
  const factory = registry.get(settings.source)
  if (factory) return factory(settings, host)
  return {
    name: settings.source,
    guide: () =>
      Promise.reject(
        new CatalogueError({
          severity: 'critical',
          category: 'config',
          code: CatalogueErrorCode.UNKNOWN_BACKEND,
          backend: settings.source,
          message: `no guide source "${settings.source}" (known: ${registry.names().join(', ')})`,
        }),
      ),
    dispose() {},
  }
}
