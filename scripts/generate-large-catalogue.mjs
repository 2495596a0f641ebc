#!/usr/bin/env node
// Writes a large catalogue derived from the embedded one (see scripts/lib/large-catalogue.mjs).
//   node scripts/generate-large-catalogue.mjs [--count 10000] [--base static/catalogue/titles.json]
//                                             [--out path/to/titles.json] [--rails]
// Without --out it prints the document on stdout. It never writes into static/ unless told to.
// --rails adds a rail layout, for the reference catalogue server (its catalogue.json format).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateLargeCatalogue } from './lib/large-catalogue.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const options = {
    count: 10_000,
    base: path.join(root, 'static/catalogue/titles.json'),
    out: null,
    rails: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined]
    const value = () => {
      const v = inline ?? argv[++i]
      if (v === undefined) throw new Error(`${name} needs a value`)
      return v
    }
    if (name === '--count') options.count = Number(value())
    else if (name === '--base') options.base = path.resolve(value())
    else if (name === '--out') options.out = path.resolve(value())
    else if (name === '--rails') options.rails = true
    else if (name === '--help' || name === '-h') options.help = true
    else throw new Error(`unknown option ${arg} (use --count N, --base FILE, --out FILE, --rails)`)
  }
  return options
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.help) {
    console.log(
      'usage: node scripts/generate-large-catalogue.mjs [--count 10000] [--base FILE] [--out FILE] [--rails]',
    )
    return
  }
  let baseCatalogue
  try {
    baseCatalogue = JSON.parse(await readFile(options.base, 'utf8'))
  } catch (error) {
    throw new Error(
      `cannot read the base catalogue ${path.relative(root, options.base)}: ${error.message}`,
      { cause: error },
    )
  }
  const document = generateLargeCatalogue({
    count: options.count,
    baseCatalogue,
    rails: options.rails,
  })
  const json = JSON.stringify(document)
  if (!options.out) {
    process.stdout.write(json + '\n')
    return
  }
  await mkdir(path.dirname(options.out), { recursive: true })
  await writeFile(options.out, json)
  console.error(
    `generate-large-catalogue: ${document.titles.length} titles${document.rails ? `, ${document.rails.length} rails` : ''}, ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB -> ${path.relative(process.cwd(), options.out) || options.out}`,
  )
}

main().catch((error) => {
  console.error(`generate-large-catalogue: ${error.message}`)
  process.exitCode = 1
})
