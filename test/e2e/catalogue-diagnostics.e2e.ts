/**
 * An operator's Direct Publisher feed in which no item can be shown (Smooth Streaming only, or no
 * video at all): home tells the household why, in French, with Retry focused; Settings leads to
 * the catalogue diagnostics, which name the skipped items.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { HomeSnapshot } from '../../src/screens/Home'
import type { DiagnosticsSnapshot } from '../../src/screens/Diagnostics'
import type { SettingsSnapshot } from '../../src/screens/Settings'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import {
  consoleErrors,
  openApp,
  press,
  routeAppSettings,
  screenshot,
  snapshot,
  unrouteAppSettings,
  waitForApp,
  waitRoute,
} from './support/browser'

const LONG_ID = `SMOOTH-${'0123456789'.repeat(6)}`

const content = (videos: unknown[]) => ({
  dateAdded: '2026-11-01T10:00:00Z',
  duration: 5400,
  language: 'fr',
  videos,
})
const smooth = (id: string) => [
  { url: `https://cdn.example.be/${id}/Manifest`, quality: 'HD', videoType: 'SMOOTH' },
]
const movie = (id: string, videos: unknown[]) => ({
  id,
  title: `Film ${id}`,
  shortDescription: 'Un film que cet appareil ne peut pas lire.',
  thumbnail: 'https://img.example.be/poster.jpg',
  releaseDate: '2024-05-01',
  genres: ['drama'],
  rating: { rating: 'G', ratingSource: 'MPAA' },
  content: content(videos),
})

/** Five items, none playable: four films and a series whose only episode is Smooth Streaming. */
const unusableFeed = () => ({
  providerName: 'Studio Meuse',
  language: 'fr',
  lastUpdated: '2026-12-01T10:00:00+01:00',
  movies: [
    movie('MS-001', smooth('ms-001')),
    movie('MS-002', smooth('ms-002')),
    movie(LONG_ID, smooth('long')),
    movie('NO-VIDEO-1', []),
  ],
  series: [
    {
      id: 'SER-SMOOTH',
      title: 'Série lisse',
      shortDescription: 'Une série en Smooth Streaming.',
      thumbnail: 'https://img.example.be/series.jpg',
      releaseDate: '2023-01-01',
      genres: ['drama'],
      episodes: [
        {
          id: 'SER-SMOOTH-E1',
          title: 'Épisode 1',
          episodeNumber: 1,
          shortDescription: 'Le début.',
          thumbnail: 'https://img.example.be/e1.jpg',
          content: content(smooth('e1')),
        },
      ],
    },
  ],
  categories: [{ name: 'À la une', query: 'drama' }],
})

let dir: string
let server: CatalogueServerProcess | undefined

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-e2e-diagnostics-'))
  await writeFile(path.join(dir, 'catalogue.json'), JSON.stringify({ version: 1, titles: [] }))
  await writeFile(path.join(dir, 'feed.json'), JSON.stringify(unusableFeed()))
})

afterEach(async () => {
  await unrouteAppSettings()
  await server?.stop()
  server = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function openOnUnusableFeed(): Promise<Page> {
  server = await startCatalogueServerProcess({ dir })
  const url = `${server.url}feed.json`
  await routeAppSettings(
    (settings) => (settings.catalogue = { backend: 'directpublisher', url, retries: 0 }),
  )
  const page = await openApp()
  await waitForApp(page)
  return page
}

describe('a feed whose items are all unusable', () => {
  it('home says why with the counts; Settings leads to the diagnostics with the skipped ids', async () => {
    const page = await openOnUnusableFeed()
    const state = await snapshot(page)
    expect(state.overlay).toBeNull()
    expect(state.catalogue).toMatchObject({ status: 'ready', titles: 0, skipped: 5 })

    const home = state.page as HomeSnapshot
    expect(home.rails).toEqual([])
    expect(home.area).toBe('empty')
    expect(home.empty).toEqual({
      title: 'Aucun programme à afficher pour le moment',
      lines: [
        '5 éléments du catalogue ont été ignorés : 5 sans vidéo lisible.',
        expect.stringMatching(/^Réessayez dans quelques minutes\./),
      ],
      focused: 'retry',
      layout: expect.any(Object),
    })
    // At 44 px the title takes two lines: the message starts below the second, not over it.
    const layout = home.empty!.layout
    expect(layout.titleBottom).toBeGreaterThan(60 + 100)
    expect(layout.messageTop).toBeGreaterThanOrEqual(layout.titleBottom)
    expect(layout.buttonsTop).toBeGreaterThanOrEqual(layout.messageBottom)
    await screenshot(page, 'catalogue-empty-home')

    // Retry asks the feed again and comes back to the same message, Retry still focused.
    await press(page, 'Enter')
    await page.waitForFunction(() => window.__belgica?.snapshot().catalogue.status === 'ready')
    expect((await snapshot(page)).page).toMatchObject({
      area: 'empty',
      empty: { focused: 'retry' },
    })

    // Up reaches the top bar; Down comes back to the message.
    await press(page, 'ArrowUp')
    expect(((await snapshot(page)).page as HomeSnapshot).area).toBe('topbar')
    await press(page, 'ArrowDown')
    expect(((await snapshot(page)).page as HomeSnapshot).area).toBe('empty')

    // The message's own way to Settings, then the operator's row below the languages.
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await waitRoute(page, 'settings')
    await press(page, 'ArrowDown')
    expect(((await snapshot(page)).page as SettingsSnapshot).area).toBe('tools')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/diagnostics')

    const diagnostics = (await snapshot(page)).page as DiagnosticsSnapshot
    expect(diagnostics.skipped).toBe(5)
    expect(diagnostics.groups).toHaveLength(1)
    const [group] = diagnostics.groups
    expect(group).toMatchObject({ reason: 'no-playable-video', count: 5, more: 1 })
    expect(group!.ids.slice(0, 2)).toEqual(['MS-001', 'MS-002'])
    // The long id is clipped, the rest counted.
    expect(group!.ids[2]).toMatch(/^SMOOTH-0123.*…$/)
    expect(group!.ids[2]!.length).toBeLessThan(LONG_ID.length)
    expect(group!.ids[3]).toBe('NO-VIDEO-1')
    expect(diagnostics.lines).toContain('Source : directpublisher')
    expect(diagnostics.lines).toContain(`Adresse : ${server!.url}feed.json`)
    expect(diagnostics.lines).toContain('Programmes affichés : 0 sur 0 valides')
    expect(diagnostics.lines).toContain('Éléments ignorés : 5 sur 5 (100 %)')
    expect(
      diagnostics.lines.some((line) => /^Dernier chargement : .*depuis le réseau$/.test(line)),
    ).toBe(true)
    expect(diagnostics.lines).toContain('Dernière erreur : aucune')
    expect(diagnostics.warning).toBe(
      'Attention : 100 % des éléments du flux sont ignorés (seuil : 20 %)',
    )
    await screenshot(page, 'catalogue-diagnostics')

    await press(page, 'Backspace')
    await waitRoute(page, 'settings')
    expect(consoleErrors(page)).toEqual([])
  })

  it('the diagnostics page opens from its own address', async () => {
    const page = await openOnUnusableFeed()
    await page.evaluate(() => (window.location.hash = '#settings/diagnostics'))
    await waitRoute(page, 'settings/diagnostics')
    const diagnostics = (await snapshot(page)).page as DiagnosticsSnapshot
    expect(diagnostics).toMatchObject({ screen: 'diagnostics', skipped: 5, focused: 'reload' })
  })
})
