import type { PinPrompt } from '../../app/context'
import type { Translate } from '../../catalogue/offers'
import { avatarModel, profileName, type AvatarModel } from '../../components/Avatar'
import {
  addProfile,
  activeProfile,
  DEFAULT_KIDS_AGE,
  KIDS_AGES,
  MAX_PROFILES,
  updateProfile,
  type NameRules,
  type Profile,
  type ProfileProblem,
  type ProfilesState,
} from '../../state/profiles'
import { profileNamed } from '../../state/profileNames'

/** Id and name of trial changes: no real profile can have them (ids are letters and digits). */
const DRAFT_ID = '\u0000draft'

/** Which profile the edit screen works on: a new one, or an existing one by id. */
export type EditTarget = { kind: 'new' } | { kind: 'edit'; id: string }

export function editTarget(routeId: string): EditTarget {
  return routeId === 'new' ? { kind: 'new' } : { kind: 'edit', id: routeId }
}

/** What the form holds until Save: nothing reaches the store before then. */
export interface ProfileDraft {
  name: string
  kids: boolean
  maxAge: number | null
  language: string | null
}

export function targetProfile(state: ProfilesState, target: EditTarget): Profile | undefined {
  return target.kind === 'edit' ? state.profiles.find((p) => p.id === target.id) : undefined
}

export function draftOf(profile: Profile | undefined): ProfileDraft {
  return profile
    ? { name: profile.name, kids: profile.kids, maxAge: profile.maxAge, language: profile.language }
    : { name: '', kids: false, maxAge: null, language: null }
}

/** Turning kids on starts at the usual age; turning it off forgets the age, as the store does. */
export function withKids(draft: ProfileDraft, kids: boolean): ProfileDraft {
  return { ...draft, kids, maxAge: kids ? (draft.maxAge ?? DEFAULT_KIDS_AGE) : null }
}

/** The fields a save changes on an existing profile; an untouched empty name stays "Maison". */
export function changeOf(profile: Profile, draft: ProfileDraft): Partial<ProfileDraft> {
  const change: Partial<ProfileDraft> = {}
  if (draft.name !== profile.name) change.name = draft.name
  if (draft.kids !== profile.kids) change.kids = draft.kids
  if (draft.maxAge !== profile.maxAge) change.maxAge = draft.maxAge
  if (draft.language !== profile.language) change.language = draft.language
  return change
}

export function newProfileInput(draft: ProfileDraft): {
  name: string
  kids: boolean
  maxAge?: number
} {
  return draft.kids && draft.maxAge !== null
    ? { name: draft.name, kids: true, maxAge: draft.maxAge }
    : { name: draft.name, kids: draft.kids }
}

/**
 * The rules a name is checked by on this screen: the unnamed first profile counts as the name it
 * shows, "Maison" in the UI language.
 */
export const nameRules = (t: Translate): NameRules => ({ unnamedAs: t('profile.defaultName') })

/** The problem the store would report for this draft, found without changing anything. */
export function draftProblem(
  state: ProfilesState,
  target: EditTarget,
  draft: ProfileDraft,
  rules: NameRules = {},
): ProfileProblem | null {
  const profile = targetProfile(state, target)
  if (target.kind === 'edit' && !profile) return 'missing'
  const change = profile
    ? updateProfile(state, profile.id, changeOf(profile, draft), rules)
    : addProfile(state, newProfileInput(draft), DRAFT_ID, rules)
  return change.ok ? null : change.problem
}

/** The other profile the draft's name would repeat, or undefined when the name is free. */
export function nameTakenBy(
  state: ProfilesState,
  target: EditTarget,
  draft: ProfileDraft,
  rules: NameRules = {},
): Profile | undefined {
  const exceptId = target.kind === 'edit' ? target.id : undefined
  return profileNamed(state.profiles, draft.name, { ...rules, ...(exceptId ? { exceptId } : {}) })
}

/**
 * A problem in words. A name taken is said with the other profile's name as it shows ("Léa"
 * when "lea" was typed, "Maison" for the unnamed first profile) when `taken` is given.
 */
export function problemMessage(
  problem: ProfileProblem,
  draft: ProfileDraft,
  t: Translate,
  taken?: Pick<Profile, 'name'>,
): string {
  const name = problem === 'name-taken' && taken ? profileName(taken, t) : draft.name.trim()
  return t(`profile.problem.${problem}`, { name })
}

export type PinReason = 'manage' | 'kidsOff' | 'age' | 'delete'

/**
 * Why a change needs the parental PIN, or null. While a kids profile watches, every change to
 * the profiles does; otherwise only what loosens a kids profile: no longer kids, older
 * programmes allowed, or deleting it.
 */
