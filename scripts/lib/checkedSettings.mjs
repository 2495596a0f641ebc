// settings.json checked when a package is built (src/config/checkedAtBuild.ts): the check is
// written into the package's index.html, before its scripts, for the app to trust at start while
// appSettings are still exactly those it checked.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { importAppModule } from './appModule.mjs'
import { BuildError } from './lng.mjs'

/** The appSettings the Lightning CLI wrote into index.html (JSON, indented). */
export function inlinedAppSettings(html) {
  const found =
    /(?:const|var|let) appSettings = (\{[\s\S]*?\})\s*\n\s*(?:const|var|let) platformSettings/.exec(
      html,
    )
  if (!found) return null
  try {
    return JSON.parse(found[1])
  } catch {
    return null
  }
}

/** A script defining `name` as `value`, safe inside HTML (no "</script>", no line separators). */
export function globalScript(name, value) {
  const literal = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
  return `<script>var ${name} = ${literal}</script>`
}

/** Writes the check into `<dir>/index.html`; false when there is nothing to trust. */
export async function embedCheckedSettings(dir) {
  const file = path.join(dir, 'index.html')
  const html = await readFile(file, 'utf8')
  const appSettings = inlinedAppSettings(html)
  if (!appSettings) throw new BuildError(`${file} has no inline appSettings the build can read`)
  const { checkForPackage, CHECKED_SETTINGS_GLOBAL } = await importAppModule(
    'src/config/checkedAtBuild.ts',
  )
  const checked = checkForPackage(appSettings)
  if (!checked) return false
  const at = html.search(/<script\b/i)
  if (at < 0) throw new BuildError(`${file} has no script to put the settings check before`)
  const script = globalScript(CHECKED_SETTINGS_GLOBAL, checked)
  await writeFile(file, `${html.slice(0, at)}${script}\n        ${html.slice(at)}`)
  return true
}
