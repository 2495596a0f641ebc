import { cleanName, nameKey, profileNamed } from '../../../src/state/profileNames'
import type { Profile } from '../../../src/state/profiles'

const profile = (id: string, name: string): Profile => ({
  id,
  name,
  kids: false,
  maxAge: null,
  avatar: 0,
  language: null,
})
const home = profile('home', '')
const lea = profile('lea', 'Léa')
const household = [home, lea, profile('jl', 'Jean-Luc')]

describe('profile names', () => {
  it('cleans spaces as they are kept', () => {
    expect(cleanName('  Léa \u00a0 B  ')).toBe('Léa B')
  })

  it('folds case, accents, spaces around and signs', () => {
    expect(nameKey(' LÉA ')).toBe(nameKey('lea'))
    // A decomposed é (a plugged keyboard, a paste) is the same letter.
    expect(nameKey('Le\u0301a')).toBe(nameKey('Léa'))
    expect(nameKey('Zoë')).toBe(nameKey('zoe'))
    expect(nameKey('Jean Luc')).toBe(nameKey('Jean-Luc'))
    expect(nameKey('Léa')).not.toBe(nameKey('Léon'))
    // Names of signs only are told apart as typed.
    expect(nameKey('!!')).not.toBe(nameKey('??'))
    expect(nameKey('')).toBe('')
  })

  it('finds the other profile a name repeats, whatever its case, accents and spaces', () => {
    for (const typed of ['Léa', 'lea', ' LEA ', 'Léa  ', 'LÉA']) {
      expect(profileNamed(household, typed)).toBe(lea)
    }
    expect(profileNamed(household, 'jean luc')?.id).toBe('jl')
    expect(profileNamed(household, 'Tom')).toBeUndefined()
    expect(profileNamed(household, '   ')).toBeUndefined()
  })

  it('lets a profile keep its own name', () => {
    expect(profileNamed(household, 'LÉA', { exceptId: 'lea' })).toBeUndefined()
  })

  it('counts the unnamed first profile as the name it shows, and only then', () => {
    expect(profileNamed(household, 'maison')).toBeUndefined()
    expect(profileNamed(household, 'maison', { unnamedAs: 'Maison' })).toBe(home)
    // Its own shown name, given to itself, is not taken.
    expect(profileNamed(household, 'Maison', { exceptId: 'home', unnamedAs: 'Maison' })).toBe(
      undefined,
    )
    // A profile with no name is never taken by an empty one.
    expect(profileNamed(household, '', { unnamedAs: '' })).toBeUndefined()
  })
})
