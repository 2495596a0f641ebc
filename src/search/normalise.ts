/**
 * Text as search compares it: lower case, accents dropped, punctuation as spaces. The household
 * types on a remote, where accents take a long press: "heroine" has to find "Héroïne".
 */

/** Letters that are not a base letter plus a combining accent, so NFD alone does not fold them. */
const LIGATURES: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
}

const COMBINING_MARKS = /[\u0300-\u036f]/g
const LIGATURE = /[œæßøłđı]/g
/**
 * Spelled out rather than \p{P}: unicode property escapes are not understood by the old engines
 * the es5 build targets. Apostrophes split words, so "homme" finds "L'Homme qui…".
 */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212_.,;:!?'’‘`´"“”„«»‹›()[\]{}/\\|&+*#@·…~^<>=%$€]+/g

/** Apostrophes and hyphens, which households often leave out: "aujourdhui", "jeanclaude". */
const JOINERS = /['’‘`´\-\u2010\u2011]/g

const canDecompose = typeof ''.normalize === 'function'

/**
 * Compatibility decomposition (NFKD) rather than NFD: CMS text carries ligatures ("ﬁls"),
 * full-width letters ("ＴＯＫＹＯ") and the Dutch "Ĳ", which only it folds to plain letters.
 */
export function normalise(text: string): string {
  const lower = text.toLowerCase()
  const bare = canDecompose ? lower.normalize('NFKD').replace(COMBINING_MARKS, '') : lower
  return bare
    .replace(LIGATURE, (char) => LIGATURES[char] ?? char)
    .replace(SEPARATORS, ' ')
    .trim()
}

/** The text with its words joined across apostrophes and hyphens ("Aujourd'hui" -> "aujourdhui"). */
export function normaliseJoined(text: string): string {
  return normalise(text.replace(JOINERS, ''))
}

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue' }
const UMLAUT = /[äöü]/g

/**
 * The other spellings a household types for a name, normalised; empty when it has none. German
 * writes an umlaut out where a keyboard has none ("Über" typed "ueber", "Müller" "mueller"); Dutch
 * "ij" is typed "y" ("IJzer" as "yzer", as on many keyboards and in older spellings). Indexed
 * beside the name, so the query itself is not folded: "blue" does not start finding "Blu".
 */
export function spellingVariants(text: string): string[] {
  const lower = text.toLowerCase()
  const variants = new Set<string>()
  // Composed first: a "ü" written as "u" and a combining diaeresis is the same letter.
  const composed = canDecompose ? lower.normalize('NFC') : lower
  const spelledOut = composed.replace(UMLAUT, (char) => UMLAUTS[char] ?? char)
  if (spelledOut !== composed) variants.add(normalise(spelledOut))
  const plain = normalise(text)
  if (plain.includes('ij')) variants.add(plain.replace(/ij/g, 'y'))
  variants.delete(plain)
  variants.delete('')
  return [...variants]
}

/** The words of a text, normalised; empty for text made only of punctuation. */
export function tokenise(text: string): string[] {
  const normal = normalise(text)
  return normal ? normal.split(' ') : []
}
