/**
 * Age ratings: what a source gave (any system, by name) and what the app derives for Belgium.
 *
 * Every known system's value is read as a minimum age; the Belgian systems are then the nearest
 * age at or above it. A title with no rating, or with ratings of systems or values the app does
 * not know, is "not rated" (`minimumAge: null`): parental control treats it like the most
 * restricted category, it is never dropped.
 */

/** French Community (CSA signalétique): TP = tous publics. */
export const CSA_RATINGS = ['TP', '10', '12', '16', '18'] as const
/** Kijkwijzer (called Cinecheck in French and German): cinema releases. AL = alle leeftijden. */
export const KIJKWIJZER_RATINGS = ['AL', '6', '9', '12', '14', '16', '18'] as const
/** GoedGezien: Flemish television since 30 September 2024. */
export const GOEDGEZIEN_RATINGS = ['AL', '6', '10', '12', '16', '18'] as const
/** Content icons of Kijkwijzer and GoedGezien. */
export const CONTENT_DESCRIPTORS = [
  'fear',
  'sex',
  'substances',
  'language',
  'violence',
  'discrimination',
] as const

export type CsaRating = (typeof CSA_RATINGS)[number]
export type KijkwijzerRating = (typeof KIJKWIJZER_RATINGS)[number]
export type GoedGezienRating = (typeof GOEDGEZIEN_RATINGS)[number]
export type ContentDescriptor = (typeof CONTENT_DESCRIPTORS)[number]
export type NotRated = 'NR'

/** A rating as the source gave it. `system` is the app's name for it when the app knows it. */
export interface GivenRating {
  system: string
  value: string
}

export interface Classification {
  /** The ratings the source gave, in its order (system names normalised when known). */
  given: GivenRating[]
  /** The youngest age allowed by the strictest known rating; null: not rated. */
  minimumAge: number | null
  /** Given when the source has them, otherwise derived from minimumAge ('NR': not rated). */
  csa: CsaRating | NotRated
  kijkwijzer: KijkwijzerRating | NotRated
  goedgezien: GoedGezienRating | NotRated
  descriptors: ContentDescriptor[]
}

type AgeTable = Record<string, number | null>

/** Values are compared upper-case with spaces, dashes, dots, '+' and a leading 'FSK'/'AB' removed. */
const TABLES: Record<string, AgeTable> = {
  CSA: { TP: 0, TOUSPUBLICS: 0, TOUS: 0, '10': 10, '12': 12, '16': 16, '18': 18 },
  KIJKWIJZER: { AL: 0, ALL: 0, '6': 6, '9': 9, '12': 12, '14': 14, '16': 16, '18': 18 },
  GOEDGEZIEN: { AL: 0, ALL: 0, '6': 6, '10': 10, '12': 12, '16': 16, '18': 18 },
  // No age is printed on "PG" ratings: the age at which guidance is usually no longer advised.
  MPAA: { G: 0, PG: 10, PG13: 13, R: 17, NC17: 18, X: 18, NR: null, UR: null, UNRATED: null },
  US_TV: {
    TVY: 0,
    TVY7: 7,
    TVY7FV: 7,
    TVG: 0,
    TVPG: 10,
    TV14: 14,
    TVY14: 14,
    TVMA: 17,
    Y: 0,
    Y7: 7,
    G: 0,
    PG: 10,
    '14': 14,
    MA: 17,
  },
  BBFC: { U: 0, UC: 0, PG: 8, '12': 12, '12A': 12, '15': 15, '18': 18, R18: 18 },
  FSK: { '0': 0, '6': 6, '12': 12, '16': 16, '18': 18 },
  CHVRS: { G: 0, PG: 8, '14A': 14, '18A': 18, R: 18, A: 18, E: null },
  CPR: { C: 0, C8: 8, G: 0, PG: 8, '14': 14, '18': 18, E: null },
}

/** Names sources use for the same system, compared upper-case without spaces, dashes, dots. */
const SYSTEM_ALIASES: Record<string, string> = {
  CSA: 'CSA',
  CSABE: 'CSA',
  BECSA: 'CSA',
  CSAFR: 'CSA',
  FRCSA: 'CSA',
  FR: 'CSA',
  SIGNALETIQUE: 'CSA',
  KIJKWIJZER: 'KIJKWIJZER',
  CINECHECK: 'KIJKWIJZER',
  NICAM: 'KIJKWIJZER',
  NLKIJKWIJZER: 'KIJKWIJZER',
  GOEDGEZIEN: 'GOEDGEZIEN',
  MPAA: 'MPAA',
  MPA: 'MPAA',
  URNMPAA: 'MPAA',
  USAPR: 'US_TV',
  USTV: 'US_TV',
  TVPG: 'US_TV',
  VCHIP: 'US_TV',
  URNVCHIP: 'US_TV',
  BBFC: 'BBFC',
  UKCP: 'BBFC',
  FSK: 'FSK',
  DEFSK: 'FSK',
  CHVRS: 'CHVRS',
  CPR: 'CPR',
  CATV: 'CPR',
  // Media RSS schemes name systems as URNs.
  URNCSA: 'CSA',
  URNKIJKWIJZER: 'KIJKWIJZER',
  URNGOEDGEZIEN: 'GOEDGEZIEN',
  URNBBFC: 'BBFC',
  URNFSK: 'FSK',
  URNCHVRS: 'CHVRS',
  URNCPR: 'CPR',
}

