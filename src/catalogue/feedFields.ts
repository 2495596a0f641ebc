import { list, text, clip } from './tolerant'
import { LANGUAGES, type Genre, type Language, type Person } from './schema'
import type { LiveCategory } from './live'
import type { SubtitleFormat } from './tolerant'
import type { LeftOutPart } from './errors'

/**
 * Mappings the feed adapters share: genre names, credit roles, text languages, sidecar subtitles.
 */

/** Feed genre names (Roku's list and common others) to the app's genres. */
const GENRE_MAP: Record<string, Genre> = {
  drama: 'drama',
  dramas: 'drama',
  comedy: 'comedy',
  sitcom: 'comedy',
  thriller: 'thriller',
  suspense: 'thriller',
  crime: 'crime',
  documentary: 'documentary',
  documentaries: 'documentary',
  animated: 'animation',
  animation: 'animation',
  anime: 'animation',
  children: 'family',
  kids: 'family',
  family: 'family',
  romance: 'romance',
  fantasy: 'fantasy',
  history: 'history',
  historical: 'history',
  war: 'war',
  horror: 'horror',
  'science fiction': 'scifi',
  'sci-fi': 'scifi',
  scifi: 'scifi',
  music: 'music',
  musical: 'music',
  mystery: 'mystery',
  // What Belgian CMSs write in French, Dutch and German (read without accents or case).
  drame: 'drama',
  drames: 'drama',
  dramatique: 'drama',
  comedie: 'comedy',
  comedies: 'comedy',
  komedie: 'comedy',
  komodie: 'comedy',
  humour: 'comedy',
  humor: 'comedy',
  policier: 'crime',
  polar: 'crime',
  polars: 'crime',
  misdaad: 'crime',
  krimi: 'crime',
  documentaire: 'documentary',
  documentaires: 'documentary',
  documentairefilm: 'documentary',
  dokumentarfilm: 'documentary',
  dokumentation: 'documentary',
  animatie: 'animation',
  'dessin anime': 'animation',
  'dessins animes': 'animation',
  zeichentrick: 'animation',
  jeunesse: 'family',
  enfants: 'family',
  famille: 'family',
  familial: 'family',
  kinderen: 'family',
  jeugd: 'family',
  familie: 'family',
  kinder: 'family',
  romantique: 'romance',
  romantiek: 'romance',
  liefde: 'romance',
  fantastique: 'fantasy',
  histoire: 'history',
  historique: 'history',
  geschiedenis: 'history',
  historisch: 'history',
  geschichte: 'history',
  guerre: 'war',
  oorlog: 'war',
  krieg: 'war',
  horreur: 'horror',
  epouvante: 'horror',
  griezel: 'horror',
  'science-fiction': 'scifi',
  sciencefiction: 'scifi',
  musique: 'music',
  muziek: 'music',
  musik: 'music',
  mystere: 'mystery',
  mysterie: 'mystery',
}

/** A genre name as the map keys it: lower case, without accents ("Comédie" is "comedie"). */
const genreKey = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')

/**
 * The app's genres for a feed's genre names, and the names it has no genre for, kept as the
 * feed's own labels (capitalised): a title is never dropped for its genre.
 */
export function genresOf(value: unknown): { genres: Genre[]; genreLabels: string[] } {
  const names = list(value)
    .flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [text(entry) ?? '']))
    .map((name) => name.trim())
    .filter(Boolean)
  const genres = new Set<Genre>()
  const labels = new Set<string>()
  for (const name of names) {
    const genre = GENRE_MAP[genreKey(name)] ?? GENRE_MAP[name.toLowerCase()]
    if (genre) genres.add(genre)
    else labels.add(clip(name.charAt(0).toUpperCase() + name.slice(1), 60))
  }
  return { genres: [...genres].slice(0, 15), genreLabels: [...labels].slice(0, 10) }
}

const ROLES: Record<string, Person['role']> = {
  actor: 'actor',
  actress: 'actor',
  cast: 'actor',
  anchor: 'actor',
  host: 'actor',
  presenter: 'actor',
  narrator: 'actor',
  voice: 'actor',
  director: 'director',
  producer: 'producer',
  screenwriter: 'writer',
  writer: 'writer',
  creator: 'creator',
  composer: 'composer',
  screenplay: 'writer',
  scriptwriter: 'writer',
  music: 'composer',
  // What Belgian CMSs write in French, Dutch and German (read without accents or case).
  realisateur: 'director',
  realisatrice: 'director',
  realisation: 'director',
  regisseur: 'director',
  regisseuse: 'director',
  regie: 'director',
  acteur: 'actor',
  actrice: 'actor',
  schauspieler: 'actor',
  schauspielerin: 'actor',
  producteur: 'producer',
  productrice: 'producer',
  producent: 'producer',
  produzent: 'producer',
  scenariste: 'writer',
  scenarist: 'writer',
  drehbuchautor: 'writer',
  compositeur: 'composer',
  componist: 'composer',
  komponist: 'composer',
  createur: 'creator',
  createrice: 'creator',
}

