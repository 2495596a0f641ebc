#!/usr/bin/env node
// Operator packages: `lng dist --es6` and `lng dist --es5`, minified (NODE_ENV=production), into
// dist/es6 and dist/es5. Each is a standalone folder (settings inlined in index.html, bundles in
// js/); Shaka is copied to its lib/ because the app loads `lib/shaka-player.compiled.js` relative
// to the page on first playback.
//
//   node scripts/dist.mjs [--es6] [--es5] [--quiet] [--test-hooks] [--operator <name>]
//
// --operator    builds dist/<name>/es6 and es5 with operators/<name>/settings.json merged in,
//               validated first, and its logo and fonts (scripts/lib/operator.mjs)
//
// --test-hooks  keeps window.__belgica and the benchmark's marks in the bundle (the benchmark and
//               the tests that read app state use it); an operator's package never has them.

import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { transformAsync } from '@babel/core'
import { parse } from 'acorn'
import { minify } from 'terser'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { reportFailure } from './build.mjs'
import { generateArtwork } from './lib/artwork.mjs'
import { generateLogos } from './lib/live-logos.mjs'
import { prepareOperator } from './lib/operator.mjs'
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
import { pageEmbeddedCatalogue } from './lib/page-catalogue.mjs'
import { embedCheckedSettings } from './lib/checkedSettings.mjs'

const gzip = promisify(zlib.gzip)
const TYPES = ['es6', 'es5']

async function sizes(file) {
  const raw = (await stat(file)).size
  const gz = (await gzip(await readFile(file), { level: 9 })).length
  return `${(raw / 1024).toFixed(0)} KB (${(gz / 1024).toFixed(0)} KB gzip)`
}

async function dist(type, { quiet, testHooks, operator }) {
  const started = Date.now()
  // Read by src/app/buildFlags.ts; 'false' makes the hook code dead, and the bundler drops it.
  const env = await lngEnv({
    NODE_ENV: 'production',
    APP_BELGICA_TEST_HOOKS: testHooks ? 'true' : 'false',
    ...operator?.env,
    // rollup.es6.config.js / rollup.es5.config.js: the bundle's outer function parenthesised.
    LNG_CUSTOM_ROLLUP: 'true',
  })
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
  if (type === 'es5') await lowerLightning(path.join(dir, 'js'))
  const shaka = await copyShaka(path.join(dir, 'lib'))
  await decorateIndexHtml(dir, metadata)
  // Valid settings are checked here once rather than on every start of every box.
  if (!(await embedCheckedSettings(dir))) {
    console.warn(`dist: dist/${type}: settings with problems or old keys are checked at start`)
  }
  if (type === 'es5') {
    for (const sub of ['js', 'lib']) await checkEs5(dir, sub)
    await checkInlineEs5(dir)
  }
  if (!testHooks) await checkNoTestHooks(bundle)
  const maps = await moveSourceMaps(
    dir,
    path.join(ROOT, 'dist', 'sourcemaps', operatorName ?? '', type),
  )
  const weights = `  app bundle ${await sizes(bundle)}, lib/shaka-player.compiled.js ${await sizes(shaka)}`
  const where = operator ? path.relative(ROOT, await operator.finish(type)) : `dist/${type}`
  // After the operator's static/ is added: its own catalogue, if it ships one, is what is split.
  const paging = await pageEmbeddedCatalogue(path.join(ROOT, where, 'static'))
  if (paging.invalid) console.warn(`dist: ${where}/static/catalogue/titles.json: ${paging.reason}`)
  if (paging.paged) {
    console.log(
      `dist: embedded catalogue of ${paging.titles} titles split into ${paging.files} files`,
    )
  }
  console.log(`dist: ${where} ready in ${seconds(started)}${testHooks ? ' (with test hooks)' : ''}`)
  console.log(weights)
  if (maps && !quiet)
    console.log(`  source maps: ${path.relative(ROOT, maps)} (not in the package)`)
}

/**
 * Source maps (several MB per package) are of no use on a box, whose flash is small: they leave the
 * package for `to`, kept beside it to read a box's stack traces, and the scripts stop naming them.
 * Returns `to`, or null when the package had none.
 */
async function moveSourceMaps(dir, to) {
  let moved = 0
  await rm(to, { recursive: true, force: true })
  for (const sub of ['js', 'lib']) {
    const names = await readdir(path.join(dir, sub)).catch(() => [])
    for (const name of names.filter((file) => file.endsWith('.map'))) {
      await mkdir(path.join(to, sub), { recursive: true })
      await rename(path.join(dir, sub, name), path.join(to, sub, name))
      moved++
    }
    for (const name of names.filter((file) => file.endsWith('.js'))) {
      const file = path.join(dir, sub, name)
      const code = await readFile(file, 'utf8')
      const bare = code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n')
      if (bare !== code) await writeFile(file, bare)
    }
  }
  return moved ? to : null
}

