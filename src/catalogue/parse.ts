import { catalogueFileSchema, titleSchema, type Title } from './schema'
import { parseLeniently } from './lenientParse'
import { decodeEntities, withoutTags } from './htmlText'
import { notContractError, skippedItem, type CatalogueProblem, type SkipReason } from './errors'

export interface ParsedTitles {
  titles: Title[]
  /** One entry per skipped item, with its id (when it has one) and the reason. */
  problems: CatalogueProblem[]
  /** Items kept after a repair (lenientParse.ts), each as "<id>: <what was repaired>". */
  repairs: string[]
}

const idOf = (raw: unknown): string | undefined => {
  if (typeof raw === 'object' && raw !== null && 'id' in raw) {
    const id = (raw as { id: unknown }).id
    if (typeof id === 'string' && id.length <= 200) return id
    // A database id written as a number (4000) names the item as the CMS shows it.
    if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  }
  return undefined
}

function reasonOf(
  raw: unknown,
  issue: { code: string; message: string; path: PropertyKey[] } | undefined,
): SkipReason {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not-an-item'
  if (issue?.code === 'invalid_type' && /received undefined/.test(issue.message))
    return 'missing-field'
  if (issue?.path.includes('stream') && /DASH, an HLS or an MP4/.test(issue.message))
    return 'no-playable-video'
  return 'invalid-field'
}

/** Fields a household reads: the languages of a text, and the names of people and brands. */
const READ_TEXT = new Set(['fr', 'nl', 'de', 'en', 'originalTitle', 'name', 'character'])

/**
 * A tag of the HTML a CMS puts in texts, opening or closing ("<b>", "</p>", "<br/>"); not "a < b"
 * nor a title such as "<Sans titre>".
 */
const HTML_TAG =
  /<\/?(?:a|b|i|u|s|p|q|em|strong|small|big|span|div|font|br|hr|img|h[1-6]|ul|ol|li|sub|sup|code|cite|blockquote|table|tr|td|th)\b[^<>]*>/i

/**
 * A text as the household should read it: the HTML entities a CMS escaped it with ("Tom &amp;
 * Jerry") as characters, and HTML it carried (escaped or not: "&lt;b&gt;", "<p>") as plain text,
 * as the feed backends read theirs.
 */
function readableText(field: string): string {
  const decoded = decodeEntities(field)
  return HTML_TAG.test(decoded) ? withoutTags(decoded).replace(/\s+/g, ' ').trim() : decoded
}

/**
 * The item with its texts readable (readableText); ids, URLs and codes are left as they are.
 */
function withEntitiesDecoded(value: unknown): { value: unknown; changed: boolean } {
  if (Array.isArray(value)) {
    let changed = false
    const items = value.map((item) => {
      const decoded = withEntitiesDecoded(item)
      changed ||= decoded.changed
      return decoded.value
    })
    return changed ? { value: items, changed } : { value, changed }
  }
  if (typeof value !== 'object' || value === null) return { value, changed: false }
  let changed = false
  const record: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' && READ_TEXT.has(key) && /[&<]/.test(field)) {
      record[key] = readableText(field)
      changed ||= record[key] !== field
    } else {
      const decoded = withEntitiesDecoded(field)
      record[key] = decoded.value
      changed ||= decoded.changed
    }
  }
  return changed ? { value: record, changed } : { value, changed }
}

/**
 * Validates each raw item on its own: a malformed one is skipped and reported, the others are
 * kept, so one bad record from a CMS never empties a rail. Duplicated ids keep the first.
 */
export function parseTitles(rawItems: readonly unknown[], backend: string): ParsedTitles {
  const titles: Title[] = []
  const problems: CatalogueProblem[] = []
  const repairs: string[] = []
  const seen = new Set<string>()
  rawItems.forEach((raw, position) => {
    const itemId = idOf(raw)
    const result = parseLeniently(titleSchema, raw)
    if (!result.success) {
      const issue = result.issue
      const where = issue?.path.length ? issue.path.join('.') : 'item'
      problems.push(
        skippedItem(
          backend,
          itemId ?? `#${position}`,
          reasonOf(raw, issue),
          `${where}: ${issue?.message ?? 'invalid'}`,
        ),
      )
      return
    }
    if (seen.has(result.data.id)) {
      problems.push(
        skippedItem(backend, result.data.id, 'duplicate-id', 'duplicate id, first occurrence kept'),
      )
      return
    }
    seen.add(result.data.id)
    const decoded = withEntitiesDecoded(result.data)
    titles.push(decoded.value as Title)
    const repaired = decoded.changed
      ? [...result.repairs, 'HTML in texts read as plain text']
      : result.repairs
    if (repaired.length) repairs.push(`${result.data.id}: ${repaired.join('; ')}`)
  })
  return { titles, problems, repairs }
}

/** Parses the embedded catalogue document; a document that is not the contract is critical. */
export function parseCatalogueDocument(
  document: unknown,
  backend: string,
  url: string,
): ParsedTitles {
  const envelope = catalogueFileSchema.safeParse(document)
  if (!envelope.success) {
    throw notContractError(backend, `${url} is not a catalogue document`, envelope.error.issues[0])
  }
  return parseTitles(envelope.data.titles, backend)
}
