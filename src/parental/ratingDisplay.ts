import type { Translate } from '../catalogue/offers'
import { systemName, type Classification, type ContentDescriptor } from '../catalogue/ratings'

/**
 * Which Belgian system a household reads its ratings in: the one of its UI language's community.
 * French speakers know the CSA's signs, Flemish television shows GoedGezien and Flemish cinemas
 * and streaming Kijkwijzer, and the German-speaking Community sees cinema ratings as Cinecheck
 * (Kijkwijzer's ages under the name used in French and German). English gets the CSA's.
 */
export type RatingSystem = 'csa' | 'goedgezien' | 'kijkwijzer' | 'cinecheck'

/** Icons for content descriptors; one per Kijkwijzer/GoedGezien pictogram. */
export type DescriptorIcon = 'fear' | 'sex' | 'drugs' | 'language' | 'violence' | 'discrimination'

export interface DescriptorDisplay {
  icon: DescriptorIcon
  label: string
}

export interface RatingDisplay {
  system: RatingSystem
  /** The system's own name, as printed next to its signs. */
  systemName: string
  /** The sign alone: "-12", "Tous publics", "12", "AL"; "Non classé" when not rated. */
  sign: string
  notRated: boolean
  /** In the source's order, each once. */
  descriptors: DescriptorDisplay[]
}

const SYSTEM_NAMES: Record<RatingSystem, string> = {
  csa: 'CSA',
  goedgezien: 'GoedGezien',
  kijkwijzer: 'Kijkwijzer',
  cinecheck: 'Cinecheck',
}

const ICONS: Record<ContentDescriptor, DescriptorIcon> = {
  fear: 'fear',
  sex: 'sex',
  substances: 'drugs',
  language: 'language',
  violence: 'violence',
  discrimination: 'discrimination',
}

/**
 * GoedGezien names two pictograms differently from Kijkwijzer ("verslavende middelen",
 * "negatieve beeldvorming"); the other systems use Kijkwijzer's words.
 */
const GOEDGEZIEN_LABELS: Partial<Record<DescriptorIcon, string>> = {
  drugs: 'rating.descriptor.substances',
  discrimination: 'rating.descriptor.negativePortrayal',
}

/**
 * Dutch: GoedGezien (Flemish television) unless the source rated the title in Kijkwijzer (or
 * Cinecheck, the same system), as cinema releases and streaming catalogues are.
 */
function flemishSystem(classification: Classification): RatingSystem {
  for (const rating of classification.given) {
    const system = systemName(rating.system)
    if (system === 'GOEDGEZIEN') return 'goedgezien'
    if (system === 'KIJKWIJZER') return 'kijkwijzer'
  }
  return 'goedgezien'
}

export function ratingSystemFor(classification: Classification, language: string): RatingSystem {
  switch (language.slice(0, 2).toLowerCase()) {
    case 'nl':
      return flemishSystem(classification)
    case 'de':
      return 'cinecheck'
    default:
      return 'csa'
  }
}

function signOf(classification: Classification, system: RatingSystem, t: Translate): string {
  if (system === 'csa') {
    const csa = classification.csa
    return csa === 'TP' ? t('rating.csa.allAudiences') : `-${csa}`
  }
  return system === 'goedgezien' ? classification.goedgezien : classification.kijkwijzer
}

/** A title's rating as the household reads it, in its UI language's system and words. */
export function ratingDisplay(
  classification: Classification,
  language: string,
  t: Translate,
): RatingDisplay {
  const system = ratingSystemFor(classification, language)
  const notRated = classification.minimumAge === null
  const descriptors = classification.descriptors.map((descriptor) => {
    const icon = ICONS[descriptor]
    const key =
      (system === 'goedgezien' ? GOEDGEZIEN_LABELS[icon] : undefined) ?? `rating.descriptor.${icon}`
    return { icon, label: t(key) }
  })
  return {
    system,
    systemName: SYSTEM_NAMES[system],
    // Rated in a way the app cannot read is not "not rated": the lock is the same, the words not.
    sign: notRated
      ? t(classification.given.length ? 'rating.unreadable' : 'rating.notRated')
      : signOf(classification, system, t),
    notRated,
    descriptors,
  }
}
