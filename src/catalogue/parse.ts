import { catalogueFileSchema, titleSchema, type Title } from './schema'
import { parseLeniently } from './lenientParse'
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
    titles.push(result.data)
    if (result.repairs.length) repairs.push(`${result.data.id}: ${result.repairs.join('; ')}`)
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
