import { rawTitle } from './fixture'

const rosettaAs = (id: string, change: (item: Record<string, unknown>) => void = () => {}) => {
  const item: Record<string, unknown> = { ...rawTitle('rosetta'), id }
  change(item)
  return item
}

/**
 * One malformed item of each kind a CMS has been seen to send, with the id the report names and
 * the reason it gives. Shared by the unit tests (every backend) and the integration tests.
 */
export const MALFORMED_ITEMS: {
  kind: string
  item: unknown
  reportedId: string
  reason: RegExp
}[] = [
  {
    kind: 'missing id',
    item: (() => {
      const item = rosettaAs('x')
      delete item.id
      return item
    })(),
    reportedId: '#',
    reason: /^id: /,
  },
  {
    kind: 'wrong type (year in words)',
    item: rosettaAs('bad-year', (i) => (i.year = 'MCMXCIX')),
    reportedId: 'bad-year',
    reason: /^year: /,
  },
  {
    kind: 'its only video URL broken',
    item: rosettaAs('bad-video', (i) => (i.stream = { dash: 'javascript:alert(1)' })),
    reportedId: 'bad-video',
    reason: /^stream\.dash: not a usable URL/,
  },
  {
    kind: 'unknown rating',
    item: rosettaAs('bad-rating', (i) => (i.rating = { csa: 'PG-13', kijkwijzer: '12' })),
    reportedId: 'bad-rating',
    reason: /^rating\.csa: /,
  },
  {
    kind: '100 kB title',
    item: rosettaAs('huge-title', (i) => (i.title = { fr: 'x'.repeat(100_000) })),
    reportedId: 'huge-title',
    reason: /^title(\.fr)?: /,
  },
  {
    kind: 'not an object',
    item: 42,
    reportedId: '#',
    reason: /./,
  },
  {
    kind: 'id that is not a slug',
    item: rosettaAs('Rosetta 2'),
    reportedId: 'Rosetta 2',
    reason: /^id: ids are letters, digits/,
  },
  {
    kind: 'required field null',
    item: rosettaAs('null-title', (i) => (i.title = null)),
    reportedId: 'null-title',
    reason: /^title: /,
  },
  {
    kind: 'film without a stream URL',
    item: rosettaAs('no-stream', (i) => (i.stream = {})),
    reportedId: 'no-stream',
    reason: /^stream: needs a DASH, an HLS or an MP4 URL/,
  },
]
