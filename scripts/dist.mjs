#!/usr/bin/env node
// Operator packages: `lng dist --es6` and `lng dist --es5`, minified (NODE_ENV=production), into
// dist/es6 and dist/es5. Each is a standalone folder (settings inlined in index.html, bundles in
// js/); Shaka is copied to its lib/ because the app loads `lib/shaka-player.compiled.js` relative
// to the page on first playback.
//
//   node scripts/dist.mjs [--es6] [--es5] [--quiet]     (no flag: both)

import { existsSync } from 'node:fs'
import { readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { reportFailure } from './build.mjs'
import { generateArtwork } from './lib/artwork.mjs'
import { generateLogos } from './lib/live-logos.mjs'
import {
  BuildError,
  checkProjectJson,
  copyShaka,
  lngEnv,
  ROOT,
  runLng,
  seconds,
  decorateIndexHtml,
} from './lib/lng.mjs'

const gzip = promisify(zlib.gzip)
const TYPES = ['es6', 'es5']

async function sizes(file) {
  const raw = (await stat(file)).size
  const gz = (await gzip(await readFile(file), { level: 9 })).length
  return `${(raw / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzip)`
}

async function dist(type, { quiet }) {
  const started = Date.now()
  const env = await lngEnv({ NODE_ENV: 'production' })
  env.LNG_BUNDLER ||= 'rollup'
  delete env.LNG_DIST_FOLDER
  const { metadata } = await checkProjectJson(env)
  const dir = path.join(ROOT, 'dist', type)
  // lng only writes index.html (with the settings inlined) when the folder does not exist yet.
  await rm(dir, { recursive: true, force: true })

  await runLng(['dist', `--${type}`], { env, quiet })

  const bundle = path.join(dir, 'js', type === 'es6' ? 'appBundle.js' : 'appBundle.es5.js')
  for (const file of [path.join(dir, 'index.html'), bundle]) {
    if (!existsSync(file))
      throw new BuildError(
        `lng dist --${type} finished but ${path.relative(ROOT, file)} is missing`,
      )
  }
  const shaka = await copyShaka(path.join(dir, 'lib'))
  await decorateIndexHtml(dir, metadata)
  console.log(`dist: dist/${type} ready in ${seconds(started)}`)
  console.log(
    `  app bundle ${await sizes(bundle)}, lib/shaka-player.compiled.js ${await sizes(shaka)}`,
  )
}

const args = process.argv.slice(2)
const unknown = args.filter((a) => !['--es6', '--es5', '--quiet'].includes(a))
if (unknown.length) {
  console.error(`dist: unknown option ${unknown.join(' ')} (use --es6, --es5, --quiet)`)
  process.exit(2)
}
const selected = TYPES.filter((type) => args.includes(`--${type}`))
const quiet = args.includes('--quiet')
/**
 * The package carries static/ as it is, and the posters, backdrops, icon and channel logos there
 * are generated (not in git): on a fresh clone a package built without this step shows no artwork.
 * The sample streams are not packaged; they stay in media/, served by `npm start`.
 */
async function ensureArtwork() {
  const log = quiet ? () => {} : (line) => console.log(`  ${line}`)
  const art = await generateArtwork({ rootDir: ROOT, force: false, log })
  if (art.failed.length)
    throw new BuildError(`${art.failed.length} artwork files could not be written`)
  await generateLogos({ rootDir: ROOT, force: false, log })
}

try {
  await ensureArtwork()
  for (const type of selected.length ? selected : TYPES) await dist(type, { quiet })
} catch (error) {
  reportFailure('dist', error)
}
