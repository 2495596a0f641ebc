import { parseGuideDocument } from '../../../src/guide/wire'
import type { Zoneless } from '../../../src/guide/zone'

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

test('times written day first as Belgian CMSs do are read so, in Brussels time; a time that is no time is reported', () => {
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
    ['Un', Date.UTC(2026, 11, 5, 14, 30), Date.UTC(2026, 11, 5, 15, 30)],
    ['Deux', Date.UTC(2026, 11, 5, 15, 30), Date.UTC(2026, 11, 5, 18, 30)],
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

test("fields of the backend's own are ignored, told once, and every programme kept", () => {
  const info = jest.spyOn(console, 'info').mockImplementation(() => undefined)
  const start = Date.UTC(2026, 11, 5, 20)
  const load = parseGuideDocument(
    {
      version: 1,
      programmes: [0, 1].map((hour) => ({
        channel: 'la-une',
        start: new Date(start + hour * 3_600_000).toISOString(),
        title: 'Journal',
        image: 'https://cdn.example.be/journal.jpg',
        externalId: `cms-${hour}`,
      })),
    },
    'test',
    'guide',
    ['la-une'],
    start,
    start + 86_400_000,
  )
  expect(load.programmes).toHaveLength(2)
  expect(load.problems).toEqual([])
  expect(info.mock.calls).toEqual([['guide[test]: fields of its own ignored: image, externalId']])
  info.mockRestore()
})

describe('times without a zone', () => {
  const read = (start: string, end: string, zoneless?: Zoneless) => {
    const load = parseGuideDocument(
      { version: 1, programmes: [{ channel: 'la-une', start, end, title: 'Film' }] },
      'test',
      'guide',
      ['la-une'],
      Date.UTC(2026, 0, 1),
      Date.UTC(2027, 0, 1),
      zoneless,
    )
    expect(load.problems).toEqual([])
    return load.programmes.map((p) => [
      new Date(p.start).toISOString(),
      new Date(p.end).toISOString(),
    ])
  }

  // The household saw 23:15 at 00:15, under tomorrow: a Belgian local time read as UTC.
  test.each<[string, string, string, string, Zoneless | undefined]>([
    [
      '05-12-2026 23:15',
      '06-12-2026 00:45',
      '2026-12-05T22:15:00.000Z',
      '2026-12-05T23:45:00.000Z',
      undefined,
    ],
    [
      '05/12/2026 06:00',
      '05/12/2026 06:30:00',
      '2026-12-05T05:00:00.000Z',
      '2026-12-05T05:30:00.000Z',
      'utc',
    ],
    [
      '05.07.2026 23:15',
      '06.07.2026, 0:45',
      '2026-07-05T21:15:00.000Z',
      '2026-07-05T22:45:00.000Z',
      'brussels',
    ],
    // The night the clocks go back: 02:30 is read as the first, summer-time one.
    [
      '25/10/2026 01:30',
      '25/10/2026 02:30',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      undefined,
    ],
  ])('a day-first %s, to %s, is Brussels time', (start, end, utcStart, utcEnd, zoneless) => {
    expect(read(start, end, zoneless)).toEqual([[utcStart, utcEnd]])
  })

  test('a day-first time with its zone is read with it', () => {
    expect(read('05/12/2026 23:15 +00:00', '05/12/2026 23:45Z')).toEqual([
      ['2026-12-05T23:15:00.000Z', '2026-12-05T23:45:00.000Z'],
    ])
  })

  test('ISO 8601 without a zone is UTC, as documented, unless guide.zoneless is brussels', () => {
    expect(read('2026-12-05T23:15', '2026-12-05 23:45:00')).toEqual([
      ['2026-12-05T23:15:00.000Z', '2026-12-05T23:45:00.000Z'],
    ])
    expect(read('2026-12-05T23:15', '2026-12-05 23:45:00', 'utc')).toEqual([
      ['2026-12-05T23:15:00.000Z', '2026-12-05T23:45:00.000Z'],
    ])
    expect(read('2026-12-05T23:15', '2026-12-05 23:45:30.5', 'brussels')).toEqual([
      ['2026-12-05T22:15:00.000Z', '2026-12-05T22:45:30.500Z'],
    ])
    expect(read('2026-07-05T23:15', '2026-07-06', 'brussels')).toEqual([
      ['2026-07-05T21:15:00.000Z', '2026-07-05T22:00:00.000Z'],
    ])
    // A zone written is never second-guessed.
    expect(read('2026-12-05T23:15Z', '2026-12-06T00:45+01:00', 'brussels')).toEqual([
      ['2026-12-05T23:15:00.000Z', '2026-12-05T23:45:00.000Z'],
    ])
  })

  test('with guide.zoneless brussels, an ISO time that is no time is reported', () => {
    const load = parseGuideDocument(
      { version: 1, programmes: [{ channel: 'la-une', start: '2026-02-30T20:00', title: 'Film' }] },
      'test',
      'guide',
      ['la-une'],
      Date.UTC(2026, 0, 1),
      Date.UTC(2027, 0, 1),
      'brussels',
    )
    expect(load.programmes).toEqual([])
    expect(load.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^start: /)])
  })
})
