import type { BackendHost, CatalogueBackend, CatalogueLoad, LoadOptions } from './backend'
import { CatalogueError, CatalogueErrorCode } from './errors'
import { parseCatalogueDocument } from './parse'
import { resolveTitleUrls } from './urls'

export const EMBEDDED_CATALOGUE_PATH = 'catalogue/titles.json'

const abortedError = (): CatalogueError =>
  new CatalogueError({
    severity: 'critical',
    category: 'network',
    code: CatalogueErrorCode.ABORTED,
    backend: 'embedded',
    message: 'catalogue load aborted',
  })

/** A backend whose load always has a full catalogue (it never answers "not modified"). */
type EmbeddedBackend = Omit<CatalogueBackend, 'load'> & {
  load(options: LoadOptions): Promise<CatalogueLoad>
}

/** The default backend: the catalogue shipped in static/, works with no network. */
export const embeddedBackend = (host: BackendHost): EmbeddedBackend => ({
  name: 'embedded',
  keepsLastGood: false,
  async load({ signal }: LoadOptions): Promise<CatalogueLoad> {
    const url = host.asset(EMBEDDED_CATALOGUE_PATH)
    let response: Response
    try {
      response = await host.fetch(url, { signal })
    } catch (error) {
      const aborted = signal.aborted
      throw new CatalogueError({
        severity: 'critical',
        category: 'network',
        code: aborted ? CatalogueErrorCode.ABORTED : CatalogueErrorCode.NETWORK,
        backend: 'embedded',
        message: aborted ? 'catalogue load aborted' : `cannot read ${url}: ${String(error)}`,
      })
    }
    if (!response.ok) {
      throw new CatalogueError({
        severity: 'critical',
        category: 'network',
        code: CatalogueErrorCode.HTTP_STATUS,
        backend: 'embedded',
        message: `${url} answered ${response.status}`,
      })
    }
    let document: unknown
    try {
      document = await response.json()
    } catch {
      // An abort while the body is read makes json() reject too: that is not a format error.
      if (signal.aborted) throw abortedError()
      throw new CatalogueError({
        severity: 'critical',
        category: 'format',
        code: CatalogueErrorCode.NOT_JSON,
        backend: 'embedded',
        message: `${url} is not JSON`,
      })
    }
    if (signal.aborted) throw abortedError()
    const parsed = parseCatalogueDocument(document, 'embedded', url)
    parsed.problems.forEach((problem) =>
      host.log(`catalogue[embedded]: skipped ${problem.itemId} (${problem.message})`),
    )
    return {
      ...parsed,
      titles: parsed.titles.map((title) => resolveTitleUrls(title, host.baseUrl)),
    }
  },
  dispose() {},
})
