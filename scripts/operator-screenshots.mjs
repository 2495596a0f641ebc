#!/usr/bin/env node
// Screenshots of the example operators' homes for the README (docs/operators/<name>-home.png):
// each operator's built package (dist/<name>/es6) served on 127.0.0.1 as a box would load it,
// its catalogue from the project's reference servers on the port its settings name, driven by
// Debian's Chromium through playwright-core.
//
//   npm run dist -- --operator meuse-tv --es6 && npm run dist -- --operator polder-play --es6
//   node scripts/operator-screenshots.mjs [name ...]          (default: both examples)
//
// The household is one that went through first start (a parental and a purchase PIN stored,
// consent answered), so the screenshot shows home and not the first-start questions.

import { existsSync } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { webcrypto } from 'node:crypto'
import { chromium } from 'playwright-core'
import { importAppModule } from './lib/appModule.mjs'
import { startCatalogueServer } from './lib/catalogue-server.mjs'
import { generateLargeCatalogue } from './lib/large-catalogue.mjs'
import { startServer } from './lib/server.mjs'
import { ROOT } from './lib/lng.mjs'

const chromiumSettings = JSON.parse(
  await readFile(path.join(ROOT, 'scripts/lib/chromium.json'), 'utf8'),
)
const OUT = path.join(ROOT, 'docs/operators')
const mounts = { '/static/': path.join(ROOT, 'static'), '/media/': path.join(ROOT, 'media') }

/** Each example's backend, on the address its settings.json names. */
const BACKENDS = {
  'meuse-tv': async () =>
    startCatalogueServer({
      dir: path.join(ROOT, 'static/catalogue'),
      port: 4100,
      mounts,
      catalogue: generateLargeCatalogue({
        count: 80,
        baseCatalogue: JSON.parse(
          await readFile(path.join(ROOT, 'static/catalogue/titles.json'), 'utf8'),
        ),
        rails: true,
      }),
    }),
  'polder-play': () =>
    startCatalogueServer({
      dir: path.join(ROOT, 'operators/polder-play/feed'),
      port: 4200,
      mounts,
    }),
}

/** PIN records as the app stores them, made by the app's own code (src/parental/pin.ts). */
async function pinRecords() {
  const { hashPin } = await importAppModule('src/parental/pin.ts')
  const crypto = { subtle: webcrypto.subtle, random: (bytes) => webcrypto.getRandomValues(bytes) }
  return {
    parental: await hashPin('1234', crypto, 1000),
    purchase: await hashPin('5678', crypto, 1000),
  }
}

async function shoot(name, browser, pins) {
  const dir = path.join(ROOT, 'dist', name, 'es6')
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`dist/${name}/es6 is missing: npm run dist -- --operator ${name} --es6`)
  }
  const backend = await BACKENDS[name]()
  const app = await startServer({ buildDir: dir })
  try {
    const page = await browser.newPage({
      viewport: { width: 1920, height: 1080 },
      deviceScaleFactor: 0.5,
    })
    const consent = {
      purposes: { ads: false, audience: false, quality: false },
      version: '1',
      at: 0,
    }
    // A household past first start: stored PINs and a consent answer, read whatever the keys'
    // namespace prefix is; what the app writes itself wins.
    await page.addInitScript(
      ({ pins, consent }) => {
        const read = globalThis.Storage.prototype.getItem
        globalThis.Storage.prototype.getItem = function (key) {
          const value = read.call(this, key)
          if (value !== null) return value
          if (/(^|\.)parental-pin$/.test(key)) return JSON.stringify(pins.parental)
          if (/(^|\.)purchase-pin$/.test(key)) return JSON.stringify(pins.purchase)
          if (/(^|\.)profile:[^:]+:consent$/.test(key)) return JSON.stringify(consent)
          return value
        }
      },
      { pins, consent },
    )
    await page.goto(app.url, { waitUntil: 'load' })
    // Home with its artwork: the catalogue, the fonts and the first posters have arrived.
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(4000)
    await mkdir(OUT, { recursive: true })
    const file = path.join(OUT, `${name}-home.png`)
    await page.screenshot({ path: file })
    await page.close()
    console.log(`operator-screenshots: ${path.relative(ROOT, file)}`)
  } finally {
    await app.close()
    await backend.close()
  }
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BACKENDS)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? chromiumSettings.defaultPath,
  args: ['--headless', ...chromiumSettings.flags],
})
try {
  const pins = await pinRecords()
  for (const name of names) await shoot(name, browser, pins)
} catch (error) {
  console.error(`operator-screenshots: ${error.message}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
