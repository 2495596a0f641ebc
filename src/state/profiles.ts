import * as z from 'zod'
import { cleanName, profileNamed } from './profileNames'

/**
 * The people of a household. Each profile has its own Continue watching, My list, track choices
 * and recent searches (kept under its id, see scopedStorage.ts); a kids profile only sees titles
 * rated for its age.
 */
export interface Profile {
  id: string
  /** '' for the household's first profile until someone renames it: shown as "Maison". */
  name: string
  kids: boolean
  /** Kids profiles: the oldest age rating they may see (10 shows "tous publics" and -10). */
  maxAge: number | null
  /** Index into the generated avatar designs (see components/Avatar). */
  avatar: number
  /** The profile's UI language; null keeps the box's. */
  language: string | null
}

export interface ProfilesState {
  profiles: Profile[]
  activeId: string
}

/** Belgian operators' boxes allow five or six; six is the most a chooser row shows at once. */
export const MAX_PROFILES = 6
export const MAX_NAME_LENGTH = 16
/** Ages a kids profile can be set to: the CSA's tous publics, -10 and -12. */
export const KIDS_AGES = [0, 10, 12] as const
export const DEFAULT_KIDS_AGE = 10
export const AVATAR_COUNT = 12

export const profileSchema = z.lazy(() =>
  z
    .object({
      id: z.string().min(1).max(40),
      name: z.string().max(MAX_NAME_LENGTH),
      kids: z.boolean(),
      maxAge: z.number().int().min(0).max(18).nullable(),
      avatar: z
        .number()
        .int()
        .min(0)
        .max(AVATAR_COUNT - 1),
      language: z.string().min(2).max(3).nullable(),
    })
    .strict(),
)

const profilesStateSchema = z.lazy(() =>
  z.object({
    profiles: z.array(profileSchema).min(1).max(MAX_PROFILES),
    activeId: z.string(),
  }),
)

export type ProfileProblem = 'full' | 'name-empty' | 'name-taken' | 'last-profile' | 'missing'
export type ProfileChange =
  { ok: true; state: ProfilesState; profile: Profile } | { ok: false; problem: ProfileProblem }

export function firstProfile(id: string): ProfilesState {
  return {
    profiles: [{ id, name: '', kids: false, maxAge: null, avatar: 0, language: null }],
    activeId: id,
  }
}

/** A stored list that is not a valid one (corrupt, or written by another version) is not used. */
export function parseProfiles(raw: unknown): ProfilesState | null {
  const parsed = profilesStateSchema.safeParse(raw)
  if (!parsed.success) return null
  const state = parsed.data
  const ids = new Set(state.profiles.map((p) => p.id))
  if (ids.size !== state.profiles.length) return null
  return ids.has(state.activeId) ? state : { ...state, activeId: state.profiles[0]!.id }
}

export function activeProfile(state: ProfilesState): Profile {
  return state.profiles.find((p) => p.id === state.activeId) ?? state.profiles[0]!
}

/**
 * How names are checked: `unnamedAs` is what a profile without a name shows as (the UI
 * language's "Maison"), which a new name may not take either. See profileNames.ts.
 */
export interface NameRules {
  unnamedAs?: string
}

function nameProblem(
  state: ProfilesState,
  name: string,
  rules: NameRules,
  exceptId?: string,
): ProfileProblem | null {
  if (!name) return 'name-empty'
  const taken = profileNamed(state.profiles, name, { ...rules, ...(exceptId ? { exceptId } : {}) })
  return taken ? 'name-taken' : null
}

/** The first avatar design no other profile wears, so a new profile is told apart at a glance. */
function freeAvatar(state: ProfilesState): number {
  const used = new Set(state.profiles.map((p) => p.avatar))
  for (let i = 0; i < AVATAR_COUNT; i++) if (!used.has(i)) return i
  return state.profiles.length % AVATAR_COUNT
}

export function addProfile(
  state: ProfilesState,
  input: { name: string; kids: boolean; maxAge?: number },
  id: string,
  rules: NameRules = {},
): ProfileChange {
  if (state.profiles.length >= MAX_PROFILES) return { ok: false, problem: 'full' }
  const name = cleanName(input.name).slice(0, MAX_NAME_LENGTH)
  const problem = nameProblem(state, name, rules)
  if (problem) return { ok: false, problem }
  const profile: Profile = {
    id,
    name,
    kids: input.kids,
    maxAge: input.kids ? (input.maxAge ?? DEFAULT_KIDS_AGE) : null,
    avatar: freeAvatar(state),
    language: null,
  }
  return { ok: true, profile, state: { ...state, profiles: [...state.profiles, profile] } }
}

export function updateProfile(
  state: ProfilesState,
  id: string,
  change: Partial<Pick<Profile, 'name' | 'kids' | 'maxAge' | 'avatar' | 'language'>>,
  rules: NameRules = {},
): ProfileChange {
  const current = state.profiles.find((p) => p.id === id)
  if (!current) return { ok: false, problem: 'missing' }
  const next: Profile = { ...current, ...change }
  if (change.name !== undefined) {
    next.name = cleanName(change.name).slice(0, MAX_NAME_LENGTH)
    const problem = nameProblem(state, next.name, rules, id)
    if (problem) return { ok: false, problem }
  }
  if (change.kids === false) next.maxAge = null
  else if (next.kids && next.maxAge === null) next.maxAge = DEFAULT_KIDS_AGE
  const profiles = state.profiles.map((p) => (p.id === id ? next : p))
  return { ok: true, profile: next, state: { ...state, profiles } }
}

/**
 * Removes a profile; the household always keeps one. When the active profile goes, the first
 * grown-up profile takes over (never silently a kids one, which would need the PIN to leave).
 */
export function removeProfile(state: ProfilesState, id: string): ProfileChange {
  const profile = state.profiles.find((p) => p.id === id)
  if (!profile) return { ok: false, problem: 'missing' }
  if (state.profiles.length === 1) return { ok: false, problem: 'last-profile' }
  const profiles = state.profiles.filter((p) => p.id !== id)
  const activeId =
    state.activeId === id ? (profiles.find((p) => !p.kids) ?? profiles[0]!).id : state.activeId
  return { ok: true, profile, state: { profiles, activeId } }
}
