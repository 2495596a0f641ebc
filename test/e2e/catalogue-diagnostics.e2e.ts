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

/** A playable film whose SSA subtitles the player cannot show, credited with an editor too. */
const partsFeed = () => ({
  providerName: 'Studio Meuse',
  language: 'fr',
  lastUpdated: '2026-12-01T10:00:00+01:00',
  movies: [
    {
      ...movie('SSA-1', [
        { url: 'https://cdn.example.be/ssa-1/master.m3u8', quality: 'HD', videoType: 'HLS' },
      ]),
      credits: [
        { name: 'Ann Meuse', role: 'director' },
        { name: 'Ed Monteur', role: 'Editor' },
      ],
      content: {
        ...content([
          { url: 'https://cdn.example.be/ssa-1/master.m3u8', quality: 'HD', videoType: 'HLS' },
        ]),
        captions: [{ url: 'https://cdn.example.be/ssa-1/fr.ass', language: 'fr' }],
      },
    },
  ],
})

describe('a feed whose titles show without some of their parts', () => {
  it('the diagnostics name the subtitle file the player cannot show and the credit not shown', async () => {
    await writeFile(path.join(dir, 'parts.json'), JSON.stringify(partsFeed()))
    server = await startCatalogueServerProcess({ dir })
    const url = `${server.url}parts.json`
    await routeAppSettings(
      (settings) => (settings.catalogue = { backend: 'directpublisher', url, retries: 0 }),
    )
    const page = await openApp()
    await waitForApp(page)
    expect((await snapshot(page)).catalogue).toMatchObject({ titles: 1, skipped: 0 })
    await page.evaluate(() => (window.location.hash = '#settings/diagnostics'))
    await waitRoute(page, 'settings/diagnostics')
    const { lines } = (await snapshot(page)).page as DiagnosticsSnapshot
    expect(lines).toContain(
      'Sous-titres écartés, format que le lecteur ne sait pas afficher : 1 fichier(s) · SSA-1',
    )
    expect(lines).toContain('  SSA-1 · fr.ass')
    expect(lines).toContain(
      'Générique non affiché, rôle que l’app ne montre pas : 1 personne(s) · SSA-1',
    )
    expect(lines).toContain('  SSA-1 · Editor: Ed Monteur')
    expect(lines).toContain('Éléments ignorés : 0 sur 1 (0 %)')
    await screenshot(page, 'catalogue-diagnostics-parts-left-out')
  })
})

/** "20251126060000 +0000": an XMLTV time (UTC) for a wall-clock ms. */
const xmltvTime = (at: number): string =>
  `${new Date(at).toISOString().replace(/[-:T]/g, '').slice(0, 14)} +0000`

const programmeXml = (channel: string, start: number, stop: number, title: string): string =>
  `  <programme start="${xmltvTime(start)}" stop="${xmltvTime(stop)}" channel="${channel}"><title lang="fr">${title}</title></programme>`

/** An XMLTV export: each channel id with programmes of an hour from `from`, `hours` of them. */
function xmltvExport(channels: string[], from: number, hours: number): string {
  const programmes = channels.flatMap((channel) =>
    Array.from({ length: hours }, (_, i) =>
      programmeXml(channel, from + i * 3_600_000, from + (i + 1) * 3_600_000, `${channel} ${i}`),
    ),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tv generator-info-name="belgica-e2e">',
    ...channels.map((id) => `  <channel id="${id}"><display-name>${id}</display-name></channel>`),
    ...programmes,
    '</tv>',
    '',
  ].join('\n')
}