const compact = (value: string): string => value.toUpperCase().replace(/[\s\-_.:/+]/g, '')

/** The app's name of a rating system, or the source's own (trimmed) when unknown. */
export function systemName(raw: string): string {
  return SYSTEM_ALIASES[compact(raw)] ?? raw.trim().slice(0, 40)
}

/** Systems whose every sign is an age, so a value written as an age is read as one. */
const AGE_SYSTEMS = new Set(['CSA', 'KIJKWIJZER', 'GOEDGEZIEN', 'FSK'])

/** Words for "all ages" in the languages of Belgian exports. */
const ALL_AGES =
  /^(tous publics?|tout public|pour tous|alle leeftijden|alle altersstufen|ohne altersbeschr[aä]nkung|all ages|general audiences?)$/

/**
 * An age written out as exports write it when no table knows the sign: "12", "-12", "12+",
 * "-12 ans", "12 jaar", "ab 12 Jahren", "Déconseillé aux moins de 12 ans", "vanaf 12 jaar",
 * "Tous publics". Null for anything else (a letter grade of an unknown system stays unknown).
 */
export function writtenAge(value: string): number | null {
  const words = value.trim().toLowerCase().replace(/\s+/g, ' ')
  if (ALL_AGES.test(words)) return 0
  const unit = '(?: ?(?:ans?|jaar|jahren?|years?|yrs?))?'
  const patterns = [
    new RegExp(`^[-+]? ?(\\d{1,2}) ?\\+?${unit}$`),
    new RegExp(`^(?:ab|vanaf|from|dès|des|à partir de|a partir de) (\\d{1,2})${unit}$`),
    new RegExp(`(?:moins de|onder|unter|under) (\\d{1,2})${unit}$`),
  ]
  for (const pattern of patterns) {
    const age = Number(pattern.exec(words)?.[1])
    if (Number.isInteger(age) && age <= 21) return age
  }
  return null
}

/**
 * The minimum age a rating stands for; null when the system or the value is unknown (or the
 * value says "not rated"). MRSS's `urn:simple` "adult" is 18; its "nonadult" carries no age.
 * A value written as an age ("-12 ans", "12") is read as one in an age-based system and when
 * the source names no system or one the app does not know (XMLTV makes `system` optional).
 */
export function ageOf(rating: GivenRating): number | null {
  const system = systemName(rating.system)
  if (compact(rating.system) === 'URNSIMPLE') return compact(rating.value) === 'ADULT' ? 18 : null
  const table = TABLES[system]
  if (!table) return writtenAge(rating.value)
  let value = compact(rating.value)
  if (system === 'FSK') value = value.replace(/^(FSK|AB)/, '')
  if (system === 'US_TV' && !(value in table)) value = value.replace(/^TV/, '')
  // Belgian and French CSA signs are written "-12"; compact() removed the dash.
  if (value in table) return table[value] ?? null
  return AGE_SYSTEMS.has(system) ? writtenAge(rating.value) : null
}

/** The nearest rating of a Belgian scale at or above an age. */
function atOrAbove<T extends string>(scale: readonly T[], age: number): T {
  const step = scale.find((value) => (value === 'AL' || value === 'TP' ? 0 : Number(value)) >= age)
  return step ?? scale[scale.length - 1]!
}

function givenValue<T extends string>(
  given: GivenRating[],
  system: string,
  scale: readonly T[],
): T | undefined {
  for (const rating of given) {
    if (systemName(rating.system) !== system) continue
    const age = ageOf(rating)
    if (age !== null) return atOrAbove(scale, age)
  }
  return undefined
}

/** Derives the Belgian ratings from what a source gave. */
export function classify(
  given: readonly GivenRating[],
  descriptors: readonly ContentDescriptor[] = [],
): Classification {
  const list = given.map((rating) => ({ system: systemName(rating.system), value: rating.value }))
  const ages = list.map(ageOf).filter((age): age is number => age !== null)
  const minimumAge = ages.length ? Math.max(...ages) : null
  const derive = <T extends string>(system: string, scale: readonly T[]): T | NotRated =>
    givenValue(list, system, scale) ?? (minimumAge === null ? 'NR' : atOrAbove(scale, minimumAge))
  return {
    given: list,
    minimumAge,
    csa: derive('CSA', CSA_RATINGS),
    kijkwijzer: derive('KIJKWIJZER', KIJKWIJZER_RATINGS),
    goedgezien: derive('GOEDGEZIEN', GOEDGEZIEN_RATINGS),
    descriptors: [...new Set(descriptors)],
  }
}

/** The stricter of two classifications; "not rated" is the strictest of all. */
export function stricter(a: Classification, b: Classification): Classification {
  if (a.minimumAge === null) return a
  if (b.minimumAge === null) return b
  return b.minimumAge > a.minimumAge ? b : a
}

export const NOT_RATED: Classification = classify([])
