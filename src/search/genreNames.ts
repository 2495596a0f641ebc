import type { GenreNames } from './SearchIndex'

const GENRE_KEY = /^genre\.([a-z0-9-]+)$/

/**
 * Genre names in every UI language, read from the app's translations file ({ fr: { 'genre.drama':
 * 'Drame' }, nl: {...} }): a Dutch speaker searches "misdaad" while the UI is in French.
 */
export function genreNamesFrom(translations: unknown): GenreNames {
  const names: Record<string, string[]> = {}
  if (!translations || typeof translations !== 'object') return names
  for (const [language, entries] of Object.entries(translations as Record<string, unknown>)) {
    if (language === 'meta' || !entries || typeof entries !== 'object') continue
    for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
      const genre = GENRE_KEY.exec(key)?.[1]
      if (genre && typeof value === 'string') (names[genre] ??= []).push(value)
    }
  }
  return names
}
