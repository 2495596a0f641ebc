#!/usr/bin/env node
// npm start: generate assets, build, and serve build/ (and media/ at /media/) on 127.0.0.1.
//
//   PORT=9000 npm start            another port (default 8080)
//   npm start -- --fast            esbuild instead of rollup
//   CATALOGUE_URL=http://127.0.0.1:4000/ CATALOGUE_BACKEND=http npm start
//                                  point this build at another catalogue backend; both end up in
//                                  build/settings.json appSettings.catalogue (unchanged when unset)
//
// Live channels need nothing running: the server plays the loops made by scripts/assets.mjs as
// live TV (scripts/lib/live-sim.mjs, /live/<channel>/manifest.mpd), with restart and catch-up.

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import { build, BUILD_DIR, reportFailure } from './build.mjs'
import { BuildError, ROOT } from './lib/lng.mjs'
import { startServer } from './lib/server.mjs'

const HOST = '127.0.0.1'

function parsePort(value) {
  if (value === undefined || value === '') return 8080
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new BuildError(`PORT must be a number from 1 to 65535, got "${value}"`)
  }
  return port
}

function portInUse(port) {
  return new BuildError(
    `port ${port} on ${HOST} is already in use (another npm start?): stop that server or pick ` +
      `another port, e.g. PORT=${port === 65535 ? 8081 : port + 1} npm start`,
  )
}

/** Fails before the slow steps when the port is taken. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', (error) => reject(error.code === 'EADDRINUSE' ? portInUse(port) : error))
    probe.listen(port, HOST, () => probe.close(resolve))
  })
}

async function runAssets() {
  const script = path.join(ROOT, 'scripts/assets.mjs')
  if (!existsSync(script)) {
    console.warn('start: scripts/assets.mjs not found, skipping artwork and stream generation')
    return
  }
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', (exitCode, signal) => resolve(signal ? 128 : exitCode))
  })
  if (code !== 0)
    throw new BuildError(`generating assets failed (node scripts/assets.mjs, exit code ${code})`)
}

/**
 * Writes CATALOGUE_BACKEND / CATALOGUE_URL into build/settings.json; no-op when both are unset.
 * CATALOGUE_URL alone selects the `http` backend (docs/catalogue-api/README.md).
 */
export async function applyCatalogueEnv(buildDir, env = process.env) {
  const backend = env.CATALOGUE_BACKEND?.trim()
  const url = env.CATALOGUE_URL?.trim()
  if (!backend && !url) return null
  const file = path.join(buildDir, 'settings.json')
  const settings = JSON.parse(await readFile(file, 'utf8'))
  settings.appSettings ??= {}
  const current = settings.appSettings.catalogue ?? {}
  const catalogue = { ...current }
  if (backend) catalogue.backend = backend
  // A URL alone means the HTTP contract: the embedded backend has no use for one.
  else if (url && (catalogue.backend ?? 'embedded') === 'embedded') catalogue.backend = 'http'
  if (url) catalogue.url = url
  settings.appSettings.catalogue = catalogue
  await writeFile(file, JSON.stringify(settings, null, 2) + '\n')
  return catalogue
}

async function main() {
  const args = process.argv.slice(2)
  const unknown = args.filter((a) => a !== '--fast')
  if (unknown.length) throw new BuildError(`unknown option ${unknown.join(' ')} (use --fast)`)
  const port = parsePort(process.env.PORT)
  await checkPortFree(port)

  await runAssets()
  await build({ fast: args.includes('--fast') })
  const catalogue = await applyCatalogueEnv(BUILD_DIR)
  if (catalogue)
    console.log(`start: catalogue set to ${JSON.stringify(catalogue)} in build/settings.json`)

  let server
  try {
    server = await startServer({
      buildDir: BUILD_DIR,
      mediaDir: path.join(ROOT, 'media'),
      port,
      host: HOST,
    })
  } catch (error) {
    if (error.code === 'EADDRINUSE') throw portInUse(port)
    throw error
  }
  console.log(
    `Belgica is running at ${server.url} - open it in a browser at 1920x1080; arrows, Enter and ` +
      'Backspace (Back) drive it.',
  )
  console.log('Press Ctrl+C to stop.')

  const stop = () => {
    server.close().finally(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => reportFailure('start', error))
