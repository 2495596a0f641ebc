import type { Translate } from '../../catalogue/offers'
import {
  SUBTITLE_BACKGROUNDS,
  SUBTITLE_COLOURS,
  SUBTITLE_SIZES,
  type AccessibilityPrefs,
  type AccessibilityStore,
} from '../../accessibility/preferences'

export type RowId = 'speech' | 'contrast' | 'size' | 'background' | 'colour'

export interface OptionRowModel {
  id: RowId
  title: string
  /** Labels in the UI language; the current choice starts with "✓ ". */
  options: { id: string; label: string }[]
  chosen: string
}

const mark = (label: string, chosen: boolean) => (chosen ? `✓ ${label}` : label)

function row(
  id: RowId,
  title: string,
  options: readonly string[],
  chosen: string,
  label: (option: string) => string,
): OptionRowModel {
  return {
    id,
    title,
    options: options.map((option) => ({
      id: option,
      label: mark(label(option), option === chosen),
    })),
    chosen,
  }
}

/** The rows of Settings › Accessibilité, top to bottom. `speechOn` is what applies now. */
export function accessibilityRows(
  prefs: AccessibilityPrefs,
  speechOn: boolean,
  t: Translate,
): OptionRowModel[] {
  const onOff = (option: string) => t(option === 'on' ? 'a11y.on' : 'a11y.off')
  const { size, background, colour } = prefs.subtitles
  return [
    row('speech', t('a11y.speech'), ['on', 'off'], speechOn ? 'on' : 'off', onOff),
    row(
      'contrast',
      t('a11y.highContrast'),
      ['on', 'off'],
      prefs.highContrast ? 'on' : 'off',
      onOff,
    ),
    row('size', t('a11y.subtitles.size'), SUBTITLE_SIZES, size, (o) => t(`a11y.size.${o}`)),
    row('background', t('a11y.subtitles.background'), SUBTITLE_BACKGROUNDS, background, (o) =>
      t(`a11y.background.${o}`),
    ),
    row('colour', t('a11y.subtitles.colour'), SUBTITLE_COLOURS, colour, (o) =>
      t(`a11y.colour.${o}`),
    ),
  ]
}

/** What choosing `option` in `row` changes; `restart`: the change shows only after a restart. */
export function choose(
  store: Pick<AccessibilityStore, 'prefs' | 'update'>,
  rowId: RowId,
  option: string,
): { changed: boolean; restart: boolean } {
  const before = JSON.stringify(store.prefs)
  switch (rowId) {
    case 'speech':
      store.update({ speech: option === 'on' })
      break
    case 'contrast':
      store.update({ highContrast: option === 'on' })
      break
    case 'size':
      if ((SUBTITLE_SIZES as readonly string[]).includes(option))
        store.update({ subtitles: { size: option as AccessibilityPrefs['subtitles']['size'] } })
      break
    case 'background':
      if ((SUBTITLE_BACKGROUNDS as readonly string[]).includes(option))
        store.update({
          subtitles: { background: option as AccessibilityPrefs['subtitles']['background'] },
        })
      break
    case 'colour':
      if ((SUBTITLE_COLOURS as readonly string[]).includes(option))
        store.update({ subtitles: { colour: option as AccessibilityPrefs['subtitles']['colour'] } })
      break
  }
  const changed = JSON.stringify(store.prefs) !== before
  return { changed, restart: changed && rowId === 'contrast' }
}
