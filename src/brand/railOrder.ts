/**
 * The rails an operator wants on home, in its order (appSettings.home.rails): each entry is a rail
 * id, or a prefix ending in * for a family of rails ("brand-*" for the brands, in the catalogue's
 * order). A rail no entry names is left out; an empty list keeps every rail as the catalogue and
 * the profile give them. An id no rail has (a backend without that rail) is skipped.
 */
export function orderRails<Rail extends { id: string }>(
  rails: readonly Rail[],
  wanted: readonly string[],
): Rail[] {
  if (!wanted.length) return [...rails]
  const taken = new Set<Rail>()
  const ordered: Rail[] = []
  for (const entry of wanted) {
    const prefix = entry.endsWith('*') ? entry.slice(0, -1) : null
    for (const rail of rails) {
      const match = prefix === null ? rail.id === entry : rail.id.startsWith(prefix)
      if (match && !taken.has(rail)) {
        taken.add(rail)
        ordered.push(rail)
      }
    }
  }
  return ordered
}
