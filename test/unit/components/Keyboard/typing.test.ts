import { deleteLast, replaceLast, typeChar } from '../../../../src/components/Keyboard/typing'

const names = { maxLength: 6, capitalize: 'words' as const }
const plain = { maxLength: 6, capitalize: 'none' as const }

describe('typing', () => {
  it('writes names with a capital at the start of each word', () => {
    let value = ''
    for (const char of 'jean-luc') value = typeChar(value, char, { ...names, maxLength: 16 })
    expect(value).toBe('Jean-Luc')
    expect(typeChar('Léa', ' ', names)).toBe('Léa ')
    expect(typeChar('Léa ', 'm', names)).toBe('Léa M')
  })

  it('types as pressed when capitals are off (search)', () => {
    expect(typeChar('', 'r', plain)).toBe('r')
  })

  it('stops at the maximum length without losing what is there', () => {
    expect(typeChar('abcdef', 'g', plain)).toBe('abcdef')
    // Length counts characters, not UTF-16 units.
    expect(typeChar('ééééé', 'é', plain)).toBe('éééééé')
    expect(typeChar('éééééé', 'a', plain)).toBe('éééééé')
  })

  it('never starts with a space or doubles one', () => {
    expect(typeChar('', ' ', plain)).toBe('')
    expect(typeChar('a ', ' ', plain)).toBe('a ')
  })

  it('deletes and replaces the last character', () => {
    expect(deleteLast('Lé')).toBe('L')
    expect(deleteLast('')).toBe('')
    expect(replaceLast('Le', 'é', names)).toBe('Lé')
    expect(replaceLast('E', 'é', names)).toBe('É')
    // Replacing at the limit keeps the length.
    expect(replaceLast('abcdee', 'é', plain)).toBe('abcdeé')
  })
})
