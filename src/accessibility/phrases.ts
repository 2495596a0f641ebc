import type { Translate } from '../catalogue/offers'
import type { Classification } from '../catalogue/ratings'

/**
 * What a focusable component is, for the announcer: components describe themselves with data
 * (their `announcement`), and the words are made here, in the UI language, in one place.
 */
export type Announceable =
  | { kind: 'rail'; title: string }
  | {
      kind: 'tile'
      title: string
      /** "Film" / "Série", already in the UI language. */
      kindLabel: string
      /** What the tile's badge says applies ("Pass Films & Séries", "Louer 5,99 €"). */
      offer?: string
      rating?: Classification
    }
  | { kind: 'button'; label: string }
  | { kind: 'dialog'; title: string; message?: string }
  /** One line of a list of choices (an audio language in the player's menu) and its group. */
  | { kind: 'choice'; group: string; label: string; selected: boolean }
  | { kind: 'group'; title: string }
  /** Anything else focusable: its visible texts, in reading order (a profile, an episode card). */
  | { kind: 'item'; parts: readonly (string | null | undefined)[] }

/** Components that can be announced carry this (optional) getter. */
export interface Announcing {
  readonly announcement?: Announceable
}

/** A button label starting with this mark is the current choice ("✓ Activée"). */
const CHOSEN = '✓'

/** The age rating as said aloud, from the strictest known age: the same words in every system. */
export function spokenRating(classification: Classification, t: Translate): string {
  const age = classification.minimumAge
  if (age === null) return t('rating.notRated')
  if (age === 0) return t('rating.csa.allAudiences')
  return t('a11y.rating.age', { age })
}

/**
 * One focusable thing as said aloud: "Pukkelpop, Film, Pass Films & Séries, déconseillé aux moins
 * de 12 ans". Parts are joined with commas, which every engine reads as a short pause.
 */
export function phraseOf(item: Announceable, t: Translate): string {
  switch (item.kind) {
    case 'rail':
    case 'group':
      return item.title.trim()
    case 'tile':
      return join([
        item.title,
        item.kindLabel,
        item.offer,
        item.rating ? spokenRating(item.rating, t) : undefined,
      ])
    case 'button': {
      const label = item.label.trim()
      if (!label.startsWith(CHOSEN)) return join([label, t('a11y.button')])
      return join([label.slice(CHOSEN.length), t('a11y.button'), t('a11y.selected')])
    }
    case 'choice':
      return join([item.group, item.label, item.selected ? t('a11y.selected') : undefined])
    case 'dialog':
      return join([item.title, item.message?.replace(/\s*\n\s*/g, ' ')])
    case 'item':
      return join(item.parts.map((part) => part ?? undefined))
  }
}

/** Everything newly focused, outer first ("Séries belges. Pukkelpop, ..."), as one utterance. */
export function phraseOfAll(items: readonly Announceable[], t: Translate): string {
  return (
    items
      // A message's own full stop would make two in a row.
      .map((item) => phraseOf(item, t).replace(/[.\s]+$/, ''))
      .filter((phrase) => phrase.length > 0)
      .join('. ')
  )
}

function join(parts: readonly (string | undefined)[]): string {
  return parts
    .map((part) => part?.trim())
    .filter((part): part is string => !!part)
    .join(', ')
}