/**
 * The es5 package must parse on an ES5 engine, every script of it. Lightning's own
 * lightning.es5.min.js (core 2.20.3) is not ES5: it has `const` in strict mode and a computed
 * property key ([Symbol.toStringTag]), both syntax errors on the 2013-2015 engines the es5 package
 * is for, which would stop the app before its first frame. It is compiled down to ES5 here, and
 * every script is then checked with an ES5 parser: a later-syntax leak fails the build instead of
 * a box.
 */
async function lowerLightning(jsDir) {
  const lightning = path.join(jsDir, 'lightning.es5.min.js')
  if (existsSync(lightning)) {
    const lowered = await transformAsync(await readFile(lightning, 'utf8'), {
      babelrc: false,
      configFile: false,
      compact: true,
      sourceType: 'script',
      presets: [['@babel/preset-env', { forceAllTransforms: true, modules: false }]],
    })
    const small = await minify(lowered.code, { ecma: 5, compress: true, mangle: true })
    await writeFile(lightning, small.code)
  }
}

/** Throws a BuildError naming the first script of `<dir>/<sub>` that is not ES5, and where. */
async function checkEs5(dir, sub) {
  for (const name of (await readdir(path.join(dir, sub))).filter((file) => file.endsWith('.js'))) {
    const code = await readFile(path.join(dir, sub, name), 'utf8')
    try {
      parse(code, { ecmaVersion: 5, sourceType: 'script' })
    } catch (error) {
      const at = error.pos ?? 0
      throw new BuildError(
        `dist/es5/${sub}/${name} is not ES5 (${error.message}): …${code.slice(Math.max(0, at - 40), at + 40)}…`,
      )
    }
  }
}

/** The same check for the scripts written into index.html (start-up code, settings). */
async function checkInlineEs5(dir) {
  const html = await readFile(path.join(dir, 'index.html'), 'utf8')
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    try {
      parse(match[1], { ecmaVersion: 5, sourceType: 'script' })
    } catch (error) {
      throw new BuildError(`an inline script of dist/es5/index.html is not ES5 (${error.message})`)
    }
  }
}

const args = process.argv.slice(2)
const operatorAt = args.indexOf('--operator')
const operatorName = operatorAt >= 0 ? args.splice(operatorAt, 2)[1] : undefined
const unknown = args.filter((a) => !['--es6', '--es5', '--quiet', '--test-hooks'].includes(a))
if (unknown.length || (operatorAt >= 0 && !operatorName)) {
  console.error(
    `dist: unknown option ${unknown.join(' ') || '--operator without a name'} (use --es6, --es5, --quiet, --test-hooks, --operator <name>)`,
  )
  process.exit(2)
}
const selected = TYPES.filter((type) => args.includes(`--${type}`))
const quiet = args.includes('--quiet')
const testHooks = args.includes('--test-hooks')
/** An operator's package must not expose the app's state to whatever else runs on the box. */
async function checkNoTestHooks(bundle) {
  if ((await readFile(bundle, 'utf8')).includes('__belgica'))
    throw new BuildError(
      `${path.relative(ROOT, bundle)} still contains the test hook (window.__belgica): ` +
        'check that src/app/buildFlags.ts guards it and that APP_BELGICA_TEST_HOOKS reached the bundler',
    )
}

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

let operator
try {
  // The operator's settings are checked before the artwork and bundles take their minutes.
  operator = operatorName ? await prepareOperator(operatorName) : undefined
  await ensureArtwork()
  // lng creates dist/<type> with a check-then-mkdir of each missing parent: two builds started
  // together on a fresh clone both find no dist/ and one fails with EEXIST (seen in CI).
  await mkdir(path.join(ROOT, 'dist'), { recursive: true })
  // The two packages share only the sources and settings: built side by side, a release (and CI,
  // which builds both) waits for the slower one instead of the sum of the two.
  const results = await Promise.allSettled(
    (selected.length ? selected : TYPES).map((type) => dist(type, { quiet, testHooks, operator })),
  )
  const failed = results.find((result) => result.status === 'rejected')
  if (failed) throw failed.reason
} catch (error) {
  reportFailure('dist', error)
} finally {
  await operator?.cleanup()
}
