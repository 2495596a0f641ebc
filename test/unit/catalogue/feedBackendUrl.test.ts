import type { BackendFactory, BackendHost } from '../../../src/catalogue/backend'
import { directPublisherBackend } from '../../../src/catalogue/directPublisher'
import { CatalogueError } from '../../../src/catalogue/errors'
import { mrssBackend } from '../../../src/catalogue/mrss'

describe.each<[string, BackendFactory]>([
  ['directpublisher', directPublisherBackend],
  ['mrss', mrssBackend],
])('%s backend without a url', (name, factory) => {
  test.each(['', '  '])(
    'url %p is a settings error naming catalogue.url, not a fetch of the page',
    async (url) => {
      const fetchFn = jest.fn(() => Promise.reject(new Error('no request expected')))
      const host: BackendHost = {
        settings: { backend: name, url, retries: 0 },
        fetch: fetchFn as unknown as typeof fetch,
        asset: (path) => path,
        baseUrl: 'https://app.example.be/index.html',
        log: () => undefined,
      }
      const error: unknown = await factory(host)
        .load({ signal: new AbortController().signal })
        .then(
          () => undefined,
          (reason: unknown) => reason,
        )
      expect(error).toBeInstanceOf(CatalogueError)
      expect((error as CatalogueError).problem).toMatchObject({
        category: 'config',
        backend: name,
        message: `appSettings.catalogue.url "${url}" is not a URL`,
      })
      expect(fetchFn).not.toHaveBeenCalled()
    },
  )
})
