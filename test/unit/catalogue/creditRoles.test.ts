import { mapFeed } from '../../../src/catalogue/directPublisher'
import { creditRole, creditsOf } from '../../../src/catalogue/feedFields'
import { mapMrssFeed } from '../../../src/catalogue/mrss'
import { CatalogueErrorCode } from '../../../src/catalogue/errors'
import { conformantFeed } from './feedDeviations'

describe('credit roles as exports write them', () => {
  test.each([
    ['Director', 'director'],
    ['DIRECTOR', 'director'],
    ['Film Director', 'director'],
    ['Executive Producer', 'producer'],
    ['co-producer', 'producer'],
    ['lead_actor', 'actor'],
    ['Actors', 'actor'],
    ['Screen Writer', 'writer'],
    ['Original Music', 'composer'],
    ['Réalisatrice', 'director'],
    ['Regisseur', 'director'],
    ['Scénariste', 'writer'],
  ])('"%s" is a %s', (written, role) => {
    expect(creditRole(written)).toBe(role)
  })

  test.each(['director of photography', 'Art Director', 'casting director', 'Lighting', ''])(
    '"%s" is no role the app shows: not filed as one it is not',
    (written) => {
      expect(creditRole(written)).toBeUndefined()
    },
  )

  test('creditsOf keeps them as cast and crew, and names the credits of other roles', () => {
    expect(
      creditsOf([
        { name: 'Ann Meuse', role: 'Director' },
        { name: 'Bo Lumière', role: 'director of photography' },
        { name: 'Cy Escaut', role: 'Executive Producer' },
        { name: 'Di Sambre', role: 'Lead Actor' },
      ]),
    ).toEqual({
      cast: [{ name: 'Di Sambre', role: 'actor' }],
      crew: [
        { name: 'Ann Meuse', role: 'director' },
        { name: 'Cy Escaut', role: 'producer' },
      ],
      leftOut: [{ reason: 'credit-role', detail: 'director of photography: Bo Lumière' }],
    })
  })

  test('MRSS: media:credit roles with capitals and spaces are kept', () => {
    const feed = `<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Studio Meuse</title>
<item><guid>C-1</guid><title>Le Pont</title>
<media:content url="https://cdn.example.be/c1/master.m3u8"/>
<media:credit role="Director" scheme="urn:ebu">Ann Meuse</media:credit>
<media:credit role="director of photography" scheme="urn:ebu">Bo Lumière</media:credit>
<media:credit role="Executive Producer" scheme="urn:ebu">Cy Escaut</media:credit>
<media:credit role="Lead Actor">Di Sambre</media:credit>
</item></channel></rss>`
    const [title] = mapMrssFeed(feed, 'https://cms.example.be/feed.xml').titles
    expect(title).toMatchObject({
      cast: [{ name: 'Di Sambre', role: 'actor' }],
      crew: [
        { name: 'Ann Meuse', role: 'director' },
        { name: 'Cy Escaut', role: 'producer' },
      ],
    })
  })

  test('credits of a role no screen shows, or of none, are reported for the title shown', () => {
    const feed = conformantFeed()
    Object.assign(feed.movies[0]!, {
      credits: [
        { name: 'Ann Meuse', role: 'Director' },
        { name: 'Bo Lumière', role: 'Cinematographer' },
        { name: 'Ed Monteur', role: 'Editor' },
        { name: 'Fa Sansrôle' },
      ],
    })
    const { problems } = mapFeed(feed, 'https://cms.example.be/feed.json')
    expect(problems).toEqual([
      expect.objectContaining({
        code: CatalogueErrorCode.PART_LEFT_OUT,
        itemId: '1001',
        leftOut: { reason: 'credit-role', count: 3, detail: 'Cinematographer: Bo Lumière' },
      }),
    ])
    // Not a skipped item: home and the diagnostics count no item as skipped for it.
    expect(problems[0]).not.toHaveProperty('reason')
  })

  test('Direct Publisher: credits roles written in capitals are kept', () => {
    const feed = conformantFeed()
    Object.assign(feed.movies[0]!, {
      credits: [
        { name: 'Ann Meuse', role: 'Director' },
        { name: 'Cy Escaut', role: 'EXECUTIVE PRODUCER' },
      ],
    })
    const film = mapFeed(feed, 'https://cms.example.be/feed.json').titles[0]
    expect(film).toMatchObject({
      crew: [
        { name: 'Ann Meuse', role: 'director' },
        { name: 'Cy Escaut', role: 'producer' },
      ],
    })
  })
})
