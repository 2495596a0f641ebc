import type { Translate } from '../../catalogue/offers'
import type { Profile } from '../../state/profiles'
import { avatarInitial } from './Avatar.styles'

export interface AvatarModel {
  id: string
  design: number
  initial: string
  /** The name written under the face. */
  label: string
  /** The kids marker's text, or null for a grown-up profile. */
  kidsLabel: string | null
}

/** The name a profile shows: the household's first profile is "Maison" until it is renamed. */
export function profileName(profile: Pick<Profile, 'name'>, t: Translate): string {
  return profile.name || t('profile.defaultName')
}

export function avatarModel(profile: Profile, t: Translate): AvatarModel {
  const label = profileName(profile, t)
  return {
    id: profile.id,
    design: profile.avatar,
    initial: avatarInitial(label),
    label,
    kidsLabel: profile.kids ? t('profile.kids') : null,
  }
}
