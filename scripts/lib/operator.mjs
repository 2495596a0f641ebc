// An operator's package: `npm run dist -- --operator <name>` builds dist/<name>/es6 and es5 from
// operators/<name>/: its settings.json merged over the project's (appSettings key by key, as the
// app merges over its defaults), validated with the app's own validation before anything is
// built, and its static/ files (logo) plus the font files its settings name, copied from the
// installed font packages, added to the package.

import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { importAppModule } from './appModule.mjs'
import { BuildError, readJsonStrict, ROOT } from './lng.mjs'

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Objects merged key by key, anything else (lists included) replaced: what settings expect. */
export function mergeSettings(base, over) {
  const merged = { ...base }
  for (const [key, value] of Object.entries(over)) {
    merged[key] = isObject(value) && isObject(base[key]) ? mergeSettings(base[key], value) : value
  }
  return merged
}

/**
 * The app's validateAppSettings (src/config/validate.ts), bundled for node once per run, so the
 * build refuses exactly what the box would refuse at start, with the same messages.
 */
let validator
export async function loadValidator() {
  validator ??= (await importAppModule('src/config/validate.ts')).validateAppSettings
  return validator
}

/** The operator's merged settings, or a BuildError listing every problem by its path. */
export async function operatorSettings(name, { root = ROOT } = {}) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new BuildError(
      `--operator needs a folder name of operators/ (a-z, 0-9, -), got "${name}"`,
    )
  }
  const dir = path.join(root, 'operators', name)
  if (!existsSync(path.join(dir, 'settings.json'))) {
    const known = existsSync(path.join(root, 'operators'))
      ? (await readdir(path.join(root, 'operators'))).sort().join(', ')
      : 'none'
    throw new BuildError(`operators/${name}/settings.json not found (operators: ${known})`)
  }
  const project = await readJsonStrict(path.join(root, 'settings.json'))
  const own = await readJsonStrict(path.join(dir, 'settings.json'))
  // Only the two blocks lng reads: a "$schema" beside them is for editors.
  const settings = {
    appSettings: mergeSettings(project.appSettings ?? {}, own.appSettings ?? {}),
    platformSettings: mergeSettings(project.platformSettings ?? {}, own.platformSettings ?? {}),
  }
  const validate = await loadValidator()
  const result = validate(settings.appSettings)
  if (!result.ok) {
    const lines = result.problems.map((problem) => `  ${problem.path}: ${problem.message}`)
    throw new BuildError(`operators/${name}/settings.json is not valid:\n${lines.join('\n')}`)
  }
  return { dir, settings, config: result.config }
}

/** Where a font file named in the settings comes from: the operator's static/, else a package. */
function fontSource(operatorDir, file, root) {
  const own = path.join(operatorDir, 'static', file)
  if (existsSync(own)) return own
  const packages = path.join(root, 'node_modules', '@fontsource')
  if (!existsSync(packages)) return null
  for (const pkg of ['inter', 'source-sans-3']) {
    const candidate = path.join(packages, pkg, 'files', path.basename(file))
    if (existsSync(candidate)) return candidate
  }
  return null
}

/**
 * Sets the project up for lng to build the operator's package: lng reads settings.<env>.json when
 * LNG_SETTINGS_ENV names it. Returns the environment to add, what to do with each built folder
 * (dist/<type> moved to dist/<name>/<type>, the operator's files added) and a cleanup.
 */
export async function prepareOperator(name, { root = ROOT } = {}) {
  const { dir, settings, config } = await operatorSettings(name, { root })
  const fonts = [config.brand.font.regular, config.brand.font.bold].filter(Boolean)
  const sources = fonts.map((file) => ({ file, from: fontSource(dir, file, root) }))
  const missing = sources.filter((source) => !source.from).map((source) => source.file)
  if (missing.length) {
    throw new BuildError(
      `operators/${name}: font file ${missing.join(', ')} is neither in its static/ nor in an installed @fontsource package`,
    )
  }
  const envName = `operator-${name}`
  const settingsFile = path.join(root, `settings.${envName}.json`)
  await writeFile(settingsFile, JSON.stringify(settings, null, 2) + '\n')
  return {
    env: { LNG_SETTINGS_ENV: envName },
    async finish(type) {
      const built = path.join(root, 'dist', type)
      const target = path.join(root, 'dist', name, type)
      await rm(target, { recursive: true, force: true })
      await mkdir(path.dirname(target), { recursive: true })
      await rename(built, target)
      if (existsSync(path.join(dir, 'static'))) {
        await cp(path.join(dir, 'static'), path.join(target, 'static'), { recursive: true })
      }
      for (const { file, from } of sources) {
        await mkdir(path.dirname(path.join(target, 'static', file)), { recursive: true })
        await cp(from, path.join(target, 'static', file))
      }
      return target
    },
    async cleanup() {
      await rm(settingsFile, { force: true })
    },
  }
}
