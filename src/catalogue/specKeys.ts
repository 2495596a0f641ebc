import { isRecord } from './tolerant'

/**
 * A JSON feed's keys under the specification's own spelling, whatever case or separators an
 * export wrote them in: serialisers of .NET and Java CMSs write `Title`, `Content`, `Videos`,
 * `VideoType` (PascalCase) or `release_date`, and a mapper reading `item.content` then found no
 * video in any item and skipped the whole feed. Renaming the keys once, before mapping, lets every
 * reader use the specified name.
 */

/** A key as it is compared: lower case, without `_`, `-` or spaces. */
const looseKey = (key: string): string => key.toLowerCase().replace(/[\s_-]/g, '')

/**
 * A copy of `value` in which each object key that loosely matches one of `names` is spelt as in
 * `names`. A key already spelt so wins over a variant of it in the same object; other keys and
 * every value are kept as they are.
 */
export function withSpecKeys(value: unknown, names: readonly string[]): unknown {
  const spelling = new Map(names.map((name) => [looseKey(name), name]))
  const rename = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rename)
    if (!isRecord(node)) return node
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(node)) {
      const name = spelling.get(looseKey(key)) ?? key
      if (name !== key && Object.prototype.hasOwnProperty.call(node, name)) {
        // Both spellings present: the specified one is the one read; the variant stays by its name.
        out[key] = rename(inner)
      } else out[name] = rename(inner)
    }
    return out
  }
  return rename(value)
}
