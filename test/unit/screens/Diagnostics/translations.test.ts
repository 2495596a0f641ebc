import { clockText, wallZone } from '../../../../src/i18n/wallZone'
import { initialGuideHealth, type GuideHealth } from '../../../../src/guide/guideHealth'
import { PLACEMENT_REASONS } from '../../../../src/guide/contract'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { CatalogueDiagnostics } from '../../../../src/app/context'
import {
  CatalogueErrorCode,
  LEFT_OUT_REASONS,
  partsLeftOut,
  SKIP_REASONS,
  skippedItem,
} from '../../../../src/catalogue/errors'
import type { Translate } from '../../../../src/catalogue/offers'
import { diagnosticsModel, guideLines } from '../../../../src/screens/Diagnostics/diagnosticsModel'
import { emptyHomeModel } from '../../../../src/screens/Home/emptyHomeModel'

const translations = JSON.parse(
  readFileSync(path.join(__dirname, '../../../../static/translations.json'), 'utf8'),
) as Record<string, Record<string, string>>

/** Keys the screens ask for directly, not through the models. */
const SCREEN_KEYS = [
  'settings.tools',
  'settings.diagnostics',
  'diagnostics.reload',
  'diagnostics.hint',
  'error.retry',
  'menu.settings',
]

/** A translate over the real file, as the SDK's: placeholders `{name}` replaced by the values. */
function translator(language: string, asked: Set<string>): Translate {
  return (key, values = {}) => {
    asked.add(key)
    const text = translations[language]?.[key]
    if (text === undefined) return `MISSING(${key})`
    return Object.entries(values).reduce(
      (result, [name, value]) => result.split(`{${name}}`).join(String(value)),
      text,
    )
  }
}

const problems = [
  ...SKIP_REASONS.flatMap((reason) => [
    skippedItem('directpublisher', `${reason}-1`, reason, 'detail'),
    skippedItem('directpublisher', `${reason}-2`, reason, 'detail'),
  ]),
  {
    severity: 'recoverable' as const,
    category: 'item' as const,
    code: CatalogueErrorCode.ITEM_INVALID,
    backend: 'http',
    itemId: 'no-reason',
    message: 'detail',
  },
  ...Array.from({ length: 5 }, (_, i) => ({
    severity: 'recoverable' as const,
    category: 'network' as const,
    code: CatalogueErrorCode.PAGE_FAILED,
    backend: 'http',
    itemId: `rail-${i}`,
    message: 'further page not loaded',
  })),
]
const notOffered = { expired: ['a', 'b'], upcoming: ['c'] }
const at = Date.UTC(2026, 11, 2, 9, 30)
const rich: CatalogueDiagnostics = {
  backend: 'http',
  url: 'https://cms.example.be/',
  loadedAt: at,
  source: 'cache',
  cachedAt: at,
  titles: 1,
  shown: 1,
  problems: [
    ...problems,
    ...partsLeftOut('mrss', [
      { itemId: 'kept-1', parts: LEFT_OUT_REASONS.map((reason) => ({ reason, detail: 'x' })) },
    ]),
    ...Array.from({ length: 8 }, (_, i) => skippedItem('x', `m${i}`, 'missing-field', 'd')),
  ],
  notOffered,
  lastError: { code: 1002, message: 'HTTP 503', at },
}

