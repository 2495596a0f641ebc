import type { BackendFactory, BackendHost } from '../../../src/catalogue/backend'
import { directPublisherBackend } from '../../../src/catalogue/directPublisher'
import { CatalogueError } from '../../../src/catalogue/errors'
import { mrssBackend } from '../../../src/catalogue/mrss'
import { reply } from './httpFakes'

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

describe('a feed behind a redirect', () => {
  test('its relative URLs resolve against where it was found, not the configured address', async () => {
    const feed = {
      providerName: 'Canal Escaut',
      language: 'fr',
      movies: [
        {
          id: 'rel',
          title: 'Relatif',
          shortDescription: 'Des chemins relatifs.',
          thumbnail: '../img/rel.jpg',
          releaseDate: '2024-01-01',
          genres: ['drama'],
          content: {
            dateAdded: '2024-01-01',
            duration: 60,
            videos: [{ url: '../media/rel.m3u8', quality: 'HD', videoType: 'HLS' }],
          },
        },
      ],
    }
    const redirected = 'https://cdn.example.be/v7/export/feed.json'
    const fetchFn = jest.fn(async () => ({
      ...reply({ body: feed, headers: { 'content-type': 'application/json' } }),
      url: redirected,
    }))
    const host: BackendHost = {
      settings: { backend: 'directpublisher', url: 'https://cms.example.be/feed', retries: 0 },
      fetch: fetchFn as unknown as typeof fetch,
      asset: (path) => path,
      baseUrl: 'https://app.example.be/index.html',
      log: () => undefined,
    }
    const load = await directPublisherBackend(host).load({ signal: new AbortController().signal })
    const [title] = 'titles' in load ? load.titles : []
    expect(title?.kind === 'film' && title.stream.hls).toBe(
      'https://cdn.example.be/v7/media/rel.m3u8',
    )
    expect(title?.artwork.backdrop).toBe('https://cdn.example.be/v7/img/rel.jpg')
  })
})
