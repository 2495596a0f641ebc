import type { Observable } from 'rxjs'
import type { Platform } from '../platform/platform'
import { Store } from '../state/Store'

export type SubtitleSize = 'small' | 'medium' | 'large'
export type SubtitleBackground = 'none' | 'semi' | 'opaque'
export type SubtitleColour = 'white' | 'yellow' | 'cyan'

export const SUBTITLE_SIZES: readonly SubtitleSize[] = ['small', 'medium', 'large']
export const SUBTITLE_BACKGROUNDS: readonly SubtitleBackground[] = ['none', 'semi', 'opaque']
export const SUBTITLE_COLOURS: readonly SubtitleColour[] = ['white', 'yellow', 'cyan']

export interface SubtitleStyle {
  size: SubtitleSize
  background: SubtitleBackground
  colour: SubtitleColour
}

/** What the household chose in Settings › Accessibilité. */
export interface AccessibilityPrefs {
  /** Text-to-speech: on, off, or null to follow the box's own setting (off where it has none). */
  speech: boolean | null
  highContrast: boolean
  subtitles: SubtitleStyle
}

export interface AccessibilityState {
  prefs: AccessibilityPrefs
  /** The box's own audio guidance setting, when the platform tells it; null otherwise. */
  systemSpeech: boolean | null
  /** The operator's default (appSettings.accessibility.speech): 'auto' follows the box. */
  operatorSpeech: OperatorSpeech
}

export type OperatorSpeech = 'auto' | 'on' | 'off'

export const DEFAULT_PREFS: AccessibilityPrefs = {
  speech: null,
  highContrast: false,
  subtitles: { size: 'medium', background: 'semi', colour: 'white' },
}

/**
 * Kept per box, not per profile: the profile chooser, the PIN prompts and the consent question come
 * before any profile is watching, and someone who needs them read aloud needs it there first.
 */
const KEY = 'accessibility'

type Storage = Platform['storage']

const oneOf = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback

/** Reads what is stored, keeping the default for anything missing or not understood. */
export function readPrefs(stored: unknown): AccessibilityPrefs {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_PREFS
  const raw = stored as Record<string, unknown>
  const subs = (
    typeof raw.subtitles === 'object' && raw.subtitles !== null ? raw.subtitles : {}
  ) as Record<string, unknown>
  const d = DEFAULT_PREFS.subtitles
  return {
    speech: typeof raw.speech === 'boolean' ? raw.speech : null,
    highContrast: raw.highContrast === true,
    subtitles: {
      size: oneOf(SUBTITLE_SIZES, subs.size, d.size),
      background: oneOf(SUBTITLE_BACKGROUNDS, subs.background, d.background),
      colour: oneOf(SUBTITLE_COLOURS, subs.colour, d.colour),
    },
  }
}

/**
 * Whether speech is on: the household's choice, else the operator's 'on' or 'off', else ('auto')
 * the box's own setting, else off.
 */
export function speechOn(state: AccessibilityState): boolean {
  if (state.prefs.speech !== null) return state.prefs.speech
  if (state.operatorSpeech !== 'auto') return state.operatorSpeech === 'on'
  return state.systemSpeech ?? false
}

/** The accessibility choices of this box, in an rxjs store on the context; saved on each change. */
export class AccessibilityStore {
  readonly store: Store<AccessibilityState>
  readonly speech$: Observable<boolean>
  readonly subtitles$: Observable<SubtitleStyle>

  constructor(
    private readonly storage: Storage,
    operatorSpeech: OperatorSpeech = 'auto',
  ) {
    this.store = new Store<AccessibilityState>({
      prefs: readPrefs(storage.get(KEY)),
      systemSpeech: null,
      operatorSpeech,
    })
    this.speech$ = this.store.select(speechOn)
    this.subtitles$ = this.store.select((s) => s.prefs.subtitles)
  }

  get prefs(): AccessibilityPrefs {
    return this.store.value.prefs
  }

  get speechOn(): boolean {
    return speechOn(this.store.value)
  }

  /** The household changes a choice; subtitle fields merge into the current style. */
  update(
    change: Partial<Omit<AccessibilityPrefs, 'subtitles'>> & {
      subtitles?: Partial<SubtitleStyle>
    },
  ): void {
    const current = this.prefs
    const prefs: AccessibilityPrefs = {
      ...current,
      ...change,
      subtitles: { ...current.subtitles, ...change.subtitles },
    }
    this.storage.set(KEY, prefs)
    this.store.update({ prefs })
  }

  /** The box reported (or changed) its own audio guidance setting. */
  setSystemSpeech(on: boolean | null): void {
    this.store.update({ systemSpeech: on })
  }
}
