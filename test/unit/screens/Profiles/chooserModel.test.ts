import { chooserModel, switchNeedsPin } from '../../../../src/screens/Profiles/chooserModel'
import type { Profile } from '../../../../src/state/profiles'
import { fakeTranslate } from '../../../harness/fakeContext'

const grownUp: Profile = { id: 'a', name: '', kids: false, maxAge: null, avatar: 0, language: null }
const kids10: Profile = { id: 'k', name: 'Léa', kids: true, maxAge: 10, avatar: 1, language: 'nl' }
const kids12: Profile = { ...kids10, id: 'k12', name: 'Tom', maxAge: 12 }
const kidsAll: Profile = { ...kids10, id: 'k0', name: 'Zoé', maxAge: 0 }

describe('switchNeedsPin', () => {
  it('guards leaving a kids profile for a grown-up one or a less strict kids one', () => {
    expect(switchNeedsPin(kids10, grownUp)).toBe(true)
    expect(switchNeedsPin(kids10, kids12)).toBe(true)
  })

  it('lets anyone leave a grown-up profile, stay, or go stricter', () => {
    expect(switchNeedsPin(grownUp, kids10)).toBe(false)
    expect(switchNeedsPin(kids10, kids10)).toBe(false)
    expect(switchNeedsPin(kids10, kidsAll)).toBe(false)
  })
})

describe('chooserModel', () => {
  it('shows every profile, the unnamed first one by its default name, the active one focused', () => {
    const model = chooserModel({ profiles: [grownUp, kids10], activeId: 'k' }, fakeTranslate)
    expect(model.title).toBe('profile.who')
    expect(model.avatars.map((a) => a.label)).toEqual(['profile.defaultName', 'Léa'])
    expect(model.avatars[1]!.kidsLabel).toBe('profile.kids')
    expect(model.activeId).toBe('k')
  })
})
