import type { Title } from '../catalogue/schema'
import { normalise, normaliseJoined, spellingVariants, tokenise } from './normalise'
import { rank, type MatchKind, type Ranked } from './rank'

/** A genre id ('scifi') -> what households call it in each UI language. */
export type GenreNames = Readonly<Record<string, readonly string[]>>

/** Which field of a title a word came from; bits, as one word can be in several. */
const TITLE = 1
const PERSON = 2
const BRAND = 4
const GENRE = 8
const FIELD_BITS = 4

/** The kind a token earns from the fields it was found in: the strongest field wins. */
function tokenKind(mask: number): MatchKind {
  if (mask & TITLE) return 'word-prefix'
  if (mask & PERSON) return 'person'
  if (mask & BRAND) return 'brand'
  return 'genre'
}

const KIND_ORDER: readonly MatchKind[] = ['word-prefix', 'person', 'brand', 'genre']

/**
 * The words of an item search looks at, before normalising: a title's names in every language and
 * its original title, the people in it, its brand, its genre ids and the feed's own genre labels.
 * A held Title gives them (titleFields); the embedded catalogue's search file carries just these
 * for titles that are not held (catalogue/pagedFiles.ts).
 */
export interface SearchFields {
  names: readonly string[]
  people: readonly string[]
  brand: string
  /** Genre ids, also matched by their names in every UI language. */
  genres: readonly string[]
  /** A feed's own genre words, matched as they are. */
  labels: readonly string[]
}

export const titleFields = (title: Title): SearchFields => ({
  names: [...Object.values(title.title), title.originalTitle],
  people: [...title.cast, ...title.crew].map((person) => person.name),
  brand: title.brand.name,
  genres: title.genres,
  labels: title.genreLabels ?? [],
})

interface Entry<T> {
  title: T
  position: number
  /** The title in every language it has, and its original title, normalised. */
  names: string[]
  /** Names, people and brand, for the last-resort substring match; '|' never survives normalise. */
  haystack: string
}

export interface IndexQuery<T = Title> {
  limit: number
  /** Titles this viewer may be shown; the limit counts only those. */
  accept?: (title: T) => boolean
}

/**
 * Words of every title, person, brand and genre, sorted once so that a prefix is a binary search
 * and a contiguous run instead of a scan of the catalogue: what keeps a keystroke cheap at 10,000
 * titles. Titles can be added later (rail pages, deep links); nothing is ever re-indexed.
 */
export class SearchIndex<T extends { id: string } = Title> {
  private readonly entries: Entry<T>[] = []
  private readonly ids = new Set<string>()
  /** word -> entry index << FIELD_BITS | field bits. */
  private readonly postings = new Map<string, number[]>()
  private words: string[] = []
  private sorted = true

  constructor(
    private readonly genreNames: GenreNames,
    private readonly fieldsOf: (item: T) => SearchFields,
  ) {}

  get size(): number {
    return this.entries.length
  }

  add(titles: readonly T[]): void {
    for (const title of titles) {
      if (this.ids.has(title.id)) continue
      this.ids.add(title.id)
      this.addEntry(title)
    }
  }

  search(query: string, { limit, accept }: IndexQuery<T>): Ranked<T>[] {
    const tokens = tokenise(query)
    if (tokens.length === 0 || limit <= 0) return []
    const full = tokens.join(' ')
    const masks = this.candidates(tokens)
    const matches: Ranked<T>[] = []
    const take = (entry: Entry<T>, kind: MatchKind, exact = false) => {
      if (!accept || accept(entry.title))
        matches.push({ item: entry.title, kind, exact, position: entry.position })
    }
    masks.forEach((tokenMasks, index) => {
      const entry = this.entries[index]!
      if (entry.names.some((name) => name.startsWith(full))) {
        take(entry, 'title-prefix', entry.names.includes(full))
        return
      }
      // The weakest token decides: "rosetta dequenne" is a person match, not a title one.
      let weakest = 0
      for (const mask of tokenMasks)
        weakest = Math.max(weakest, KIND_ORDER.indexOf(tokenKind(mask)))
      take(entry, KIND_ORDER[weakest]!)
    })
    // Substring matches rank last: with a full page of stronger ones none could be shown, and the
    // scan of every title is what a one-letter query at 10,000 titles would otherwise pay for.
    if (matches.length < limit) {
      for (const entry of this.entries) {
        if (!masks.has(entry.position) && entry.haystack.includes(full)) take(entry, 'substring')
      }
    }
    return rank(matches, limit)
  }

  /** Entries where every token starts a word, with each token's field bits. */
  private candidates(tokens: string[]): Map<number, number[]> {
    let found: Map<number, number[]> | undefined
    for (const token of tokens) {
      const hits = this.lookup(token)
      if (!found) {
        found = new Map()
        hits.forEach((mask, index) => found!.set(index, [mask]))
        continue
      }
      for (const [index, masks] of found) {
        const mask = hits.get(index)
        if (mask === undefined) found.delete(index)
        else masks.push(mask)
      }
    }
    return found ?? new Map<number, number[]>()
  }

  /** Every entry with a word starting with `prefix`, and in which fields. */
  private lookup(prefix: string): Map<number, number> {
    this.sort()
    const words = this.words
    let low = 0
    let high = words.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (words[mid]! < prefix) low = mid + 1
      else high = mid
    }
    const hits = new Map<number, number>()
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i++) {
      for (const code of this.postings.get(words[i]!)!) {
        const index = code >>> FIELD_BITS
        hits.set(index, (hits.get(index) ?? 0) | (code & ((1 << FIELD_BITS) - 1)))
      }
    }
    return hits
  }

  private sort(): void {
    if (this.sorted) return
    this.words = [...this.postings.keys()].sort()
    this.sorted = true
  }

  private addEntry(title: T): void {
    const position = this.entries.length
    const fields = this.fieldsOf(title)
    // Each name also as typed without its apostrophes and hyphens, and in its other spellings.
    const names = [
      ...new Set(
        fields.names.flatMap((n) => [normalise(n), normaliseJoined(n), ...spellingVariants(n)]),
      ),
    ].filter(Boolean)
    const people = fields.people.flatMap((name) => [normalise(name), ...spellingVariants(name)])
    const brand = normalise(fields.brand)
    const genres = [
      ...fields.genres.flatMap((genre) => [genre, ...(this.genreNames[genre] ?? [])]),
      ...fields.labels,
    ].map((name) => normalise(name))
    const words = new Map<string, number>()
    const note = (texts: string[], bit: number) => {
      for (const text of texts) {
        for (const word of text.split(' ')) if (word) words.set(word, (words.get(word) ?? 0) | bit)
      }
    }
    note(names, TITLE)
    note(people, PERSON)
    note([brand], BRAND)
    note(genres, GENRE)
    words.forEach((bits, word) => {
      const code = (position << FIELD_BITS) | bits
      const list = this.postings.get(word)
      if (list) list.push(code)
      else {
        this.postings.set(word, [code])
        this.sorted = false
      }
    })
    this.entries.push({ title, position, names, haystack: [...names, ...people, brand].join('|') })
  }
}
