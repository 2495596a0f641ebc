import {
  draftOf,
  draftProblem,
  editModel,
  listModel,
  nameRules,
  nameTakenBy,
  pinReason,
  problemMessage,
  withKids,
  type ProfileDraft,
} from '../../../../src/screens/ProfileEdit/profileEditModel'
import type { Profile, ProfilesState } from '../../../../src/state/profiles'
import { fakeTranslate as t } from '../../../harness/fakeContext'

const home: Profile = { id: 'h', name: '', kids: false, maxAge: null, avatar: 0, language: null }
const lea: Profile = { id: 'l', name: 'Léa', kids: true, maxAge: 10, avatar: 1, language: 'nl' }
const state: ProfilesState = { profiles: [home, lea], activeId: 'h' }
const languages = ['fr', 'nl', 'de', 'en']
const edit = (id: string) => ({ kind: 'edit' as const, id })
const draft = (change: Partial<ProfileDraft>): ProfileDraft => ({
  ...draftOf(undefined),
  ...change,
})

describe('profile edit model', () => {
  it('offers kids, age only for kids, and the language with "as the box"', () => {
    const grownUp = editModel(state, { kind: 'new' }, draftOf(undefined), { languages, t })
    expect(grownUp.title).toBe('profile.new.title')
    expect(grownUp.nameField).toBe('profile.namePlaceholder')
    expect(grownUp.fields.map((f) => f.id)).toEqual(['kids', 'language'])
    const kids = editModel(state, edit('l'), draftOf(lea), { languages, t })
    expect(kids.fields.map((f) => f.id)).toEqual(['kids', 'age', 'language'])
    const age = kids.fields.find((f) => f.id === 'age')!
    expect(age.choices.map((c) => c.id)).toEqual(['0', '10', '12'])
    expect(age.selected).toBe('10')
    const language = kids.fields.find((f) => f.id === 'language')!
    expect(language.choices.map((c) => c.id)).toEqual(['box', 'fr', 'nl', 'de', 'en'])
    expect(language.selected).toBe('nl')
  })

  it('shows the unnamed first profile by its default name and never offers to delete the last one', () => {
    const only: ProfilesState = { profiles: [home], activeId: 'h' }
    const model = editModel(only, edit('h'), draftOf(home), { languages, t })
    expect(model.nameField).toBe('profile.defaultName')
    expect(model.actions.map((a) => a.id)).toEqual(['save'])
    expect(model.note).toBe('profile.lastProfile')
    const two = editModel(state, edit('h'), draftOf(home), { languages, t })
    expect(two.actions.map((a) => a.id)).toEqual(['save', 'delete'])
    expect(two.note).toBe('')
  })

  it('gives a new profile the next free avatar in the preview', () => {
    const model = editModel(state, { kind: 'new' }, draft({ name: 'Tom' }), { languages, t })
    expect(model.avatar).toMatchObject({ design: 2, initial: 'T', label: 'Tom' })
    // Before a name is typed it is a new profile, not the household's first one ("Maison").
    const unnamed = editModel(state, { kind: 'new' }, draft({ name: '' }), { languages, t })
    expect(unnamed.avatar.label).toBe('profile.new.title')
  })

  it('finds the store problems before saving, without changing the state', () => {
    expect(draftProblem(state, { kind: 'new' }, draft({ name: '  ' }))).toBe('name-empty')
    expect(draftProblem(state, { kind: 'new' }, draft({ name: 'léa' }))).toBe('name-taken')
    expect(draftProblem(state, { kind: 'new' }, draft({ name: 'Tom' }))).toBeNull()
    // The unnamed first profile saves other changes without being given a name.
    expect(draftProblem(state, edit('h'), { ...draftOf(home), language: 'de' })).toBeNull()
    expect(draftProblem(state, edit('gone'), draftOf(home))).toBe('missing')
    const full: ProfilesState = {
      profiles: Array.from({ length: 6 }, (_, i) => ({ ...home, id: `p${i}`, name: `P${i}` })),
      activeId: 'p0',
    }
    expect(draftProblem(full, { kind: 'new' }, draft({ name: 'Tom' }))).toBe('full')
    expect(state.profiles).toHaveLength(2)
  })

  it('finds a name taken without accents, or as the unnamed first profile shows', () => {
    expect(nameRules(t)).toEqual({ unnamedAs: 'profile.defaultName' })
    const rules = { unnamedAs: 'Maison' }
    expect(draftProblem(state, { kind: 'new' }, draft({ name: ' LEA ' }))).toBe('name-taken')
    expect(nameTakenBy(state, { kind: 'new' }, draft({ name: ' LEA ' }))).toBe(lea)
    const asHome = draft({ name: ' MAISON' })
    expect(draftProblem(state, { kind: 'new' }, asHome, rules)).toBe('name-taken')
    expect(nameTakenBy(state, { kind: 'new' }, asHome, rules)).toBe(home)
    // Léa keeps her own name, written another way.
    expect(draftProblem(state, edit('l'), { ...draftOf(lea), name: 'LEA' }, rules)).toBeNull()
    expect(nameTakenBy(state, edit('l'), { ...draftOf(lea), name: 'LEA' }, rules)).toBeUndefined()
    // The unnamed first profile saves its other changes, and may be given its shown name.
    expect(draftProblem(state, edit('h'), { ...draftOf(home), kids: true }, rules)).toBeNull()
    expect(draftProblem(state, edit('h'), { ...draftOf(home), name: 'Maison' }, rules)).toBeNull()
  })

  it('words each problem, with the name that is taken', () => {
    expect(problemMessage('name-taken', draft({ name: 'Léa ' }), t)).toBe(
      'profile.problem.name-taken{"name":"Léa"}',
    )
    // The other profile's name as it shows, not the spelling typed.
    expect(problemMessage('name-taken', draft({ name: 'lea' }), t, lea)).toBe(
      'profile.problem.name-taken{"name":"Léa"}',
    )
    expect(problemMessage('name-taken', draft({ name: 'maison' }), t, home)).toBe(
      'profile.problem.name-taken{"name":"profile.defaultName"}',
    )
    expect(problemMessage('full', draft({}), t)).toContain('profile.problem.full')
  })

  it('asks the PIN for what loosens a kids profile, and for anything while kids watch', () => {
    const save = (change: Partial<ProfileDraft>) => ({
      kind: 'save' as const,
      draft: { ...draftOf(lea), ...change },
    })
    expect(pinReason(state, edit('l'), save({ kids: false, maxAge: null }))).toBe('kidsOff')
    expect(pinReason(state, edit('l'), save({ maxAge: 12 }))).toBe('age')
    expect(pinReason(state, edit('l'), save({ maxAge: 0 }))).toBeNull()
    expect(pinReason(state, edit('l'), save({ name: 'Léa B' }))).toBeNull()
    expect(pinReason(state, edit('l'), { kind: 'delete' })).toBe('delete')
    expect(pinReason(state, edit('h'), { kind: 'delete' })).toBeNull()
    const kidsWatching = { ...state, activeId: 'l' }
    expect(pinReason(kidsWatching, { kind: 'new' }, save({}))).toBe('manage')
    expect(pinReason(kidsWatching, edit('h'), { kind: 'delete' })).toBe('manage')
  })

  it('turns kids on at the usual age and forgets the age when turned off', () => {
    expect(withKids(draft({}), true)).toMatchObject({ kids: true, maxAge: 10 })
    expect(withKids(draftOf(lea), false)).toMatchObject({ kids: false, maxAge: null })
  })
})

describe('profile list model', () => {
  it('offers to add a profile until there are six, then says why not', () => {
    expect(listModel(state, t)).toMatchObject({ canAdd: true, note: '' })
    const full: ProfilesState = {
      profiles: Array.from({ length: 6 }, (_, i) => ({ ...home, id: `p${i}`, name: `P${i}` })),
      activeId: 'p0',
    }
    expect(listModel(full, t)).toMatchObject({ canAdd: false, note: 'profile.full' })
  })
})
