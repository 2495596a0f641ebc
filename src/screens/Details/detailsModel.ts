import type { Translate } from '../../catalogue/offers'
import type { Access } from '../../entitlements/access'
import { accessLabel } from '../../entitlements/accessLabel'
import type { Person, Title } from '../../catalogue/schema'
import { formatDuration } from '../../i18n/format'
import type { WallZone } from '../../i18n/wallZone'
import { pickText } from '../../i18n/localize'
import { ratingLabel } from '../../i18n/ratingLabel'
import type { EpisodeTileModel } from '../../components/EpisodeTile'

export interface InfoLine {
  label: string
  value: string
}

const names = (people: Person[], roles: Person['role'][]): string =>
  people
    .filter((p) => roles.includes(p.role))
    .map((p) => p.name)
    .join(', ')

/**
 * A language code in the UI language, e.g. "nl" -> "néerlandais" in French. A language the app's
 * translations do not name (es, ar, el...) is named by the engine in `uiLanguage` where it can
 * (Intl.DisplayNames; older engines lack it), else shown as its code.
 */
export function languageName(code: string, t: Translate, uiLanguage?: string): string {
  const key = `lang.${code}`
  const name = t(key)
  if (name !== key) return name
  return (uiLanguage && displayName(code, uiLanguage)) || code.toUpperCase()
}

function displayName(code: string, uiLanguage: string): string | undefined {
  const DisplayNames = (Intl as { DisplayNames?: typeof Intl.DisplayNames }).DisplayNames
  if (!DisplayNames) return undefined
  try {
    const name = new DisplayNames([uiLanguage], { type: 'language', fallback: 'none' }).of(code)
    return name && name.toLowerCase() !== code.toLowerCase() ? name : undefined
  } catch {
    // A code that is not a well-formed language tag.
    return undefined
  }
}

/**
 * The facts block of the details screen, in display order; empty facts are left out. While the
 * household's rights are unknown, "how to watch" says so (accessLabel), not a price.
 */
export function infoLines(
  title: Title,
  access: Access,
  t: Translate,
  language: string,
  zone: WallZone,
): InfoLine[] {
  const lines: InfoLine[] = [
    { label: t('details.director'), value: names(title.crew, ['director']) },
    { label: t('details.creator'), value: names(title.crew, ['creator']) },
    { label: t('details.cast'), value: names(title.cast, ['actor']) },
    { label: t('details.brand'), value: title.brand.name },
    {
      label: t('details.originalLanguage'),
      value: languageName(title.originalLanguage, t, language),
    },
    {
      label: t('details.audio'),
      value: title.audioLanguages.map((l) => languageName(l, t, language)).join(', '),
    },
    {
      label: t('details.subtitles'),
      value: title.subtitleLanguages.length
        ? title.subtitleLanguages.map((l) => languageName(l, t, language)).join(', ')
        : t('details.noSubtitles'),
    },
    {
      label: t('details.rating'),
      value: ratingLabel(title.classification, t, language),
    },
    {
      label: t('details.howToWatch'),
      value: accessLabel(access, t, language, zone),
    },
  ]
  return lines.filter((line) => line.value)
}

export function episodeModels(
  title: Title,
  seasonNumber: number,
  order: readonly string[],
  t: Translate,
): EpisodeTileModel[] {
  if (title.kind !== 'series') return []
  const season = title.seasons.find((s) => s.number === seasonNumber) ?? title.seasons[0]
  return (season?.episodes ?? []).map((episode) => ({
    id: episode.id,
    heading: `${t('details.season', { n: season!.number })} · ${episode.number}`,
    title: pickText(episode.title, order),
    synopsis: pickText(episode.synopsis, order),
    duration: formatDuration(episode.durationMinutes),
  }))
}