describe('an XMLTV guide seen from the diagnostics page', () => {
  /** The embedded catalogue and its live channels, the guide from the test's own server. */
  async function openDiagnosticsOn(file: string): Promise<Page> {
    server = await startCatalogueServerProcess({ dir })
    const url = `${server.url}${file}`
    await routeAppSettings((settings) => (settings.guide = { source: 'xmltv', url }))
    const page = await openApp()
    await waitForApp(page)
    await waitRoute(page, 'home')
    // Settings by the remote's Menu key, then the operator's row below the languages.
    await press(page, 'Alt')
    await waitRoute(page, 'settings')
    await press(page, 'ArrowDown')
    expect(((await snapshot(page)).page as SettingsSnapshot).area).toBe('tools')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/diagnostics')
    // Opening the page fetches today's guide: its lines follow once the export is read.
    await page.waitForFunction(
      () =>
        (window.__belgica?.snapshot().page as { lines?: string[] } | undefined)?.lines?.some(
          (line) => line.startsWith('Guide, dernier chargement : ') && !line.includes('aucun'),
        ),
      null,
      { timeout: 20_000, polling: 100 },
    )
    return page
  }

  it('says an export whose programmes have all ended is out of date, with their last day', async () => {
    // Last year's export: Ardenne 1 (an app channel) and two channels the operator does not carry.
    const from = Date.UTC(2025, 10, 25, 23)
    await writeFile(
      path.join(dir, 'stale.xml'),
      xmltvExport(['ardenne-1', 'bbc1.uk', 'tf1.fr'], from, 6),
    )
    const page = await openDiagnosticsOn('stale.xml')
    const { lines } = (await snapshot(page)).page as DiagnosticsSnapshot
    // Its last programme ends at 05:00 UTC, 06:00 in Brussels (winter time), on Wednesday 26.
    expect(lines).toContain(
      'Guide : fichier périmé, ses programmes s’arrêtent le mer. 26 nov. 2025 à 06:00',
    )
    expect(lines).toContain(
      'Rafraîchissez l’export XMLTV, ou vérifiez la planification du grabber qui le produit.',
    )
    expect(lines.find((line) => line.startsWith('Guide, dernier chargement'))).toMatch(
      / 0 programmes sur 0 chaînes$/,
    )
    expect(lines).toContain(
      'Guide : 2 chaîne(s) du fichier sans chaîne correspondante dans l’app : bbc1.uk, tf1.fr',
    )
    await screenshot(page, 'catalogue-diagnostics-guide-stale')
    expect(consoleErrors(page)).toEqual([])
  })

  it("lists a current export's channels that match no channel, and the channels left without programmes", async () => {
    const hour = 3_600_000
    const from = Math.floor(Date.now() / hour) * hour - 2 * hour
    const ids = [
      'ardenne-1',
      'kadee',
      'laune.be',
      'bbc1.uk',
      'tf1.fr',
      'arte.fr',
      'rai1.it',
      'zdf.de',
    ]
    // Kadee's times in ISO 8601, as an export converted from a JSON schedule writes them.
    const iso = xmltvExport(ids, from, 8)
      .split('\n')
      .map((line) =>
        line.includes('channel="kadee"')
          ? line.replace(
              /(start|stop)="(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d) \+0000"/g,
              '$1="$2-$3-$4T$5:$6:$7+00:00"',
            )
          : line,
      )
      .join('\n')
    expect(iso).toContain('channel="kadee"')
    expect(iso).not.toMatch(/start="\d{14} \+0000" stop="\d{14} \+0000" channel="kadee"/)
    await writeFile(path.join(dir, 'current.xml'), iso)
    const page = await openDiagnosticsOn('current.xml')
    const { lines } = (await snapshot(page)).page as DiagnosticsSnapshot
    expect(lines.some((line) => line.includes('périmé'))).toBe(false)
    expect(lines.find((line) => line.startsWith('Guide, dernier chargement'))).toMatch(
      / [1-9]\d* programmes sur 2 chaînes$/,
    )
    // The first four named, the rest counted.
    expect(lines).toContain(
      'Guide : 6 chaîne(s) du fichier sans chaîne correspondante dans l’app : laune.be, bbc1.uk, tf1.fr, arte.fr (et 2 de plus)',
    )
    // The sample's other seven live channels, with the way to map them.
    expect(lines).toContain(
      'Guide : 7 chaîne(s) de l’app sans aucun programme dans le fichier : ardenne-3, ardenne-info, brabant-tv, brabant-club (et 3 de plus)',
    )
    expect(lines).toContain(
      'Associez leurs identifiants dans appSettings.guide.channelMap (« idXmltv=idApp, … »).',
    )
    expect(consoleErrors(page)).toEqual([])
  })
})
