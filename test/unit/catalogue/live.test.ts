import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { BackendHost } from '../../../src/catalogue/backend'
import { embeddedBackend } from '../../../src/catalogue/embedded'
import { CatalogueError, CatalogueErrorCode } from '../../../src/catalogue/errors'
import { httpBackend } from '../../../src/catalogue/httpBackend'
import { parseLiveChannels } from '../../../src/catalogue/live'
import { routeFetch } from './httpFakes'

const channel = (id: string, number: number, fields: Record<string, unknown> = {}) => ({
  id,
  number,
  name: `Channel ${number}`,
  stream: { hls: `live/${id}/index.m3u8` },
  ...fields,
})

const parse = (channels: unknown[]) =>
  parseLiveChannels({ version: 1, channels }, 'test', 'live.json', 'http://box.local/app/')

describe('parseLiveChannels', () => {
  test('keeps valid channels in channel-number order, stream and logo URLs made absolute', () => {
    const parsed = parse([
      channel('la-deux', 2),
      channel('la-une', 1, { logo: 'logos/la-une.png', stream: { dash: 'https://cdn.be/1.mpd' } }),
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.channels).toEqual([
      {
        id: 'la-une',
        number: 1,
        name: 'Channel 1',
        stream: { dash: 'https://cdn.be/1.mpd' },
        logo: 'http://box.local/app/logos/la-une.png',
      },
      {
        id: 'la-deux',
        number: 2,
        name: 'Channel 2',
        stream: { hls: 'http://box.local/app/live/la-deux/index.m3u8' },
      },
    ])
  })

  test.each([
    ['no stream', channel('a', 3, { stream: {} }), /stream/],
    ['a javascript: URL', channel('a', 3, { stream: { hls: 'javascript:alert(1)' } }), /URL/],
    ['a number that is not a positive integer', channel('a', 0), /number/],
    ['a name of 10 kB', channel('a', 3, { name: 'x'.repeat(10_000) }), /name/],
    ['no id', { number: 3, name: 'x', stream: { hls: 'a.m3u8' } }, /id/],
  ])('a channel with %s is skipped and reported; the others stay', (_, bad, reason) => {
    const parsed = parse([channel('ok', 1), bad])
    expect(parsed.channels.map((c) => c.id)).toEqual(['ok'])
    expect(parsed.problems).toHaveLength(1)
    expect(parsed.problems[0]).toMatchObject({
      severity: 'recoverable',
      code: CatalogueErrorCode.ITEM_INVALID,
      backend: 'test',
    })
    expect(parsed.problems[0]?.message).toMatch(reason)
  })

  test('read as titles are: a number written as text, a field of its own, an unusable logo left out', () => {
    const parsed = parse([
      channel('ok', 1),
      { ...channel('deux', 3, { logo: 'javascript:x', epg: 'own' }), number: '2' },
    ])
    expect(parsed.problems).toEqual([])
    expect(parsed.channels[1]).toEqual({
      id: 'deux',
      number: 2,
      name: 'Channel 3',
      stream: { hls: 'http://box.local/app/live/deux/index.m3u8' },
    })
  })

  test('a second channel with the same id or number is skipped', () => {
    const parsed = parse([channel('a', 1), channel('a', 2), channel('b', 1)])
    expect(parsed.channels.map((c) => c.id)).toEqual(['a'])
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'duplicate id, first occurrence kept',
      'channel number 1 is taken',
    ])
  })

  test('a document that is not a channel list is a NOT_CONTRACT error', () => {
    expect(() => parseLiveChannels({ channels: 'none' }, 'test', 'live.json', 'http://b/')).toThrow(
      CatalogueError,
    )
  })
})

const hostWith = (fetchFn: typeof fetch): BackendHost => ({
  settings: { backend: 'x', url: 'http://cms.example.be/api/' },
  fetch: fetchFn,
  asset: (file) => `/app/static/${file}`,
  baseUrl: 'http://box.local/app/',
  log: () => undefined,
})

describe('live channels from the backends', () => {
  test('embedded: reads static/catalogue/live.json, the channels the demo generator makes', async () => {
    const file = readFileSync(
      path.resolve(__dirname, '../../../static/catalogue/live.json'),
      'utf8',
    )
    const asked: string[] = []
    const backend = embeddedBackend(
      hostWith(((url: string) => {
        asked.push(url)
        return Promise.resolve({ ok: true, status: 200, json: async () => JSON.parse(file) })
      }) as unknown as typeof fetch),
    )
    const { channels } = await backend.liveChannels({ signal: new AbortController().signal })
    expect(asked).toEqual(['/app/static/catalogue/live.json'])
    // The live simulator's channels (scripts/lib/live-sim.mjs): nine, numbered 1 to 9.
    expect(channels.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(channels[0]).toMatchObject({
      id: 'ardenne-1',
      stream: {
        dash: 'http://box.local/app/live/ardenne-1/manifest.mpd',
        hls: 'http://box.local/app/live/ardenne-1/master.m3u8',
      },
      logo: 'http://box.local/app/static/guide/logos/ardenne-1.png',
      category: 'general',
      restart: true,
      replayDays: 7,
      catchup: {
        dash: 'http://box.local/app/live/ardenne-1/catchup.mpd?start={start}&end={end}',
      },
    })
    expect(new Set(channels.map((c) => c.category))).toEqual(
      new Set(['general', 'news', 'kids', 'sport', 'culture', 'music']),
    )
  })

  test('embedded: a build without live.json has no channels, not an error', async () => {
    const backend = embeddedBackend(
      hostWith((() =>
        Promise.resolve({
          ok: false,
          status: 404,
          json: async () => ({}),
        })) as unknown as typeof fetch),
    )
    expect(await backend.liveChannels({ signal: new AbortController().signal })).toEqual({
      channels: [],
      problems: [],
    })
  })

  test('http: GET <url>/live; 404 is no live TV; a 5xx rejects', async () => {
    const { fetchFn, calls } = routeFetch({
      '/api/live': { body: { version: 1, channels: [channel('la-une', 1)] } },
    })
    const backend = httpBackend({
      ...hostWith(fetchFn),
      settings: { backend: 'http', url: 'http://cms.example.be/api', retries: 0 },
    })
    const signal = new AbortController().signal
    const { channels } = await backend.liveChannels!({ signal })
    expect(calls.map((c) => c.url)).toEqual(['http://cms.example.be/api/live'])
    expect(channels[0]?.stream.hls).toBe('http://cms.example.be/api/live/la-une/index.m3u8')

    const none = httpBackend({
      ...hostWith(routeFetch({}).fetchFn),
      settings: { backend: 'http', url: 'http://cms.example.be/api', retries: 0 },
    })
    expect(await none.liveChannels!({ signal })).toEqual({ channels: [], problems: [] })

    const down = httpBackend({
      ...hostWith(routeFetch({ '/api/live': { status: 503, body: {} } }).fetchFn),
      settings: { backend: 'http', url: 'http://cms.example.be/api', retries: 0 },
    })
    await expect(down.liveChannels!({ signal })).rejects.toMatchObject({
      problem: { code: CatalogueErrorCode.HTTP_STATUS, status: 503 },
    })
  })
})
