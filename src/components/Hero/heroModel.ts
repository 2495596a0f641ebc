import type { Translate } from '../../catalogue/offers'
import type { Access } from '../../entitlements/access'
import { accessLabel } from '../../entitlements/accessLabel'
import type { Title } from '../../catalogue/schema'
import { formatDuration } from '../../i18n/format'
import type { WallZone } from '../../i18n/wallZone'
import { pickText } from '../../i18n/localize'
import { ratingShort } from '../../i18n/ratingLabel'
import { billboardArtwork, type ArtworkRef } from '../Tile/artwork'

export interface HeroModel {
  id: string
  /** A wide backdrop, else a poster shown as key art; none draws the generated gradient. */
  artwork?: ArtworkRef
  brand: string
  title: string
  meta: string
  synopsis: string
  offer: string
}

/**
 * The app's genre names, then the source's own labels: a feed's "drama, adventure" is both, and
 * its adventure was lost once drama was known.
 */
export function genreNames(title: Title, t: Translate, count: number): string[] {
  const known = title.genres.map((genre) => t(`genre.${genre}`))
  const labels = (title.genreLabels ?? []).filter((label) => !known.includes(label))
  return [...known, ...labels].slice(0, count)
}

/** Year, length, genres and the rating, the rating in the UI language's system. */
export function metaLine(title: Title, t: Translate, language: string): string {
  const length =
    title.kind === 'film'
      ? formatDuration(title.durationMinutes)
      : title.seasons.length > 1
        ? t('details.seasons', { n: title.seasons.length })
        : // A series with one season names it: its only season may be its third.
          t('details.season', { n: title.seasons[0]?.number ?? 1 })
  return [
    title.year ? String(title.year) : '',
    length,
    ...genreNames(title, t, 2),
    ratingShort(title.classification, t, language),
  ]
    .filter(Boolean)
    .join('  ·  ')
}

/** What the billboard says about the focused title, in the current language. */
export function heroModel(
  title: Title,
  order: readonly string[],
  t: Translate,
  access: Access,
  zone: WallZone,
): HeroModel {
  return {
    id: title.id,
    artwork: billboardArtwork(title.artwork),
    brand: title.brand.name.toUpperCase(),
    title: pickText(title.title, order),
    meta: metaLine(title, t, order[0] ?? 'fr'),
    synopsis: pickText(title.synopsis, order),
    offer: accessLabel(access, t, order[0] ?? 'fr', zone),
  }
}