export function pinReason(
  state: ProfilesState,
  target: EditTarget,
  change: { kind: 'save'; draft: ProfileDraft } | { kind: 'delete' },
): PinReason | null {
  if (activeProfile(state).kids) return 'manage'
  const profile = targetProfile(state, target)
  if (!profile?.kids) return null
  if (change.kind === 'delete') return 'delete'
  if (!change.draft.kids) return 'kidsOff'
  return (change.draft.maxAge ?? 0) > (profile.maxAge ?? 0) ? 'age' : null
}

export function pinPrompt(reason: PinReason, name: string, t: Translate): PinPrompt {
  return { title: t('profile.pin.title'), message: t(`profile.pin.${reason}`, { name }) }
}

export interface Choice {
  id: string
  label: string
}

export interface ChoiceField {
  id: 'kids' | 'age' | 'language'
  label: string
  choices: Choice[]
  selected: string
}

export interface EditModel {
  title: string
  /** What the name field shows: the draft's name, or an invitation to choose one. */
  nameLabel: string
  nameField: string
  /** The choice rows, in screen order; the age row only for a kids profile. */
  fields: ChoiceField[]
  actions: Choice[]
  /** Why Delete is absent, when it is (the household's last profile). */
  note: string
  avatar: AvatarModel
  hint: string
}

/** Language names in their own language, so anyone finds theirs whatever the interface shows. */
const ENDONYMS: Record<string, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  en: 'English',
}

/** The language choice meaning "no language of its own": the box's. */
export const BOX_LANGUAGE = 'box'

export function editModel(
  state: ProfilesState,
  target: EditTarget,
  draft: ProfileDraft,
  options: { languages: readonly string[]; t: Translate },
): EditModel {
  const { t } = options
  const profile = targetProfile(state, target)
  const fields: ChoiceField[] = [
    {
      id: 'kids',
      label: t('profile.field.kids'),
      choices: [
        { id: 'off', label: t('profile.kids.off') },
        { id: 'on', label: t('profile.kids.on') },
      ],
      selected: draft.kids ? 'on' : 'off',
    },
  ]
  if (draft.kids) {
    fields.push({
      id: 'age',
      label: t('profile.field.age'),
      choices: KIDS_AGES.map((age) => ({
        id: String(age),
        label: age === 0 ? t('profile.age.all') : t('profile.age.upTo', { age }),
      })),
      selected: String(draft.maxAge ?? DEFAULT_KIDS_AGE),
    })
  }
  fields.push({
    id: 'language',
    label: t('profile.field.language'),
    choices: [
      { id: BOX_LANGUAGE, label: t('profile.language.box') },
      ...options.languages.map((code) => ({
        id: code,
        label: ENDONYMS[code] ?? code.toUpperCase(),
      })),
    ],
    selected: draft.language ?? BOX_LANGUAGE,
  })
  const last = state.profiles.length <= 1
  const canDelete = profile !== undefined && !last
  const shown: Profile = profile
    ? { ...profile, ...draft }
    : { id: 'new', avatar: nextAvatar(state), ...draft }
  return {
    title: t(profile ? 'profile.edit.title' : 'profile.new.title'),
    nameLabel: t('profile.field.name'),
    nameField: draft.name.trim()
      ? draft.name
      : profile
        ? profileName(profile, t)
        : t('profile.namePlaceholder'),
    fields,
    actions: [
      { id: 'save', label: t('profile.save') },
      ...(canDelete ? [{ id: 'delete', label: t('profile.delete') }] : []),
    ],
    note: profile && last ? t('profile.lastProfile') : '',
    // A profile not yet named is not the household's first ("Maison"): it is a new profile.
    avatar:
      profile || draft.name.trim()
        ? avatarModel(shown, t)
        : avatarModel({ ...shown, name: t('profile.new.title') }, t),
    hint: t('profile.editHint'),
  }
}

/** The design a new profile will get, by the store's own rule (a trial add, nothing kept). */
function nextAvatar(state: ProfilesState): number {
  const trial = addProfile(state, { name: DRAFT_ID, kids: false }, DRAFT_ID)
  return trial.ok ? trial.profile.avatar : 0
}

export interface ListModel {
  title: string
  avatars: AvatarModel[]
  canAdd: boolean
  add: string
  /** Why Add is absent, when it is. */
  note: string
  hint: string
}

export function listModel(state: ProfilesState, t: Translate): ListModel {
  const canAdd = state.profiles.length < MAX_PROFILES
  return {
    title: t('profile.list.title'),
    avatars: state.profiles.map((profile) => avatarModel(profile, t)),
    canAdd,
    add: t('profile.add'),
    note: canAdd ? '' : t('profile.full'),
    hint: t('profile.list.hint'),
  }
}
