import { parseGuideDocument } from '../../../src/guide/wire'

describe('a guide JSON document', () => {
  test('HTML entities an export escaped its texts with are read as characters', () => {
    const start = Date.UTC(2026, 11, 5, 20)
    const load = parseGuideDocument(
      {
        version: 1,
        programmes: [
          {
            channel: 'ch-b',
            start: new Date(start).toISOString(),
            end: new Date(start + 3_600_000).toISOString(),
            title: { fr: 'B Film &amp; Nuit' },
            synopsis: { fr: 'L&#39;histoire d&eacute;bute<br/>avec de l&#39;<b>action</b>' },
          },
        ],
      },
      'test',
      'guide',
      ['ch-b'],
      start - 1,
      start + 1,
    )
    expect(load.problems).toEqual([])
    expect(load.programmes[0]).toMatchObject({
      title: { fr: 'B Film & Nuit' },
      synopsis: { fr: "L'histoire débute avec de l'action" },
    })
  })
})

test('times written day first as Belgian CMSs do are read so; a time that is no time is reported', () => {
  const load = parseGuideDocument(
    {
      version: 1,
      programmes: [
        { channel: 'la-une', start: '05/12/2026 15:30', end: '05/12/2026 16:30', title: 'Un' },
        { channel: 'la-une', start: '05.12.2026 16:30', title: 'Deux' },
        { channel: 'la-une', start: '31/11/2026 18:00', title: 'Trois' },
      ],
    },
    'test',
    'guide',
    ['la-une'],
    Date.UTC(2026, 11, 5),
    Date.UTC(2026, 11, 6),
  )
  expect(load.programmes.map((p) => [p.title.fr, p.start, p.end])).toEqual([
    ['Un', Date.UTC(2026, 11, 5, 15, 30), Date.UTC(2026, 11, 5, 16, 30)],
    ['Deux', Date.UTC(2026, 11, 5, 16, 30), Date.UTC(2026, 11, 5, 19, 30)],
  ])
  expect(load.problems.map((p) => [p.itemId, p.message])).toEqual([
    ['la-une@31/11/2026 18:00', expect.stringMatching(/^start: /)],
  ])
})

test('texts keyed by regional tags are their base language; a rights flag that is no yes or no is left out', () => {
  const start = Date.UTC(2026, 11, 5, 20)
  const programme = (at: number, fields: Record<string, unknown>) => ({
    channel: 'la-une',
    start: new Date(at).toISOString(),
    end: new Date(at + 3_600_000).toISOString(),
    ...fields,
  })
  const load = parseGuideDocument(
    {
      version: 1,
      programmes: [
        programme(start, {
          title: { 'fr-BE': 'Le Journal', 'nl-BE': 'Het Journaal' },
          synopsis: { 'fr-BE': 'Régional', fr: 'Général' },
          replay: 'yes',
          restart: 'No',
        }),
        programme(start + 3_600_000, { title: 'Film', replay: 'maybe', restart: 'true' }),
        programme(start + 7_200_000, { title: 'Sport', replay: '0' }),
      ],
    },
    'test',
    'guide',
    ['la-une'],
    start,
    start + 86_400_000,
  )
  expect(load.programmes.map((p) => [p.title, p.synopsis, p.replay, p.restart])).toEqual([
    [{ fr: 'Le Journal', nl: 'Het Journaal' }, { fr: 'Général' }, true, false],
    [{ fr: 'Film' }, undefined, false, true],
    [{ fr: 'Sport' }, undefined, false, false],
  ])
  expect(load.problems.map((p) => [p.itemId, p.message])).toEqual([
    ['la-une@2026-12-05T21:00:00.000Z/replay', 'replay: "maybe" is not a yes or no, left out'],
  ])
})
