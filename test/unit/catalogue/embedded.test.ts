import type { BackendHost } from '../../../src/catalogue/backend'
import { EMBEDDED_CATALOGUE_PATH, embeddedBackend } from '../../../src/catalogue/embedded'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { fixtureDocument } from './fixture'

/** Just what the backend reads from a fetch Response. */
const response = (status: number, json: () => Promise<unknown>): Response =>
  ({ ok: status >= 200 && status < 300, status, json }) as Response

const abortError = () => new DOMException('The operation was aborted.', 'AbortError')

function makeHost(fetchFn: (url: string, init?: RequestInit) => Promise<Response>) {
  const logs: string[] = []
  const requests: { url: string; init?: RequestInit }[] = []
  const host: BackendHost = {
    settings: { backend: 'embedded', url: '' },
    fetch: ((url: string, init?: RequestInit) => {
      requests.push({ url, init })
      return fetchFn(url, init)
    }) as typeof fetch,
    asset: (path) => `/app/static/${path}`,
    baseUrl: 'http://box.local/app/',
    log: (message) => logs.push(message),
  }
  return { host, logs, requests }
}

/** Runs a load and returns the CatalogueError it rejects with. */
async function loadError(host: BackendHost, signal = new AbortController().signal) {
  const error = await embeddedBackend(host)
    .load({ signal })
    .then(
      () => undefined,
      (reason: unknown) => reason,
    )
  expect(error).toBeInstanceOf(CatalogueError)
  return (error as CatalogueError).problem
}

describe('embeddedBackend', () => {
  test('is named "embedded" and does no I/O until load', () => {
    const { host, requests } = makeHost(async () => response(200, async () => fixtureDocument()))
    const backend = embeddedBackend(host)
    expect(backend.name).toBe('embedded')
    expect(requests).toEqual([])
    expect(() => backend.dispose()).not.toThrow()
  })

  test('loads the catalogue file shipped with the app, passing the abort signal', async () => {
    const { host, requests } = makeHost(async () => response(200, async () => fixtureDocument()))
    const controller = new AbortController()
    const { titles, problems } = await embeddedBackend(host).load({ signal: controller.signal })
    expect(titles.map((title) => title.id)).toEqual([
      'rosetta',
      'la-treve',
      'rundskop',
      'dikkenek',
      'amelie',
    ])
    expect(problems).toEqual([])
    expect(requests).toEqual([
      {
        url: `/app/static/${EMBEDDED_CATALOGUE_PATH}`,
        init: { signal: controller.signal },
      },
    ])
  })

  test('relative artwork and stream URLs are resolved against the app, absolute ones kept', async () => {
    const document = fixtureDocument()
    const rosetta = document.titles[0]!
    rosetta.artwork = {
      poster: 'static/artwork/posters/rosetta.jpg',
      backdrop: 'https://cdn.example.be/rosetta.jpg',
    }
    const { host } = makeHost(async () => response(200, async () => document))
    const { titles } = await embeddedBackend(host).load({ signal: new AbortController().signal })
    expect(titles[0]?.artwork).toEqual({
      poster: 'http://box.local/app/static/artwork/posters/rosetta.jpg',
      backdrop: 'https://cdn.example.be/rosetta.jpg',
    })
    const series = titles.find((title) => title.kind === 'series')
    const episode = series?.kind === 'series' ? series.seasons[0]?.episodes[0] : undefined
    expect(episode?.stream.dash).toBe('http://box.local/app/media/streams/demo-b/manifest.mpd')
  })

  test('skipped items are returned as problems and logged', async () => {
    const document = fixtureDocument()
    document.titles.push({ id: 'broken' })
    const { host, logs } = makeHost(async () => response(200, async () => document))
    const { titles, problems } = await embeddedBackend(host).load({
      signal: new AbortController().signal,
    })
    expect(titles).toHaveLength(5)
    expect(problems.map((problem) => problem.itemId)).toEqual(['broken'])
    expect(logs).toEqual([expect.stringMatching(/^catalogue\[embedded\]: skipped broken \(/)])
  })

  test('a 404 is a critical HTTP_STATUS error naming the URL and status', async () => {
    const { host } = makeHost(async () => response(404, async () => ({})))
    const problem = await loadError(host)
    expect(problem).toEqual({
      severity: 'critical',
      category: 'network',
      code: CatalogueErrorCode.HTTP_STATUS,
      backend: 'embedded',
      message: '/app/static/catalogue/titles.json answered 404',
      status: 404,
    })
  })

  test('a body that is not JSON is a NOT_JSON error', async () => {
    const { host } = makeHost(async () =>
      response(200, async () => JSON.parse('<!doctype html><title>Not found</title>')),
    )
    const problem = await loadError(host)
    expect(problem).toMatchObject({
      category: 'format',
      code: CatalogueErrorCode.NOT_JSON,
    })
  })

  test('JSON that is not the catalogue contract is a NOT_CONTRACT error', async () => {
    const { host } = makeHost(async () => response(200, async () => ({ films: [] })))
    expect((await loadError(host)).code).toBe(CatalogueErrorCode.NOT_CONTRACT)
  })

  test('a fetch that throws is a NETWORK error with the reason', async () => {
    const { host } = makeHost(async () => {
      throw new TypeError('Failed to fetch')
    })
    const problem = await loadError(host)
    expect(problem).toMatchObject({
      category: 'network',
      code: CatalogueErrorCode.NETWORK,
    })
    expect(problem.message).toContain('Failed to fetch')
  })

  test('aborting while the request is under way rejects with ABORTED', async () => {
    const { host } = makeHost(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(abortError()))
        }),
    )
    const controller = new AbortController()
    const pending = loadError(host, controller.signal)
    controller.abort()
    expect(await pending).toMatchObject({
      code: CatalogueErrorCode.ABORTED,
      message: 'catalogue load aborted',
    })
  })

  test('a signal aborted before the call rejects with ABORTED', async () => {
    const { host } = makeHost(async (_url, init) => {
      if (init?.signal?.aborted) throw abortError()
      return response(200, async () => fixtureDocument())
    })
    const controller = new AbortController()
    controller.abort()
    expect((await loadError(host, controller.signal)).code).toBe(CatalogueErrorCode.ABORTED)
  })

  test('aborting while the body is read rejects with ABORTED, not NOT_JSON', async () => {
    const controller = new AbortController()
    const { host } = makeHost(async () =>
      response(200, async () => {
        controller.abort()
        throw abortError()
      }),
    )
    expect((await loadError(host, controller.signal)).code).toBe(CatalogueErrorCode.ABORTED)
  })

  test('aborting after the body was read still rejects with ABORTED, returning nothing', async () => {
    const controller = new AbortController()
    const { host } = makeHost(async () =>
      response(200, async () => {
        controller.abort()
        return fixtureDocument()
      }),
    )
    expect((await loadError(host, controller.signal)).code).toBe(CatalogueErrorCode.ABORTED)
  })
})
