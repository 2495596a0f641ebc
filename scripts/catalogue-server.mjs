#!/usr/bin/env node
// The reference catalogue server (scripts/lib/catalogue-server.mjs) from the command line:
//
//   node scripts/catalogue-server.mjs <folder> [--port 4000] [--page-size 50] [--latency 0]
//   node scripts/catalogue-server.mjs --large 10000        the embedded catalogue grown to N titles,
//                                                          with a rail layout as an operator's has
//   node scripts/catalogue-server.mjs --large 10000 --flat the same as a flat title list (no rails)
//
// <folder> holds catalogue.json (and any files to serve, e.g. a Direct Publisher feed.json). The
// project's static/ and media/ are mounted at /static/ and /media/, so catalogues using the
// embedded artwork and sample streams by relative URL work as they are. Then, in another shell:
//
//   CATALOGUE_BACKEND=http CATALOGUE_URL=http://127.0.0.1:4000/ npm start
//   CATALOGUE_BACKEND=directpublisher CATALOGUE_URL=http://127.0.0.1:4000/feed.json npm start

import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startCatalogueServer } from './lib/catalogue-server.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const options = { port: 4000, pageSize: 50, latencyMs: 0, dir: null, large: 0, flat: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined || !/^\d+$/.test(next)) throw new Error(`${arg} needs a number`)
      return Number(next)
    }
    if (arg === '--port') options.port = value()
    else if (arg === '--page-size') options.pageSize = value()
    else if (arg === '--latency') options.latencyMs = value()
    else if (arg === '--large') options.large = value()
    else if (arg === '--flat') options.flat = true
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`)
    else options.dir = arg
  }
  if (!options.dir && !options.large) {
    throw new Error(
      'usage: node scripts/catalogue-server.mjs <folder> | --large <count> [--flat] [--port n]',
    )
  }
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  let catalogue
  if (options.large) {
    const generator = path.join(ROOT, 'scripts/lib/large-catalogue.mjs')
    if (!existsSync(generator)) throw new Error('scripts/lib/large-catalogue.mjs is missing')
    const { generateLargeCatalogue } = await import(pathToFileURL(generator).href)
    const baseCatalogue = JSON.parse(
      await readFile(path.join(ROOT, 'static/catalogue/titles.json'), 'utf8'),
    )
    catalogue = generateLargeCatalogue({
      count: options.large,
      baseCatalogue,
      rails: !options.flat,
    })
  }
  const mounts = {}
  for (const name of ['static', 'media']) {
    if (existsSync(path.join(ROOT, name))) mounts[`/${name}/`] = path.join(ROOT, name)
  }
  const server = await startCatalogueServer({
    dir: options.dir ?? path.join(ROOT, 'static/catalogue'),
    port: options.port,
    pageSize: options.pageSize,
    latencyMs: options.latencyMs,
    mounts,
    ...(catalogue ? { catalogue } : {}),
  })
  console.log(`catalogue server at ${server.url} (Ctrl+C to stop)`)
  console.log(`  CATALOGUE_BACKEND=http CATALOGUE_URL=${server.url} npm start`)
  const stop = () => server.close().finally(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(`catalogue-server: ${error.message}`)
  process.exit(1)
})
