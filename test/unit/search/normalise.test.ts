import { normalise, tokenise } from '../../../src/search/normalise'

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
  ])('%s -> %s', (text, expected) => {
    expect(normalise(text)).toBe(expected)
  })

  it('leaves nothing of punctuation alone', () => {
    expect(normalise(' … – ! ')).toBe('')
    expect(tokenise('…')).toEqual([])
  })

  it('splits into words', () => {
    expect(tokenise('Mobutu, roi du Zaïre')).toEqual(['mobutu', 'roi', 'du', 'zaire'])
  })
})
