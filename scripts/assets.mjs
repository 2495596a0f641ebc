#!/usr/bin/env node
// Makes every generated asset the app needs offline: catalogue artwork + icon, then the sample
// streams, the channel logos and the live simulator's loops. Idempotent: a second run only checks freshness. Used by npm start, npm test and bench.
//   node scripts/assets.mjs [--force] [--skip-streams]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateAdCreatives } from './lib/ad-creatives.mjs'
import { generateArtwork } from './lib/artwork.mjs'
import { generateLiveLoops } from './lib/live-sim.mjs'
import { generateLogos } from './lib/live-logos.mjs'
import { generateStreams } from './lib/streams.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const force = args.includes('--force')
const unknown = args.filter((a) => a !== '--force' && a !== '--skip-streams')
const log = (line) => console.log(`  ${line}`)

async function main() {
  if (unknown.length)
    throw new Error(`unknown option ${unknown.join(' ')} (use --force, --skip-streams)`)
  const started = Date.now()

  const art = await generateArtwork({ rootDir: root, force, log })
  console.log(
    `assets: artwork ${art.written} written, ${art.skipped} up to date` +
      `${art.invalid.length ? `, ${art.invalid.length} catalogue entries skipped` : ''}` +
      `${art.iconWritten ? ', icon written' : ''} (${art.seconds.toFixed(1)}s)`,
  )
  if (art.failed.length) throw new Error(`${art.failed.length} artwork files could not be written`)
  const logos = await generateLogos({ rootDir: root, force, log })
  if (logos.written) console.log(`assets: ${logos.written} channel logos written`)

  if (args.includes('--skip-streams')) {
    console.log('assets: streams skipped (--skip-streams)')
  } else {
    const streamsStarted = Date.now()
    const streams = await generateStreams({ outDir: path.join(root, 'media/streams'), force, log })
    const made = streams.filter((s) => !s.skipped).map((s) => s.id)
    console.log(
      `assets: streams ${made.length ? `generated ${made.join(', ')}` : 'up to date'}` +
        ` (${((Date.now() - streamsStarted) / 1000).toFixed(1)}s)`,
    )
    // Ad creatives for the sample ad server (/ads/ on the app server): ~5 s for all three.
    const ads = await generateAdCreatives({ outDir: path.join(root, 'media/ads'), force, log })
    console.log(`assets: ad creatives ${ads.length ? `encoded ${ads.join(', ')}` : 'up to date'}`)
    // Live channels: one short loop per channel, served as live TV by scripts/lib/live-sim.mjs.
    const liveStarted = Date.now()
    const loops = await generateLiveLoops({ outDir: path.join(root, 'media/live-sim'), force, log })
    const encoded = loops.filter((l) => !l.skipped).length
    console.log(
      `assets: live loops ${encoded ? `encoded ${encoded}` : 'up to date'}` +
        ` (${((Date.now() - liveStarted) / 1000).toFixed(1)}s)`,
    )
  }
  console.log(`assets: done in ${((Date.now() - started) / 1000).toFixed(1)}s`)
}

main().catch((error) => {
  console.error(`assets: ${error.message}`)
  process.exitCode = 1
})
