/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(__dirname, '../../..')
const SHIPPED = path.join(ROOT, 'static/catalogue/titles.json')

interface Outcome {
  paged: boolean
  reason?: string
  invalid?: boolean
  titles?: number
  files?: number
  error?: string
}

/** The build's step is an ES module jest cannot import: it runs in a child Node process. */
function page(staticDir: string, options: Record<string, number> = {}): Outcome {
  const code = `
    import { pageEmbeddedCatalogue } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'scripts/lib/page-catalogue.mjs')).href)}
    pageEmbeddedCatalogue(${JSON.stringify(staticDir)}, ${JSON.stringify(options)}).then(
      (result) => process.stdout.write(JSON.stringify(result)),
      (error) => process.stdout.write(JSON.stringify({ paged: false, error: error.message })),
    )
  `
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code])
  return JSON.parse(out.toString()) as Outcome
}

describe('pageEmbeddedCatalogue (scripts/lib/page-catalogue.mjs)', () => {
  let dir: string
  const catalogue = () => path.join(dir, 'catalogue')
  const write = (text: string) => {
    mkdirSync(catalogue(), { recursive: true })
    writeFileSync(path.join(catalogue(), 'titles.json'), text)
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'belgica-page-catalogue-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('leaves a catalogue under the threshold, and one that is not a catalogue, as they are', () => {
    const shipped = readFileSync(SHIPPED, 'utf8')
    write(shipped)
    expect(page(dir)).toMatchObject({ paged: false })
    expect(readFileSync(path.join(catalogue(), 'titles.json'), 'utf8')).toBe(shipped)
    for (const text of ['{"version":1,"items":[]}', '<rss/>']) {
      write(text)
      expect(page(dir)).toMatchObject({ paged: false, invalid: true })
      expect(readFileSync(path.join(catalogue(), 'titles.json'), 'utf8')).toBe(text)
    }
    expect(existsSync(path.join(catalogue(), 'paged'))).toBe(false)
  }, 60_000)

  test('splits a large one in place, replaces an earlier split, and does nothing the second time', () => {
    write(readFileSync(SHIPPED, 'utf8'))
    mkdirSync(path.join(catalogue(), 'paged/titles'), { recursive: true })
    writeFileSync(path.join(catalogue(), 'paged/titles/stale.json'), '{}')
    const result = page(dir, { minTitles: 20, pageSize: 10 })
    expect(result).toMatchObject({ paged: true, titles: 80 })
    const home = JSON.parse(readFileSync(path.join(catalogue(), 'titles.json'), 'utf8')) as {
      paged: { titles: number }
    }
    expect(home.paged.titles).toBe(80)
    expect(existsSync(path.join(catalogue(), 'paged/titles/rosetta.json'))).toBe(true)
    expect(existsSync(path.join(catalogue(), 'paged/titles/stale.json'))).toBe(false)
    expect(existsSync(path.join(catalogue(), 'paged/search.json'))).toBe(true)
    expect(page(dir, { minTitles: 20 })).toEqual({ paged: false, reason: 'already split' })
  }, 60_000)

  test("refuses to split the project's own static/ folder", () => {
    expect(page(path.join(ROOT, 'static'), { minTitles: 20 }).error).toMatch(/refusing/)
  }, 60_000)
})
