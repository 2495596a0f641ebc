/**
 * Settings an earlier release read under another name, moved to where this release reads them,
 * so an operator's settings.json written for that release keeps starting the app (with a warning
 * naming the new place) instead of stopping on an "unknown setting". A value already given at the
 * new place wins. Works on a copy: the operator's object is left as it was.
 */

type Plain = Record<string, unknown>

const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

interface Move {
  /** Path under appSettings, as an earlier release read it. */
  from: readonly string[]
  to: readonly string[]
}

const MOVES: readonly Move[] = [
  // brand.accentColor (releases before the white-label palette) -> brand.colors.accent
  { from: ['brand', 'accentColor'], to: ['brand', 'colors', 'accent'] },
]

function take(root: Plain, path: readonly string[]): { found: boolean; value?: unknown } {
  let node: unknown = root
  for (const key of path.slice(0, -1)) {
    if (!isPlain(node)) return { found: false }
    node = node[key]
  }
  const last = path[path.length - 1]!
  if (!isPlain(node) || !Object.prototype.hasOwnProperty.call(node, last)) return { found: false }
  const value = node[last]
  delete node[last]
  return { found: true, value }
}

function place(root: Plain, path: readonly string[], value: unknown): boolean {
  let node = root
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    if (next === undefined) node[key] = {}
    else if (!isPlain(next)) return false
    node = node[key] as Plain
  }
  const last = path[path.length - 1]!
  if (Object.prototype.hasOwnProperty.call(node, last)) return false
  node[last] = value
  return true
}

/** `settings` is a deep copy the caller owns; returns one warning per moved key. */
export function moveLegacySettings(settings: Plain): string[] {
  const warnings: string[] = []
  for (const move of MOVES) {
    const taken = take(settings, move.from)
    if (!taken.found) continue
    const moved = place(settings, move.to, taken.value)
    warnings.push(
      moved
        ? `appSettings.${move.from.join('.')} is read as appSettings.${move.to.join('.')}: rename it there`
        : `appSettings.${move.from.join('.')} is ignored: appSettings.${move.to.join('.')} is set`,
    )
  }
  return warnings
}
