import { classify, NOT_RATED } from '../../../src/catalogue/ratings'
import { newlyFocused } from '../../../src/accessibility/focusPath'
import { phraseOf, phraseOfAll, spokenRating } from '../../../src/accessibility/phrases'
import type { Translate } from '../../../src/catalogue/offers'

const WORDS: Record<string, string> = {
  'rating.notRated': 'Non classé',
  'rating.csa.allAudiences': 'Tous publics',
  'a11y.rating.age': 'déconseillé aux moins de {age} ans',
  'a11y.button': 'bouton',
  'a11y.selected': 'sélectionné',
}
const t: Translate = (key, values) =>
  (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const twelve = classify([{ system: 'CSA', value: '12' }])

describe('phrases', () => {
  test('a tile says its title, kind, offer and rating', () => {
    expect(
      phraseOf(
        {
          kind: 'tile',
          title: 'Pukkelpop',
          kindLabel: 'Film',
          offer: 'Pass Films & Séries',
          rating: twelve,
        },
        t,
      ),
    ).toBe('Pukkelpop, Film, Pass Films & Séries, déconseillé aux moins de 12 ans')
  })

  test('a rating is said from its age, whatever the system', () => {
    expect(spokenRating(NOT_RATED, t)).toBe('Non classé')
    expect(spokenRating(classify([{ system: 'CSA', value: 'TP' }]), t)).toBe('Tous publics')
    expect(spokenRating(classify([{ system: 'Kijkwijzer', value: '16' }]), t)).toBe(
      'déconseillé aux moins de 16 ans',
    )
  })

  test('missing parts are left out rather than said as empty pauses', () => {
    expect(phraseOf({ kind: 'tile', title: 'Rosetta', kindLabel: 'Film', offer: ' ' }, t)).toBe(
      'Rosetta, Film',
    )
  })

  test('a button says its label, and whether it is the current choice', () => {
    expect(phraseOf({ kind: 'button', label: 'Lecture' }, t)).toBe('Lecture, bouton')
    expect(phraseOf({ kind: 'button', label: '✓ Activée' }, t)).toBe('Activée, bouton, sélectionné')
  })

  test('a line of a list of choices says its group, its label, and whether it is the one in use', () => {
    const line = { kind: 'choice', group: 'Audio', label: 'néerlandais' } as const
    expect(phraseOf({ ...line, selected: true }, t)).toBe('Audio, néerlandais, sélectionné')
    expect(phraseOf({ ...line, selected: false }, t)).toBe('Audio, néerlandais')
  })

  test('a dialog says its title and message on one line', () => {
    expect(
      phraseOf({ kind: 'dialog', title: 'Quitter ?', message: 'Vraiment\n  quitter' }, t),
    ).toBe('Quitter ?, Vraiment quitter')
  })

  test('any other item says its texts in order, leaving out the empty ones', () => {
    expect(phraseOf({ kind: 'item', parts: ['Épisode 2', null, 'La Trêve', '52 min'] }, t)).toBe(
      'Épisode 2, La Trêve, 52 min',
    )
  })

  test('several things are said outer first, as sentences', () => {
    expect(
      phraseOfAll(
        [
          { kind: 'rail', title: 'Séries belges' },
          { kind: 'group', title: '' },
          { kind: 'tile', title: 'La Trêve', kindLabel: 'Série' },
        ],
        t,
      ),
    ).toBe('Séries belges. La Trêve, Série')
  })
})

describe('newlyFocused', () => {
  const app = {}
  const home = {}
  const railA = { announcement: { kind: 'rail', title: 'A' } as const }
  const railB = { announcement: { kind: 'rail', title: 'B' } as const }
  const tile = (title: string) => ({
    announcement: { kind: 'tile', title, kindLabel: 'Film' } as const,
  })
  const a1 = tile('a1')
  const a2 = tile('a2')
  const b1 = tile('b1')

  test('entering a rail gives the rail, then its tile', () => {
    expect(newlyFocused([app, home, railA, a1], [app, home, railB, b1])).toEqual([
      railB.announcement,
      b1.announcement,
    ])
  })

  test('moving along a rail gives the tile alone', () => {
    expect(newlyFocused([app, home, railA, a1], [app, home, railA, a2])).toEqual([a2.announcement])
  })

  test('from nothing said, the whole path; elements that say nothing are skipped', () => {
    expect(newlyFocused([], [app, home, railA, a1])).toEqual([railA.announcement, a1.announcement])
  })
})
