import type {
  BackendHost,
  CatalogueBackend,
  CatalogueLoad,
  LoadOptions,
  NotModified,
} from './backend'
import { CatalogueError, CatalogueErrorCode, type CatalogueErrorCodeValue } from './errors'
import { policyFrom, withAppOrigin, type FetchOptions, type FetchResult } from './http'
import { logProblems } from './httpBackend'

/** How one feed format is fetched and mapped onto the app's model. */
export interface FeedFormat<T> {
  /** The backend's registered name (logs, problems). */
  name: string
  fetch(fetchFn: typeof fetch, url: string, options: FetchOptions): Promise<FetchResult<T>>
  /** Maps the document; throws a CatalogueError when it is not this format at all. */
  map(body: T, url: string, host: BackendHost): CatalogueLoad
}

/**
 * A backend whose whole catalogue is one feed document at `appSettings.catalogue.url` (Direct
 * Publisher JSON, MRSS): fetched with the shared timeouts and retries, revalidated with its ETag /
 * Last-Modified (304 keeps the last good catalogue), mapped, and every skipped item logged.
 */
export function feedBackend<T>(host: BackendHost, format: FeedFormat<T>): CatalogueBackend {
  const policy = policyFrom(host.settings)
  const fail = (category: 'config' | 'network', code: CatalogueErrorCodeValue, message: string) =>
    new CatalogueError({
      severity: 'critical',
      category,
      code,
      backend: format.name,
      message,
    })
  return {
    name: format.name,
    keepsLastGood: true,
    async load({ signal, revision }: LoadOptions): Promise<CatalogueLoad | NotModified> {
      let url: string
      try {
        // Resolved against the page, '' is the page itself: its HTML would be blamed on the CMS.
        if (host.settings.url.trim() === '') throw new TypeError('empty')
        url = new URL(host.settings.url, host.baseUrl).href
      } catch {
        throw fail(
          'config',
          CatalogueErrorCode.NETWORK,
          `appSettings.catalogue.url "${host.settings.url}" is not a URL`,
        )
      }
      const result = await format.fetch(host.fetch, url, {
        signal,
        backend: format.name,
        policy,
        ...(revision ? { revision } : {}),
        log: host.log,
        ...withAppOrigin(host.baseUrl),
      })
      if (result.status === 'not-modified') return { notModified: true, revision: result.revision }
      // An abort that came while the body arrived: nothing is mapped or returned.
      if (signal.aborted) throw fail('network', CatalogueErrorCode.ABORTED, `${url}: aborted`)
      const load = format.map(result.body, result.url, host)
      logProblems(host, format.name, load.problems)
      return { ...load, revision: result.revision }
    },
    dispose() {},
  }
}
