// Shared by scripts/build.mjs and scripts/dist.mjs: running the local Lightning CLI the way this
// project needs it, and the steps around it (JSON checks, Shaka copy, page title).

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { withBootGuard } from './bootGuard.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

const require = createRequire(import.meta.url)

/** Thrown for failures whose message is already the whole story (no stack trace needed). */
export class BuildError extends Error {
  constructor(message, output = '') {
    super(message)
    this.name = 'BuildError'
    this.output = output
  }
}

/** Reads KEY=VALUE lines of the project's .env (what the CLI itself loads through dotenv). */
export async function readDotEnv(file = path.join(ROOT, '.env')) {
  if (!existsSync(file)) return {}
  const values = {}
  for (const line of (await readFile(file, 'utf8')).split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line)
    if (!match) continue
    let value = match[2]
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1)
    values[match[1]] = value
  }
  return values
}

/**
 * The environment for an lng run: .env, then the caller's environment (which wins, as with
 * dotenv), then `overrides`. The update check is off unless someone explicitly turns it on: it
 * prompts and hangs offline.
 */
export async function lngEnv(overrides = {}) {
  const env = { ...(await readDotEnv()), ...process.env, ...overrides }
  env.LNG_AUTO_UPDATE ??= 'false'
  env.LNG_SERVE_OPEN ??= 'false'
  env.LNG_BUILD_EXIT_ON_FAIL ??= 'true'
  return env
}

function lngBinary() {
  const pkgFile = require.resolve('@lightningjs/cli/package.json', { paths: [ROOT] })
  const pkg = require(pkgFile)
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.lng ?? Object.values(pkg.bin)[0])
  return path.join(path.dirname(pkgFile), bin)
}

/**
 * Runs `lng <args>` in the project root. With `quiet`, output is kept and only shown on failure.
 * The CLI appends build folder names to .gitignore on every build; that edit is undone here.
 */
export async function runLng(args, { env, quiet = false } = {}) {
  const gitignore = path.join(ROOT, '.gitignore')
  const before = existsSync(gitignore) ? await readFile(gitignore, 'utf8') : null
  let output = ''
  let code
  try {
    code = await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [lngBinary(), ...args], {
        cwd: ROOT,
        env,
        stdio: quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
      })
      if (quiet) {
        child.stdout.on('data', (chunk) => (output += chunk))
        child.stderr.on('data', (chunk) => (output += chunk))
      }
      child.on('error', reject)
      child.on('close', (exitCode, signal) => resolve(signal ? 128 : exitCode))
    })
  } finally {
    await restoreGitignore(gitignore, before)
  }
  if (code !== 0) {
    throw new BuildError(`lng ${args.join(' ')} failed (exit code ${code})`, output)
  }
  return output
}

async function restoreGitignore(file, before) {
  if (before === null || !existsSync(file)) return
  const after = await readFile(file, 'utf8')
  if (after === before || !after.startsWith(before)) return
  const added = after.slice(before.length).split(/\r?\n/).filter(Boolean)
  const cliEntries = new Set(['dist', 'releases', '.tmp', 'build', process.env.LNG_BUILD_FOLDER])
  if (added.every((line) => cliEntries.has(line.trim()))) await writeFile(file, before)
}

/** Parses a JSON file, or throws a BuildError naming the file, line and column. */
export async function readJsonStrict(file) {
  // Windows Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses (invisibly, in
  // its message) and the box's engine reads past.
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  try {
    return JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(error.message)
    let where = ''
    if (position) {
      const before = text.slice(0, Number(position[1]))
      const line = before.split('\n').length
      const column = before.length - before.lastIndexOf('\n')
      where = ` at line ${line}, column ${column}`
    }
    const reason = error.message.replace(/\s*in JSON at position \d+.*$/, '')
    throw new BuildError(`${path.relative(ROOT, file)} is not valid JSON${where}: ${reason}`)
  }
}

/** Checks the files lng reads (settings and metadata) before spending time on a bundle. */
export async function checkProjectJson(env = process.env) {
  const settingsName = env.LNG_SETTINGS_ENV
    ? `settings.${env.LNG_SETTINGS_ENV}.json`
    : 'settings.json'
  const settingsFile = path.join(
    ROOT,
    existsSync(path.join(ROOT, settingsName)) ? settingsName : 'settings.json',
  )
  const settings = await readJsonStrict(settingsFile)
  const metadata = await readJsonStrict(path.join(ROOT, 'metadata.json'))
  if (typeof settings.appSettings !== 'object' || typeof settings.platformSettings !== 'object') {
    throw new BuildError(
      `${path.basename(settingsFile)} needs "appSettings" and "platformSettings" objects`,
    )
  }
  return { settings, metadata }
}

export const SHAKA_FILE = 'shaka-player.compiled.js'

/** Copies Shaka's compiled build into `libDir` (the app loads it from `lib/` on first playback). */
export async function copyShaka(libDir, { withSourceMap = false } = {}) {
  const distDir = path.join(
    path.dirname(require.resolve('shaka-player/package.json', { paths: [ROOT] })),
    'dist',
  )
  const source = path.join(distDir, SHAKA_FILE)
  if (!existsSync(source)) throw new BuildError(`${source} is missing: run npm install`)
  await mkdir(libDir, { recursive: true })
  await copyFile(source, path.join(libDir, SHAKA_FILE))
  const map = path.join(distDir, 'shaka-player.compiled.map')
  if (withSourceMap && existsSync(map))
    await copyFile(map, path.join(libDir, 'shaka-player.compiled.map'))
  return path.join(libDir, SHAKA_FILE)
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  )

/**
 * Gives the CLI's index.html (which has neither) a <title> and an icon link, the icon being
 * metadata.json's `icon` when that file exists in the output folder (else none, so the browser
 * does not ask for a missing /favicon.ico), a black page, and the boot guard (./bootGuard.mjs)
 * before its scripts.
 */
export async function decorateIndexHtml(outDir, metadata) {
  const file = path.join(outDir, 'index.html')
  let html = await readFile(file, 'utf8')
  const head = []
  if (!/<title>/i.test(html)) head.push(`<title>${escapeHtml(metadata.name ?? 'App')}</title>`)
  if (!/rel="icon"/i.test(html)) {
    // A small favicon when the assets made one; the launcher icon (metadata.json) otherwise.
    const candidates = [
      './static/favicon.png',
      typeof metadata.icon === 'string' ? metadata.icon : '',
    ]
    const icon = candidates.find((file) => file && existsSync(path.join(outDir, file)))
    const href = icon ?? 'data:,'
    head.push(`<link rel="icon" href="${escapeHtml(href)}" />`)
  }
  // Black from the first frame: until the app's code ran (stageFit.ts) the page was the
  // browser's white, a flash on every start and on the high-contrast restart.
  if (!/data-belgica-page/.test(html))
    head.push('<style data-belgica-page>html,body{margin:0;background:#000}</style>')
  if (head.length) html = html.replace(/<head>/i, `<head>\n        ${head.join('\n        ')}`)
  await writeFile(file, withBootGuard(html))
}

export function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`
}
