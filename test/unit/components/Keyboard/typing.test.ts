import {
  deleteLast,
  replaceLast,
  typeChar,
  typedCharacter,
  typedLetter,
} from '../../../../src/components/Keyboard/typing'

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

  it('reads the letter a plugged-in keyboard types, accents included, and nothing else', () => {
    expect(typedLetter({ key: 'a', keyCode: 65 })).toBe('a')
    expect(typedLetter({ key: 'B', keyCode: 66 })).toBe('B')
    // An AZERTY keyboard's é is on the 2 key: the letter, not the digit, is what was typed.
    expect(typedLetter({ key: 'é', keyCode: 50 })).toBe('é')
    expect(typedLetter({ key: 'ë', keyCode: 69 })).toBe('ë')
    // Digits, space and named keys stay the remote's; shortcuts are not typing.
    expect(typedLetter({ key: '7', keyCode: 55 })).toBeNull()
    expect(typedLetter({ key: ' ', keyCode: 32 })).toBeNull()
    expect(typedLetter({ key: 'PageUp', keyCode: 33 })).toBeNull()
    expect(typedLetter({ key: 'Dead', keyCode: 219 })).toBeNull()
    expect(typedLetter({ key: 'r', keyCode: 82, ctrlKey: true })).toBeNull()
    // Engines without `key` (older boxes): the letter of its code.
    expect(typedLetter({ keyCode: 81 })).toBe('q')
    expect(typedLetter({ key: 'Unidentified', keyCode: 90 })).toBe('z')
    expect(typedLetter({ keyCode: 13 })).toBeNull()
  })

  it('reads the signs names and titles hold and the space bar; digits, named keys and shortcuts are not', () => {
    for (const sign of ['-', "'", '’', '.', '&', '!', ':', '/']) {
      expect(typedCharacter({ key: sign, keyCode: 0 })).toBe(sign)
    }
    expect(typedCharacter({ key: ' ', keyCode: 32 })).toBe(' ')
    expect(typedCharacter({ key: 'é', keyCode: 50 })).toBe('é')
    expect(typedCharacter({ keyCode: 81 })).toBe('q')
    expect(typedCharacter({ key: '7', keyCode: 55 })).toBeNull()
    expect(typedCharacter({ key: 'MediaPlayPause', keyCode: 179 })).toBeNull()
    expect(typedCharacter({ key: 'Unidentified', keyCode: 32 })).toBeNull()
    expect(typedCharacter({ key: '\t', keyCode: 9 })).toBeNull()
    expect(typedCharacter({ key: '-', keyCode: 189, ctrlKey: true })).toBeNull()
  })
})
