// The benchmark measures the production bundle, built the way a release is (scripts/dist.mjs:
// `lng dist` with NODE_ENV=production, minified, Shaka Player in lib/ where the app loads it
// lazily on first playback). Variants (another catalogue, another appSettings) are folders of
// symlinks to that build with the changed files replaced.
import { spawn } from 'node:child_process'
import { cp, lstat, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const SHAKA_TARGET = 'lib/shaka-player.compiled.js'

function run(command, args, { cwd, env, label, log }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk) => {
      output += chunk
      if (output.length > 200_000) output = output.slice(-100_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) {
        log?.(`${label}: ok`)
        resolve(output)
      } else {
        reject(
          new Error(`${label} failed (exit ${code}):\n${output.split('\n').slice(-30).join('\n')}`),
        )
      }
    })
  })
}

async function exists(file) {
  try {
    await stat(file)
    return true
  } catch {
    return false
  }
}

/** Generated artwork and sample streams (idempotent: a second run only checks freshness). */
export async function ensureAssets({ root, log }) {
  const script = path.join(root, 'scripts/assets.mjs')
  if (!(await exists(script)))
    throw new Error(
      'scripts/assets.mjs is missing: the benchmark needs the generated artwork and streams',
    )
  await run(process.execPath, [script], {
    cwd: root,
    label: 'assets (node scripts/assets.mjs)',
    log,
  })
}

/**
 * Builds the production bundle with the project's own release script (`node scripts/dist.mjs
 * --<target>`: lng dist, NODE_ENV=production, Shaka copied to lib/) and copies dist/<target> to
 * bench/.work/app-<target>, so a later `npm run dist` cannot change the build under a run.
 * @param {{ root: string, workDir: string, target: 'es6'|'es5', log: (line: string) => void }} options
 */
export async function buildProduction({ root, workDir, target, log }) {
  const script = path.join(root, 'scripts/dist.mjs')
  if (!(await exists(script)))
    throw new Error(
      'scripts/dist.mjs is missing: the benchmark measures the production build it makes',
    )
  // The release build plus the test hook the benchmark reads its marks from: the only difference.
  await run(process.execPath, [script, `--${target}`, '--quiet', '--test-hooks'], {
    cwd: root,
    env: { LNG_AUTO_UPDATE: 'false' },
    label: `production build (node scripts/dist.mjs --${target} --test-hooks)`,
    log,
  })
  const outDir = productionDir(workDir, target)
  await rm(outDir, { recursive: true, force: true })
  await cp(path.join(root, 'dist', target), outDir, { recursive: true })
  await checkBuild(outDir)
  return outDir
}

export const productionDir = (workDir, target) => path.join(workDir, `app-${target}`)

/** Throws with a clear message when a folder does not look like a production build. */
export async function checkBuild(dir) {
  for (const file of ['index.html', 'static/catalogue/titles.json', SHAKA_TARGET]) {
    if (!(await exists(path.join(dir, file)))) {
      throw new Error(
        `${path.join(dir, file)} is missing: the production build is incomplete (run without --skip-build)`,
      )
    }
  }
}

/** Sizes (bytes) of the files a start downloads, for the report. */
export async function bundleSizes(dir) {
  const sizes = {}
  for (const sub of ['js', 'lib']) {
    const names = await readdir(path.join(dir, sub)).catch(() => [])
    for (const name of names) {
      if (name.endsWith('.map')) continue
      sizes[`${sub}/${name}`] = (await stat(path.join(dir, sub, name))).size
    }
  }
  sizes['static/catalogue/titles.json'] = (
    await stat(path.join(dir, 'static/catalogue/titles.json'))
  ).size
  return sizes
}

const SETTINGS_PATTERN =
  /((?:const|var|let) appSettings = )(\{[\s\S]*?\})(\s*\n\s*(?:const|var|let) platformSettings)/

/** Reads the appSettings inlined into a dist index.html. */
export function readInlineAppSettings(html) {
  const match = SETTINGS_PATTERN.exec(html)
  if (!match) throw new Error('index.html has no inlined appSettings (is it an lng dist build?)')
  return JSON.parse(match[2])
}

function deepMerge(target, patch) {
  for (const [key, value] of Object.entries(patch)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      target[key] = deepMerge(
        target[key] && typeof target[key] === 'object' ? target[key] : {},
        value,
      )
    } else {
      target[key] = value
    }
  }
  return target
}

/**
 * A variant of a build: every entry is a symlink to the original except the files changed.
 * @param {{ baseDir: string, dir: string, appSettings?: object, catalogue?: string }} options
 *   appSettings: deep-merged into the inlined appSettings; catalogue: JSON text for
 *   static/catalogue/titles.json.
 */
export async function makeVariant({ baseDir, dir, appSettings, catalogue }) {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const replaced = new Set()
  if (appSettings) replaced.add('index.html')
  if (catalogue) replaced.add('static')
  for (const name of await readdir(baseDir)) {
    if (!replaced.has(name)) await symlink(path.join(baseDir, name), path.join(dir, name))
  }
  if (appSettings) {
    const html = await readFile(path.join(baseDir, 'index.html'), 'utf8')
    const merged = deepMerge(readInlineAppSettings(html), appSettings)
    const patched = html.replace(
      SETTINGS_PATTERN,
      (_, a, __, c) => `${a}${JSON.stringify(merged, null, 2)}${c}`,
    )
    await writeFile(path.join(dir, 'index.html'), patched)
  }
  if (catalogue) {
    const staticDir = path.join(dir, 'static')
    await mkdir(path.join(staticDir, 'catalogue'), { recursive: true })
    for (const name of await readdir(path.join(baseDir, 'static'))) {
      if (name !== 'catalogue')
        await symlink(path.join(baseDir, 'static', name), path.join(staticDir, name))
    }
    const catalogueDir = path.join(baseDir, 'static/catalogue')
    for (const name of await readdir(catalogueDir)) {
      if (name !== 'titles.json')
        await symlink(path.join(catalogueDir, name), path.join(staticDir, 'catalogue', name))
    }
    await writeFile(path.join(staticDir, 'catalogue/titles.json'), catalogue)
  }
  const info = await lstat(dir)
  return { dir, created: info.mtime }
}
