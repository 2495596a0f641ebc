/**
 * Scale: the same app served a 60-title and a 10,000-title catalogue (scripts/lib/large-catalogue.mjs)
 * with a rail layout by the reference server, through the HTTP backend with paged rails. Home must
 * show as fast, navigate as smoothly and hold about as much JS heap and texture memory with 10,000
 * titles as with 60: rails grow as the viewer scrolls, so memory follows what is browsed.
 */
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  startCatalogueServerProcess,
  type CatalogueServerProcess,
} from '../integration/support/catalogueServer'
import {
  openApp,
  press,
  routeAppSettings,
  snapshot,
  unrouteAppSettings,
  waitForApp,
} from './support/browser'
import { ROOT } from './support/environment'

interface Measure {
  /** Titles the app holds after start and the key presses (not the catalogue's size). */
  titles: number
  readyMs: number
  heapMb: number
  textureMb: number
  maxRendered: number
  pressMs: number
}

interface HomeSnapshot {
  rails: { id: string; count: number; rendered: number }[]
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize / 1024 / 1024
}

async function measure(count: number): Promise<Measure> {
  const server: CatalogueServerProcess = await startCatalogueServerProcess({
    dir: os.tmpdir(),
    largeCount: count,
    largeRails: true,
    pageSize: 50,
    mounts: { '/static/': path.join(ROOT, 'static'), '/media/': path.join(ROOT, 'media') },
  })
  try {
    await routeAppSettings(
      (settings) => (settings.catalogue = { backend: 'http', url: server.url }),
    )
    const started = Date.now()
    const page = await openApp()
    await waitForApp(page)
    const readyMs = Date.now() - started
    let maxRendered = 0
    const pressStarted = Date.now()
    const presses = 12
    for (let i = 0; i < presses; i++) {
      await press(page, i % 4 === 3 ? 'ArrowDown' : 'ArrowRight')
      const home = (await snapshot(page)).page as HomeSnapshot
      maxRendered = Math.max(maxRendered, ...home.rails.map((r) => r.rendered))
    }
    const pressMs = (Date.now() - pressStarted) / presses
    await page.waitForTimeout(500)
    const state = await snapshot(page)
    const result = {
      titles: state.catalogue.titles,
      readyMs,
      heapMb: await heapMb(page),
      textureMb: state.render.textureMemory / 1024 / 1024,
      maxRendered,
      pressMs,
    }
    await unrouteAppSettings()
    await page.close()
    return result
  } finally {
    await server.stop()
  }
}

// The generator belongs to the benchmark; without it there is nothing to measure.
const GENERATOR = path.join(ROOT, 'scripts/lib/large-catalogue.mjs')
const describeWithGenerator = existsSync(GENERATOR) ? describe : describe.skip

describeWithGenerator('catalogue scale', () => {
  it('10,000 titles: home as fast, navigation as smooth, texture memory as small as with 60', async () => {
    const small = await measure(60)
    const large = await measure(10_000)
    const fmt = (m: Measure) =>
      `${m.titles} titles held: ready ${m.readyMs} ms, heap ${m.heapMb.toFixed(1)} MB, ` +
      `textures ${m.textureMb.toFixed(1)} MB, max tiles per rail ${m.maxRendered}, ${m.pressMs.toFixed(0)} ms per key press`
    console.log(`${fmt(small)}\n${fmt(large)}`)
    expect(small.titles).toBe(60)
    // Home holds the first page of each rail (50 titles at most), not the catalogue.
    expect(large.titles).toBeLessThan(1000)
    expect(large.readyMs).toBeLessThan(small.readyMs + 3000)
    expect(large.heapMb).toBeLessThan(small.heapMb * 1.5 + 2)
    // Rails are virtualised: the same number of tiles exist, so the same textures.
    expect(large.maxRendered).toBeLessThanOrEqual(small.maxRendered)
    expect(large.textureMb).toBeLessThan(small.textureMb * 1.5 + 8)
    expect(large.pressMs).toBeLessThan(small.pressMs * 2 + 50)
  }, 180_000)
})
