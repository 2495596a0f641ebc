import type { ButtonSpec } from '../components/ButtonRow'
import { PURPOSES, type Purpose, type Purposes } from './model'

type T = (key: string, values?: Record<string, string | number>) => string

/**
 * choice: the three equal answers (accept all, refuse all, customise).
 * customise: one toggle per purpose, then "save".
 */
export type ConsentStep = 'choice' | 'customise'

/**
 * first: asked at start (no answer, or a new text): Back does not dismiss it, as no answer
 * would leave the household without a choice made. settings: opened from Settings on the
 * current choices; Back leaves them as they were.
 */
export type ConsentMode = 'first' | 'settings'

export interface ConsentViewState {
  step: ConsentStep
  mode: ConsentMode
  draft: Purposes
  kids: boolean
}

export const ACCEPT_ALL = 'accept-all'
export const REFUSE_ALL = 'refuse-all'
export const CUSTOMISE = 'customise'
export const SAVE = 'save'

export interface ConsentToggle {
  id: Purpose | typeof SAVE
  label: string
  detail: string
}

export interface ConsentView {
  title: string
  message: string
  /** The choice step's buttons, all drawn alike: refusing is as plain as accepting. */
  choices: ButtonSpec[]
  /** The customise step: one line per purpose, then "save". */
  toggles: ConsentToggle[]
}

/** What the consent overlay shows for a state. Pure. */
export function consentView(state: ConsentViewState, t: T, brand: string): ConsentView {
  const onOff = (on: boolean) => t(on ? 'consent.on' : 'consent.off')
  return {
    title: t('consent.title'),
    message:
      state.step === 'choice' ? t('consent.message', { brand }) : t('consent.customise.message'),
    choices: [
      { id: ACCEPT_ALL, label: t('consent.acceptAll') },
      { id: REFUSE_ALL, label: t('consent.refuseAll') },
      { id: CUSTOMISE, label: t('consent.customise') },
    ],
    toggles: [
      ...PURPOSES.map((purpose) => ({
        id: purpose,
        label: t('consent.toggle', {
          purpose: t(`consent.purpose.${purpose}`),
          state: purpose === 'ads' && state.kids ? t('consent.kids') : onOff(state.draft[purpose]),
        }),
        detail: t(`consent.purpose.${purpose}.detail`),
      })),
      { id: SAVE, label: t('consent.save'), detail: t('consent.save.detail') },
    ],
  }
}

/** The draft after OK on a toggle; personalised advertising stays off for kids. */
export function toggled(draft: Purposes, purpose: Purpose, kids: boolean): Purposes {
  if (purpose === 'ads' && kids) return { ...draft, ads: false }
  return { ...draft, [purpose]: !draft[purpose] }
}
