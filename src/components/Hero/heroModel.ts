import { offerLabel, primaryOffer, type Translate } from '../../catalogue/offers'
import type { Title } from '../../catalogue/schema'
import { formatDuration } from '../../i18n/format'
import { pickText } from '../../i18n/localize'

export interface HeroModel {
  id: string
  backdrop: string
  brand: string
  title: string
  meta: string
  synopsis: string
  offer: string
}

export function metaLine(title: Title, t: Translate): string {
  const length =
    title.kind === 'film'
      ? formatDuration(title.durationMinutes)
      : title.seasons.length > 1
        ? t('details.seasons', { n: title.seasons.length })
        : t('details.season', { n: 1 })
  const genres = title.genres.slice(0, 2).map((genre) => t(`genre.${genre}`))
  return [
    String(title.year),
    length,
    ...genres,
    `${title.rating.csa} / ${title.rating.kijkwijzer}`,
  ].join('  ·  ')
}

/** What the billboard says about the focused title, in the current language. */
export function heroModel(title: Title, order: readonly string[], t: Translate): HeroModel {
  const offer = primaryOffer(title.offers)
  return {
    id: title.id,
    backdrop: title.artwork.backdrop,
    brand: title.brand.name.toUpperCase(),
    title: pickText(title.title, order),
    meta: metaLine(title, t),
    synopsis: pickText(title.synopsis, order),
    offer: offer ? offerLabel(offer, t, order[0] ?? 'fr') : '',
  }
}
