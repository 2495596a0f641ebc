import { normalise } from '../search/normalise'
import type { Profile } from './profiles'

/** A typed name as it is kept: runs of spaces as one, none around it. */
export const cleanName = (name: string): string => name.replace(/\s+/g, ' ').trim()

/**
 * A name as the household tells profiles apart on the chooser: without case, accents or
 * punctuation, by search's folding ("Léa", "LEA " and "lea" are one name). A name made only of
 * signs folds to nothing; it is then compared as typed, without case, so "!!" and "??" differ.
 */
export function nameKey(name: string): string {
  const clean = cleanName(name)
  return normalise(clean) || clean.toLocaleLowerCase()
}

/**
 * The profile, other than `exceptId`, whose name reads as `name`, or undefined when the name is
 * free. The household's first profile may have no name and show as `unnamedAs` ("Maison", in
 * the UI language): a new profile of that name would look like it on the chooser, so it counts.
 */
export function profileNamed(
  profiles: readonly Profile[],
  name: string,
  options: { exceptId?: string; unnamedAs?: string } = {},
): Profile | undefined {
  const key = nameKey(name)
  if (!key) return undefined
  return profiles.find((profile) => {
    if (profile.id === options.exceptId) return false
    const shown = profile.name || options.unnamedAs || ''
    return shown !== '' && nameKey(shown) === key
  })
}
