import type { Translate } from '../../catalogue/offers'
import { avatarModel, profileName, type AvatarModel } from '../../components/Avatar'
import type { PinPrompt } from '../../app/context'
import type { Profile, ProfilesState } from '../../state/profiles'

/**
 * Leaving a kids profile is what the parental PIN guards: for a grown-up profile, or for a kids
 * profile allowed older ratings. Leaving a grown-up profile, or going to a stricter one, is free.
 */
export function switchNeedsPin(from: Profile, to: Profile): boolean {
  if (!from.kids || from.id === to.id) return false
  if (!to.kids) return true
  return (to.maxAge ?? 0) > (from.maxAge ?? 0)
}

export function leaveKidsPrompt(from: Profile, to: Profile, t: Translate): PinPrompt {
  return {
    title: t('profile.pin.title'),
    message: t('profile.pin.leaveKids', { from: profileName(from, t), to: profileName(to, t) }),
  }
}

export interface ChooserModel {
  title: string
  avatars: AvatarModel[]
  /** The profile watching now: focused when the chooser opens. */
  activeId: string
  manage: string
  hint: string
}

export function chooserModel(state: ProfilesState, t: Translate): ChooserModel {
  return {
    title: t('profile.who'),
    avatars: state.profiles.map((profile) => avatarModel(profile, t)),
    activeId: state.activeId,
    manage: t('profile.manage'),
    hint: t('profile.chooserHint'),
  }
}
