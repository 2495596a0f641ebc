import {
  pagedHomeSchema,
  railPageSchema,
  searchFileSchema,
} from '../../../src/catalogue/pagedFiles'
import { parseCatalogueDocument } from '../../../src/catalogue/parse'
import { buildHomeRails } from '../../../src/catalogue/rails'
import { DEFAULT_SPLIT, splitCatalogue } from '../../../src/catalogue/splitCatalogue'
import { shippedDocument, SMALL_PAGES, splitFiles } from './pagedCatalogue'

const idsOf = (items: unknown[]) => items.map((item) => (item as { id: string }).id)

/** Every item of a rail, following its pages from home to the last. */
function walk(files: Map<string, unknown>, railId: string): string[] {
  const home = pagedHomeSchema.parse(files.get('titles.json'))
  const rail = home.paged.rails.find((r) => r.id === railId)!
  const ids = idsOf(rail.items)
  let next = rail.next
  while (next) {
    const page = railPageSchema.parse(files.get(`paged/rails/${railId}/${next}.json`))
    ids.push(...page.ids)
    next = page.next
  }
  return ids
}

describe('splitCatalogue', () => {
  test('keeps a catalogue with fewer titles than minTitles whole (the shipped 80)', () => {
    const result = splitCatalogue(shippedDocument(), DEFAULT_SPLIT)
    expect(result).toEqual({ paged: false, reason: expect.stringContaining('80 titles') })
  })

  test('home holds the first page of the rails the app derives, same ids, order and names', () => {
    const document = shippedDocument()
    const files = splitFiles(document)
    const home = pagedHomeSchema.parse(files.get('titles.json'))
    const derived = buildHomeRails(parseCatalogueDocument(document, 'embedded', 'x').titles)
    expect(home.paged.titles).toBe(80)
    expect(home.paged.rails.map((rail) => [rail.id, rail.key, rail.values])).toEqual(
      derived.map((rail) => [rail.id, rail.titleKey, rail.titleValues]),
    )
    for (const rail of home.paged.rails) expect(rail.items.length).toBeLessThanOrEqual(7)
  })

  test("each rail's pages, followed from home, give the derived rail whole and in order", () => {
    const document = shippedDocument()
    const files = splitFiles(document)
    const derived = buildHomeRails(parseCatalogueDocument(document, 'embedded', 'x').titles)
    expect(derived.some((rail) => rail.items.length > 14)).toBe(true)
    for (const rail of derived) {
      expect(walk(files, rail.id)).toEqual(rail.items.map((title) => title.id))
    }
  })

  test('every valid title has its own file, as the operator wrote it, and a search record', () => {
    const document = shippedDocument()
    const files = splitFiles(document)
    for (const raw of document.titles) {
      expect(files.get(`paged/titles/${String(raw.id)}.json`)).toEqual(raw)
    }
    const search = searchFileSchema.parse(files.get('paged/search.json'))
    expect(search.titles.map((record) => record.id)).toEqual(idsOf(document.titles))
    const rosetta = search.titles.find((record) => record.id === 'rosetta')!
    expect(rosetta.names).toContain('Rosetta')
    expect(rosetta.people).toContain('Émilie Dequenne')
  })

  test('skipped items are listed on home, not written; a duplicate id keeps the first valid one', () => {
    const document = shippedDocument()
    const first = document.titles[0]!
    const broken: Record<string, unknown> = { ...document.titles[1]!, title: 42 }
    const copy = { ...first, synopsis: { fr: 'Une autre' } }
    document.titles.push(broken, copy, { id: 'no-kind' })
    const files = splitFiles(document)
    const home = pagedHomeSchema.parse(files.get('titles.json'))
    // What a whole load of the same document reports, item by item.
    const whole = parseCatalogueDocument(document, 'embedded', 'x').problems
    expect(home.paged.skipped.map((item) => [item.itemId, item.reason])).toEqual(
      whole.map((problem) => [problem.itemId, problem.reason]),
    )
    expect(home.paged.skipped.map((item) => item.itemId)).toEqual([broken.id, first.id, 'no-kind'])
    expect(files.get(`paged/titles/${String(first.id)}.json`)).toEqual(first)
    expect(files.has('paged/titles/no-kind.json')).toBe(false)
  })

  test('a document that is not a catalogue is left as it is, for the app to report at start', () => {
    for (const document of [{ version: 2, titles: [] }, { items: [] }, 'titles']) {
      expect(splitCatalogue(document, SMALL_PAGES)).toEqual({
        paged: false,
        reason: expect.stringContaining('is not a catalogue document'),
        invalid: true,
      })
    }
  })
})
