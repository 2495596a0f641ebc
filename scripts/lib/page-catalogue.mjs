// A build's embedded catalogue, split into pages when it is large (src/catalogue/splitCatalogue.ts
// decides and makes the files; this writes them). Run by scripts/build.mjs and scripts/dist.mjs on
// the static/ folder of what they built, never on the project's own static/: the operator edits
// one catalogue file, the package gets the pages.
//
//   const result = await pageEmbeddedCatalogue('build/static')
//   // { paged: true, titles: 10000, rails: 12, files: 10814 } or { paged: false, reason }

import { existsSync, realpathSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { importAppModule } from './appModule.mjs'
import { BuildError, ROOT } from './lng.mjs'

let splitter
async function loadSplitter() {
  splitter ??= await importAppModule('src/catalogue/splitCatalogue.ts')
  return splitter
}

/**
 * Splits `<staticDir>/catalogue/titles.json` in place when it is large: titles.json becomes the
 * home document and catalogue/paged/ holds the rest (an earlier paged/ is replaced). A small
 * catalogue, or none, is left as it is, and so is a file that is not a catalogue, JSON or not
 * (`invalid`: the app reports it at start, as it always has).
 * @param {string} staticDir
 * @param {{ pageSize?: number, minTitles?: number }} [options]
 */
export async function pageEmbeddedCatalogue(staticDir, options = {}) {
  const catalogueDir = path.join(staticDir, 'catalogue')
  const file = path.join(catalogueDir, 'titles.json')
  if (!existsSync(file)) return { paged: false, reason: 'no catalogue/titles.json' }
  if (realpathSync(catalogueDir) === realpathSync(path.join(ROOT, 'static/catalogue'))) {
    throw new BuildError('pageEmbeddedCatalogue: refusing to split the project static/ itself')
  }
  let document
  try {
    document = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return { paged: false, reason: `not JSON (${error.message})`, invalid: true }
  }
  const { splitCatalogue, DEFAULT_SPLIT } = await loadSplitter()
  // Already split (a build folder split twice): nothing to do.
  if (document && typeof document === 'object' && 'paged' in document) {
    return { paged: false, reason: 'already split' }
  }
  const result = splitCatalogue(document, { ...DEFAULT_SPLIT, ...options })
  if (!result.paged)
    return { paged: false, reason: result.reason, invalid: Boolean(result.invalid) }
  const pagedDir = path.join(catalogueDir, 'paged')
  await rm(pagedDir, { recursive: true, force: true })
  const folders = new Set([...result.files.keys()].map((name) => path.dirname(name)))
  for (const folder of folders) await mkdir(path.join(catalogueDir, folder), { recursive: true })
  // A few at a time: thousands of small files, written without exhausting file handles.
  const entries = [...result.files]
  for (let i = 0; i < entries.length; i += 64) {
    await Promise.all(
      entries
        .slice(i, i + 64)
        .map(([name, value]) => writeFile(path.join(catalogueDir, name), JSON.stringify(value))),
    )
  }
  // Last: a build stopped half-way keeps its whole titles.json, which still works.
  await writeFile(file, JSON.stringify(result.home))
  return { paged: true, titles: result.titles, rails: result.rails, files: entries.length + 1 }
}