/**
 * Words before a role that leave it that role ("Executive Producer", "Lead Actor"). Others make
 * another job of it: a "director of photography" or an "art director" does not direct the film.
 */
const SAME_ROLE = new Set([
  'executive',
  'co',
  'associate',
  'line',
  'lead',
  'main',
  'supporting',
  'guest',
  'voice',
  'film',
  'series',
  'head',
  'original',
  'script',
  'screen',
])

/**
 * The app's role for a credit's role as exports write it: any case, words apart or joined by
 * "_" or "-" ("Executive Producer", "DIRECTOR", "lead_actor", "Réalisatrice"), a plural
 * ("Actors"). Undefined for a job the app has no role for.
 */
export function creditRole(written: string | undefined): Person['role'] | undefined {
  const words = genreKey(written ?? '')
    .split(/[\s_.-]+/)
    .filter(Boolean)
  const last = words.pop() ?? ''
  const role = ROLES[last] ?? (last.endsWith('s') ? ROLES[last.slice(0, -1)] : undefined)
  return role && words.every((word) => SAME_ROLE.has(word)) ? role : undefined
}

/**
 * Credits as cast (on-screen people) and crew. Nameless entries are dropped; a role the app has
 * no place for (no screen shows a director of photography) is left out and named in `leftOut`,
 * so the operator sees on the diagnostics page that those credits are not shown.
 */
export function creditsOf(value: unknown): {
  cast: Person[]
  crew: Person[]
  leftOut: LeftOutPart[]
} {
  const cast: Person[] = []
  const crew: Person[] = []
  const leftOut: LeftOutPart[] = []
  for (const credit of list<Record<string, unknown>>(value)) {
    if (typeof credit !== 'object' || credit === null) continue
    const name = text(credit.name)
    const written = text(credit.role)
    const role = creditRole(written)
    if (!name) continue
    if (!role) {
      leftOut.push({ reason: 'credit-role', detail: `${written ?? '(no role)'}: ${name}` })
      continue
    }
    const person = { name: clip(name, 120), role }
    if (role === 'actor') cast.push(person)
    else crew.push(person)
  }
  return { cast: cast.slice(0, 40), crew: crew.slice(0, 20), leftOut }
}

/** Genre names (Roku's and what exports write instead) to the guide's channel categories. */
const LIVE_CATEGORY_OF: [RegExp, LiveCategory][] = [
  [/news|politic|weather|actualit|nieuws/i, 'news'],
  [/sport/i, 'sport'],
  [/child|kid|famil|animat|enfant|jeugd/i, 'kids'],
  [/music|musique|muziek/i, 'music'],
  [/educat|document|history|science|art|cultur/i, 'culture'],
]

/** The category of a live channel from its feed's genre names: the first one that says. */
export function liveCategoryOf(names: readonly string[]): LiveCategory | undefined {
  for (const name of names) {
    const found = LIVE_CATEGORY_OF.find(([pattern]) => pattern.test(name))
    if (found) return found[1]
  }
  return undefined
}

/** The UI language a feed's text is written in (fr/nl/de/en), or the fallback. */
export function textLanguage(code: string | undefined, fallback: Language): Language {
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : fallback
}

export interface SidecarCandidate {
  url: string
  language: string
  format: SubtitleFormat
  captions: boolean
}

/** A subtitle file's name as the operator finds it in the CMS: the last part of its URL. */
const fileName = (url: string): string => {
  const path = url.split(/[?#]/)[0]!
  return path.slice(path.lastIndexOf('/') + 1) || url
}

/**
 * Why a feed's subtitle file is not offered, or undefined when it is: the player reads WebVTT,
 * TTML and SRT only, and a track needs a language to be chosen by.
 */
export function subtitleLeftOut(
  url: string,
  format: SubtitleFormat | undefined,
  language: string | undefined,
  written: { type?: string | undefined; language?: string | undefined },
): LeftOutPart | undefined {
  if (!format) {
    const type = written.type ? ` (${written.type})` : ''
    return { reason: 'subtitle-format', detail: `${fileName(url)}${type}` }
  }
  if (!language) {
    const said = written.language ? `"${written.language}"` : 'no language'
    return { reason: 'subtitle-language', detail: `${fileName(url)} (${said})` }
  }
  return undefined
}

/** At most this many fallbacks after a title's MP4 (schema.ts mp4Fallbacks). */
export const MAX_MP4_FALLBACKS = 4

/**
 * A feed's progressive files of one video, best rank first, each URL once: the first is the
 * title's MP4, the next few its fallbacks.
 */
export function progressiveFiles(files: readonly { url: string; rank: number }[]): string[] {
  const urls = [...files].sort((a, b) => b.rank - a.rank).map((file) => file.url)
  return [...new Set(urls)].slice(0, MAX_MP4_FALLBACKS + 1)
}
