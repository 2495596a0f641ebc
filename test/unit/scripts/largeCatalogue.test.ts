/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseCatalogueDocument } from '../../../src/catalogue/parse'

const ROOT = path.resolve(__dirname, '../../..')
const BASE = path.join(ROOT, 'static/catalogue/titles.json')

interface Generated {
  version: number
  titles: { id: string; countries: string[]; kind: string }[]
  rails?: { id: string; name: Record<string, string>; itemIds: string[] }[]
}

/** The generator is an ES module jest cannot import: run it in a child Node process. */
function generate(count: number, rails: boolean): Generated {
  const code = `
    import { readFileSync } from 'node:fs'
    import { generateLargeCatalogue } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/large-catalogue.mjs')).href)}
    const baseCatalogue = JSON.parse(readFileSync(${JSON.stringify(BASE)}, 'utf8'))
    process.stdout.write(JSON.stringify(generateLargeCatalogue({ count: ${count}, baseCatalogue, rails: ${rails} })))
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out.toString()) as Generated
}

describe('scripts/lib/large-catalogue.mjs', () => {
  const baseCount = (JSON.parse(readFileSync(BASE, 'utf8')) as Generated).titles.length
  const plain = generate(baseCount * 3, false)
  const withRails = generate(baseCount * 3, true)

  it('keeps its plain output: version and titles only, every title valid', () => {
    expect(Object.keys(plain)).toEqual(['version', 'titles'])
    const parsed = parseCatalogueDocument(plain, 'embedded', 'generated')
    expect(parsed.problems).toEqual([])
    expect(parsed.titles).toHaveLength(baseCount * 3)
  })

  it('adds a rail layout over the same titles when asked', () => {
    expect(withRails.titles).toEqual(plain.titles)
    const rails = withRails.rails ?? []
    const ids = new Set(withRails.titles.map((t) => t.id))
    expect(rails.map((r) => r.id)).toEqual(
      expect.arrayContaining(['made-in-belgium', 'belgian-series', 'films', 'family', 'foreign']),
    )
    expect(rails.some((r) => r.id.startsWith('brand-'))).toBe(true)
    expect(new Set(rails.map((r) => r.id)).size).toBe(rails.length)
    for (const rail of rails) {
      expect(rail.id).toMatch(/^[a-z0-9-]+$/)
      expect(Object.keys(rail.name).sort()).toEqual(['de', 'en', 'fr', 'nl'])
      expect(rail.itemIds.length).toBeGreaterThan(0)
      expect(rail.itemIds.every((id) => ids.has(id))).toBe(true)
      expect(new Set(rail.itemIds).size).toBe(rail.itemIds.length)
    }
  })

  it('puts Belgian titles on Made in Belgium and the others on world cinema', () => {
    const byId = new Map(withRails.titles.map((t) => [t.id, t]))
    const rail = (id: string) => withRails.rails!.find((r) => r.id === id)!.itemIds
    expect(rail('made-in-belgium').every((id) => byId.get(id)!.countries[0] === 'BE')).toBe(true)
    expect(rail('foreign').every((id) => byId.get(id)!.countries[0] !== 'BE')).toBe(true)
    expect(rail('belgian-series').every((id) => byId.get(id)!.kind === 'series')).toBe(true)
  })
})
