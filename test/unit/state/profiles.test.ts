import {
  addProfile,
  firstProfile,
  MAX_PROFILES,
  parseProfiles,
  removeProfile,
  updateProfile,
  type ProfilesState,
} from '../../../src/state/profiles'
import { ProfileStore } from '../../../src/state/ProfileStore'
import { MyListStore, toggleInList, MY_LIST_MAX } from '../../../src/state/MyListStore'
import { loadTrackPreference } from '../../../src/state/playbackPreferences'
import { ProgressStore } from '../../../src/state/progress'
import { memoryPlatform } from '../../harness/fakeContext'

const added = (state: ProfilesState, name: string, kids = false, id = name) => {
  const change = addProfile(state, { name, kids }, id)
  if (!change.ok) throw new Error(change.problem)
  return change.state
}

describe('profiles (pure)', () => {
  test('a household holds at most six profiles', () => {
    let state = firstProfile('home')
    for (let i = 1; i < MAX_PROFILES; i++) state = added(state, `P${i}`)
    expect(addProfile(state, { name: 'Septième', kids: false }, 'x')).toEqual({
      ok: false,
      problem: 'full',
    })
  })

  test('names are trimmed, must not be empty and must differ (case aside)', () => {
    const state = added(firstProfile('home'), '  Léa  ', false, 'lea')
    expect(state.profiles[1]!.name).toBe('Léa')
    expect(addProfile(state, { name: '   ', kids: false }, 'y')).toMatchObject({
      problem: 'name-empty',
    })
    expect(addProfile(state, { name: 'LÉA', kids: false }, 'y')).toMatchObject({
      problem: 'name-taken',
    })
    expect(updateProfile(state, 'lea', { name: 'Léa' }).ok).toBe(true)
  })

  test('a name differing only by accents or spaces is taken; a profile keeps its own', () => {
    const state = added(firstProfile('home'), 'Léa', false, 'lea')
    for (const name of ['Lea', ' lea ', 'LEA', 'Le\u0301a']) {
      expect([name, addProfile(state, { name, kids: false }, 'y')]).toEqual([
        name,
        { ok: false, problem: 'name-taken' },
      ])
      expect(updateProfile(state, 'home', { name })).toMatchObject({ problem: 'name-taken' })
    }
    const renamed = updateProfile(state, 'lea', { name: ' lea ' })
    expect(renamed.ok && renamed.profile.name).toBe('lea')
    expect(updateProfile(state, 'lea', { kids: true }).ok).toBe(true)
  })

  test('the unnamed first profile holds the name it shows, when the caller says which', () => {
    const state = added(firstProfile('home'), 'Léa', false, 'lea')
    const rules = { unnamedAs: 'Maison' }
    expect(addProfile(state, { name: 'maison', kids: false }, 'y', rules)).toEqual({
      ok: false,
      problem: 'name-taken',
    })
    expect(updateProfile(state, 'lea', { name: 'Maison' }, rules)).toMatchObject({
      problem: 'name-taken',
    })
    // Given to itself, its shown name is its own; other changes leave it unnamed.
    expect(updateProfile(state, 'home', { name: 'Maison' }, rules).ok).toBe(true)
    const language = updateProfile(state, 'home', { language: 'nl' }, rules)
    expect(language.ok && language.profile.name).toBe('')
  })

  test('a kids profile gets an age limit, a grown-up one none; new avatars differ', () => {
    const state = added(added(firstProfile('home'), 'Noé', true, 'noe'), 'Ana', false, 'ana')
    const [home, noe, ana] = state.profiles
    expect(noe).toMatchObject({ kids: true, maxAge: 10 })
    expect(ana).toMatchObject({ kids: false, maxAge: null })
    expect(new Set([home!.avatar, noe!.avatar, ana!.avatar]).size).toBe(3)
    const grown = updateProfile(state, 'noe', { kids: false })
    expect(grown.ok && grown.profile.maxAge).toBeNull()
  })

  test('the last profile cannot go; removing the active one falls back to a grown-up', () => {
    expect(removeProfile(firstProfile('home'), 'home')).toEqual({
      ok: false,
      problem: 'last-profile',
    })
    let state = added(added(firstProfile('home'), 'Noé', true, 'noe'), 'Ana', false, 'ana')
    state = { ...state, activeId: 'home' }
    const change = removeProfile(state, 'home')
    expect(change.ok && change.state.activeId).toBe('ana')
  })

  test('corrupt stored profiles are not used', () => {
    expect(parseProfiles({ profiles: [], activeId: 'a' })).toBeNull()
    expect(parseProfiles({ profiles: [{ id: 'a' }], activeId: 'a' })).toBeNull()
    const twice = firstProfile('a').profiles
    expect(parseProfiles({ profiles: [...twice, ...twice], activeId: 'a' })).toBeNull()
    expect(parseProfiles({ ...firstProfile('a'), activeId: 'gone' })?.activeId).toBe('a')
  })
})

describe('ProfileStore', () => {
  test('first start makes one profile and moves what a version without profiles saved', () => {
    const platform = memoryPlatform()
    platform.storage.set('playback-progress', {
      rosetta: { titleId: 'rosetta', position: 42, duration: 600, updatedAt: 1 },
    })
    platform.storage.set('playback-tracks', { audio: 'nl' })
    const profiles = new ProfileStore(platform.storage, () => 'home')
    expect(profiles.profiles).toHaveLength(1)
    const progress = new ProgressStore(platform.storage, () => 0)
    progress.useProfile('home')
    expect(progress.get('rosetta')?.position).toBe(42)
    expect(loadTrackPreference(platform.storage, 'home')).toEqual({ audio: 'nl' })
    expect(platform.stored.has('playback-progress')).toBe(false)
  })

  test('profiles and the active one survive a reload; a removed profile leaves no data', () => {
    const platform = memoryPlatform()
    let n = 0
    const store = new ProfileStore(platform.storage, () => `id${n++}`)
    const lea = store.add({ name: 'Léa', kids: false })
    if (!lea.ok) throw new Error(lea.problem)
    store.select(lea.profile.id)
    const list = new MyListStore(platform.storage)
    list.useProfile(lea.profile.id)
    list.toggle('rosetta')
    const again = new ProfileStore(platform.storage, () => 'unused')
    expect(again.active.name).toBe('Léa')
    again.remove(lea.profile.id)
    expect([...platform.stored.keys()].filter((k) => k.includes(lea.profile.id))).toEqual([])
    expect(new ProfileStore(platform.storage, () => 'unused').active.id).toBe('id0')
  })
})

describe('my list', () => {
  test('toggling adds at the front and removes; the list has a ceiling', () => {
    expect(toggleInList(['a', 'b'], 'c')).toEqual(['c', 'a', 'b'])
    expect(toggleInList(['c', 'a', 'b'], 'a')).toEqual(['c', 'b'])
    const full = Array.from({ length: MY_LIST_MAX }, (_, i) => `t${i}`)
    expect(toggleInList(full, 'new')).toHaveLength(MY_LIST_MAX)
  })

  test('each profile has its own list, kept across a reload', () => {
    const platform = memoryPlatform()
    const list = new MyListStore(platform.storage)
    list.useProfile('a')
    expect(list.toggle('rosetta')).toBe(true)
    list.useProfile('b')
    expect(list.has('rosetta')).toBe(false)
    const again = new MyListStore(platform.storage)
    again.useProfile('a')
    expect(again.store.value.ids).toEqual(['rosetta'])
  })
})
