import type { LocalizedText } from '../catalogue/schema'

/**
 * The order in which catalogue text is looked up for a UI language: the language itself, then the
 * configured fallback chain (e.g. de -> en -> fr -> nl), each language once.
 */
export function fallbackOrder(uiLanguage: string, chain: readonly string[]): string[] {
  return [uiLanguage, ...chain].filter((lang, i, all) => all.indexOf(lang) === i)
}

/** Picks the first available translation in `order`; any translation at all beats nothing. */
export function pickText(text: LocalizedText | undefined, order: readonly string[]): string {
  if (!text) return ''
  const byLanguage = text as Record<string, string | undefined>
  for (const lang of order) {
    const value = byLanguage[lang]
    if (value) return value
  }
  return Object.values(byLanguage).find((value): value is string => Boolean(value)) ?? ''
}
