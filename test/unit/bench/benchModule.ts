import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const ROOT = path.resolve(__dirname, '../../..')

/** A bench/lib module's URL, quoted, to import in `runModule`'s code. */
export const lib = (name: string) =>
  JSON.stringify(pathToFileURL(path.join(ROOT, 'bench/lib', name)).href)

/** The bench is ES modules jest cannot import: evaluate in a child Node process, JSON back. */
export function runModule<T>(code: string): T {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code])
  return JSON.parse(out.toString()) as T
}
