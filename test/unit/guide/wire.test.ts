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
