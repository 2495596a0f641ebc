#!/usr/bin/env node
// Generates the sample DASH/HLS streams into media/streams/ (see scripts/lib/streams.mjs).
//   node scripts/generate-streams.mjs [--force] [--out DIR]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateStreams } from './lib/streams.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const outDir =
  outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? '') : path.join(root, 'media/streams')

const started = Date.now()
try {
  const results = await generateStreams({
    outDir,
    force: args.includes('--force'),
    log: console.log,
  })
  const made = results.filter((r) => !r.skipped).map((r) => r.id)
  const skipped = results.filter((r) => r.skipped).map((r) => r.id)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `streams: ${made.length} generated${made.length ? ` (${made.join(', ')})` : ''}, ` +
      `${skipped.length} up to date${skipped.length ? ` (${skipped.join(', ')})` : ''} in ${seconds}s -> ${outDir}`,
  )
} catch (error) {
  console.error(`streams: ${error.message}`)
  process.exitCode = 1
}
