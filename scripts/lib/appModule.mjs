// One of the app's own TypeScript modules, bundled for node with esbuild and imported, so a script
// uses exactly the app's code (its settings validation, its PIN records) instead of a copy.

import os from 'node:os'
import path from 'node:path'
import { rm } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { ROOT } from './lng.mjs'

let made = 0

/** Imports `src/...` (a path from the project root) and returns its exports. */
export async function importAppModule(relativePath, { root = ROOT } = {}) {
  const out = path.join(os.tmpdir(), `belgica-module-${process.pid}-${made++}.mjs`)
  await build({
    entryPoints: [path.join(root, relativePath)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    logLevel: 'silent',
  })
  try {
    return await import(pathToFileURL(out).href)
  } finally {
    await rm(out, { force: true })
  }
}