/** Every text the models can produce, through every branch. */
function allTexts(t: Translate): string[] {
  const texts: string[] = []
  for (const model of [
    emptyHomeModel({ problems, notOffered }, t),
    emptyHomeModel({ problems: problems.slice(0, 1) }, t),
    emptyHomeModel({ problems: [] }, t),
    emptyHomeModel({ problems: [] }, t, true),
  ]) {
    texts.push(model.title, ...model.lines)
  }
  for (const diagnostics of [
    rich,
    { ...rich, source: 'network' as const, lastError: undefined },
    { backend: 'embedded', url: '', titles: 0, problems: [] },
  ]) {
    const model = diagnosticsModel(diagnostics, { warnShare: 0.2, t, zone: wallZone('box') })
    texts.push(model.title, ...model.lines.map((line) => line.text))
  }
  const guide = (change: Partial<GuideHealth>) =>
    guideLines(
      { ...initialGuideHealth('xmltv', 'https://epg.example.be/tv.xml'), ...change },
      t,
      wallZone('box'),
      {
        now: at,
      },
    ).map((line) => line.text)
  texts.push(
    ...guide({ loadedAt: at, coverage: { lastEnd: at - 1, unmatched: ['a', 'b'], unfed: ['c'] } }),
    ...guide({ loadedAt: at, coverage: { unmatched: [], unfed: [] } }),
    ...PLACEMENT_REASONS.flatMap((placement) =>
      guide({ skipped: 1, firstSkipped: { itemId: 'la1@20:00', message: 'x', placement } }),
    ),
  )
  texts.push(...SCREEN_KEYS.map((key) => t(key)))
  return texts
}

describe.each(['fr', 'nl', 'de', 'en'])('translations in %s', (language) => {
  it('has every text of the empty home and the diagnostics page, placeholders filled', () => {
    const asked = new Set<string>()
    const texts = allTexts(translator(language, asked))
    expect(texts.filter((text) => text.includes('MISSING('))).toEqual([])
    expect(texts.filter((text) => /\{\w+\}/.test(text))).toEqual([])
    // Every reason and availability state reached at least once.
    for (const reason of [...SKIP_REASONS, 'other']) expect(asked).toContain(`skip.${reason}`)
    for (const reason of LEFT_OUT_REASONS) expect(asked).toContain(`diagnostics.leftOut.${reason}`)
    expect(asked).toContain('availability.expired')
    expect(asked).toContain('availability.upcoming')
    expect(asked).toContain('diagnostics.warning')
    expect(asked).toContain('home.empty.skippedOne')
    expect(asked).toContain('home.empty.nothing')
    for (const placement of PLACEMENT_REASONS) {
      expect(asked).toContain(`diagnostics.guidePlacement.${placement}`)
    }
    for (const key of [
      'guideStale',
      'guideStaleHelp',
      'guideUnfed',
      'guideUnmatched',
      'guideFileEmpty',
    ]) {
      expect(asked).toContain(`diagnostics.${key}`)
    }
  })
})

it('the French guide lines say an old export and a duplicate programme in French', () => {
  const t = translator('fr', new Set())
  const lastEnd = Date.UTC(2025, 10, 26, 5)
  const lines = guideLines(
    {
      ...initialGuideHealth('xmltv', 'https://epg.example.be/tv.xml'),
      loadedAt: at,
      coverage: { lastEnd, unmatched: [], unfed: [] },
      skipped: 1,
      firstSkipped: { itemId: 'la1@20:00', message: 'x', placement: 'same-start' },
    },
    t,
    wallZone('box'),
    { now: at, language: 'fr' },
  ).map((line) => line.text)
  expect(lines).toContain(
    `Guide : fichier périmé, ses programmes s’arrêtent le mer. 26 nov. 2025 à ${clockText(wallZone('box'), lastEnd)}`,
  )
  expect(lines).toContain(
    'Guide : 1 programme(s) ignoré(s), dont « la1@20:00 » : même début qu’un autre programme de la chaîne (en double)',
  )
})

it('the French empty home reads as a sentence with the counts', () => {
  const model = emptyHomeModel(
    {
      problems: [
        ...Array.from({ length: 9 }, (_, i) =>
          skippedItem('dp', `v${i}`, 'no-playable-video', 'd'),
        ),
        ...Array.from({ length: 3 }, (_, i) => skippedItem('dp', `f${i}`, 'missing-field', 'd')),
      ],
    },
    translator('fr', new Set()),
  )
  expect(model.title).toBe('Aucun programme à afficher pour le moment')
  expect(model.lines[0]).toBe(
    '12 éléments du catalogue ont été ignorés : 9 sans vidéo lisible, 3 avec un champ manquant.',
  )
})
