#!/usr/bin/env node
// Draws posters, backdrops and the app icon for the embedded catalogue (see scripts/lib/artwork.mjs).
//   node scripts/generate-artwork.mjs [--force] [--root DIR] [--catalogue FILE]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateArtwork } from './lib/artwork.mjs'

const args = process.argv.slice(2)
const option = (name) => {
  const index = args.indexOf(name)
  return index >= 0 ? path.resolve(args[index + 1] ?? '') : undefined
}
const rootDir = option('--root') ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

try {
  const result = await generateArtwork({
    rootDir,
    catalogueFile: option('--catalogue'),
    force: args.includes('--force'),
    log: console.log,
  })
  console.log(
    `artwork: ${result.written} written, ${result.skipped} up to date, ${result.invalid.length} skipped as invalid` +
      `${result.iconWritten ? ', icon written' : ''} in ${result.seconds.toFixed(1)}s`,
  )
  if (result.failed.length) {
    console.error(`artwork: ${result.failed.length} images could not be written`)
    process.exitCode = 1
  }
} catch (error) {
  console.error(`artwork: ${error.message}`)
  process.exitCode = 1
}
