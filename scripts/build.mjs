#!/usr/bin/env node
// Development build into build/: `lng build`, then a large embedded catalogue split into pages
// (scripts/lib/page-catalogue.mjs), Shaka copied to build/lib/ (loaded by the app on first
// playback, not bundled) and the page given its title.
//
//   node scripts/build.mjs [--fast] [--quiet]
//
// --fast   esbuild instead of rollup (about 10x faster; neither type-checks: npm run typecheck does)
// --quiet  print the CLI's output only when it fails
// LNG_BUNDLER=esbuild|rollup in the environment or .env also picks the bundler (default rollup).

import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
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

export const BUILD_DIR = path.join(ROOT, 'build')

/** Builds the app into build/. Throws BuildError with a readable message on failure. */
export async function build({ fast = false, quiet = false } = {}) {
  const started = Date.now()
  // The development build keeps the test hook (src/app/buildFlags.ts): e2e tests read app state.
  const env = await lngEnv({
    APP_BELGICA_TEST_HOOKS: 'true',
    ...(fast ? { LNG_BUNDLER: 'esbuild' } : {}),
  })
  env.LNG_BUNDLER ||= 'rollup'
  delete env.LNG_BUILD_FOLDER
  const { metadata } = await checkProjectJson(env)

  await runLng(['build'], { env, quiet })

  for (const file of [
    'index.html',
    'startApp.js',
    'appBundle.js',
    'settings.json',
    'lib/lightning.js',
  ]) {
    if (!existsSync(path.join(BUILD_DIR, file))) {
      throw new BuildError(`lng build finished but build/${file} is missing`)
    }
  }
  const paging = await pageEmbeddedCatalogue(path.join(BUILD_DIR, 'static'))
  if (paging.invalid) console.warn(`build: static/catalogue/titles.json: ${paging.reason}`)
  if (paging.paged && !quiet) {
    console.log(
      `build: embedded catalogue of ${paging.titles} titles split into ${paging.files} files`,
    )
  }
  await copyShaka(path.join(BUILD_DIR, 'lib'), { withSourceMap: true })
  await decorateIndexHtml(BUILD_DIR, metadata)
  if (!quiet) console.log(`build: build/ ready with ${env.LNG_BUNDLER} in ${seconds(started)}`)
  return { dir: BUILD_DIR, bundler: env.LNG_BUNDLER }
}

/** Prints a failure the way every script here does, and sets the exit code. */
export function reportFailure(prefix, error) {
  if (error instanceof BuildError) {
    if (error.output) console.error(error.output.trimEnd())
    console.error(`${prefix}: ${error.message}`)
  } else {
    console.error(`${prefix}: unexpected error`)
    console.error(error)
  }
  process.exitCode = 1
}

const isMain =
  process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (isMain) {
  const args = process.argv.slice(2)
  const unknown = args.filter((a) => a !== '--fast' && a !== '--quiet')
  if (unknown.length) {
    console.error(`build: unknown option ${unknown.join(' ')} (use --fast, --quiet)`)
    process.exit(2)
  }
  build({ fast: args.includes('--fast'), quiet: args.includes('--quiet') }).catch((error) =>
    reportFailure('build', error),
  )
}
