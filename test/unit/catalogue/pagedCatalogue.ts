import type { BackendHost } from '../../../src/catalogue/backend'
import { splitCatalogue, type SplitOptions } from '../../../src/catalogue/splitCatalogue'
import embedded from '../../../static/catalogue/titles.json'

/** A fresh deep copy of the catalogue shipped with the app (80 titles). */
export const shippedDocument = (): { version: number; titles: Record<string, unknown>[] } =>
  JSON.parse(JSON.stringify(embedded)) as { version: number; titles: Record<string, unknown>[] }

/** The shipped catalogue split with small pages, so that every rail has several. */
export const SMALL_PAGES: SplitOptions = { pageSize: 7, minTitles: 20 }

/**
 * The files a build would write for `document` (titles.json in split form and paged/...), by
 * path under the catalogue folder.
 */
export function splitFiles(document: unknown, options: SplitOptions = SMALL_PAGES) {
  const result = splitCatalogue(document, options)
  if (!result.paged) throw new Error(`not split: ${result.reason}`)
  return new Map<string, unknown>([['titles.json', result.home], ...result.files])
}

/** A host whose fetch answers from `files` (the app's static/catalogue/), 404 otherwise. */
export function filesHost(files: ReadonlyMap<string, unknown>) {
  const requests: string[] = []
  const logs: string[] = []
  const prefix = '/app/static/catalogue/'
  const host: BackendHost = {
    settings: { backend: 'embedded', url: '' },
    fetch: ((url: string, init?: RequestInit) => {
      requests.push(url)
      if (init?.signal?.aborted) {
        return Promise.reject(new DOMException('The operation was aborted.', 'AbortError'))
      }
      const file = url.startsWith(prefix) ? files.get(url.slice(prefix.length)) : undefined
      // A copy per read, as a parsed response is.
      const body = file === undefined ? undefined : (JSON.parse(JSON.stringify(file)) as unknown)
      return Promise.resolve({
        ok: file !== undefined,
        status: file === undefined ? 404 : 200,
        json: () => Promise.resolve(body),
      } as Response)
    }) as typeof fetch,
    asset: (path) => `/app/static/${path}`,
    baseUrl: 'http://box.local/app/',
    log: (message) => logs.push(message),
  }
  return { host, requests, logs }
}
