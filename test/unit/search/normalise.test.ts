import {
  normalise,
  normaliseJoined,
  spellingVariants,
  tokenise,
} from '../../../src/search/normalise'

describe('normalise', () => {
  it.each([
    ['Héroïne', 'heroine'],
    ['CAFÉ', 'cafe'],
    ['Ça', 'ca'],
    ['Œuvre', 'oeuvre'],
    ['Straße', 'strasse'],
    ['Brügge sehen… und sterben?', 'brugge sehen und sterben'],
    ["L'Homme qui répare les femmes", 'l homme qui repare les femmes'],
    ['C’est arrivé près de chez vous', 'c est arrive pres de chez vous'],
    ['Ernest & Célestine', 'ernest celestine'],
    ['Science-fiction', 'science fiction'],
    ['  many   spaces ', 'many spaces'],
    ['Unité 42', 'unite 42'],
    ['Søren Łukasz', 'soren lukasz'],
    // What CMS text carries: a non-breaking hyphen, a ligature, full-width letters, the Dutch Ĳ,
    // a minus sign.
    ['Jean\u2011Claude et moi', 'jean claude et moi'],
    ['Le \ufb01ls prodigue', 'le fils prodigue'],
    ['\uff34\uff2f\uff2b\uff39\uff2f Story', 'tokyo story'],
    ['\u0132zeren Hein', 'ijzeren hein'],
    ['Saison 1 \u2212 2', 'saison 1 2'],
  ])('%s -> %s', (text, expected) => {
    expect(normalise(text)).toBe(expected)
  })

  it('leaves nothing of punctuation alone', () => {
    expect(normalise(' … – ! ')).toBe('')
    expect(tokenise('…')).toEqual([])
  })

  it('joins words across apostrophes and hyphens, as households type them', () => {
    expect(normaliseJoined('Aujourd’hui peut-être')).toBe('aujourdhui peutetre')
    expect(normaliseJoined("Jean\u2011Claude l'ami")).toBe('jeanclaude lami')
  })

  it('splits into words', () => {
    expect(tokenise('Mobutu, roi du Zaïre')).toEqual(['mobutu', 'roi', 'du', 'zaire'])
  })
})

describe('spellingVariants', () => {
  it.each([
    ['Über die Grenze', ['ueber die grenze']],
    ['Jörg Müller', ['joerg mueller']],
    // A "u" followed by a combining diaeresis is the same letter.
    ['U\u0308ber', ['ueber']],
    ['De IJzer', ['de yzer']],
    ['Blijf', ['blyf']],
    ['La Trêve', []],
    ['', []],
  ])('%s -> %j', (text, variants) => {
    expect(spellingVariants(text)).toEqual(variants)
  })
})
