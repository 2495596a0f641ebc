/**
 * What an MRSS item's categories say about its genres. Media RSS gives `media:category` a
 * `label` for people and a value in its `scheme`'s terms: by default a path in Yahoo's category
 * schema ("Arts/Movies/Titles/A/Ace_Ventura"), with Flickr's scheme a list of tags ("ducks
 * water"); RSS 2.0's `category` is a slash-separated path in its `domain` as well. Shown as they
 * are, such values put a path or a title among a film's genres on details. A label, or a plain
 * word, is a category the household may see; the parts of a path and tags only count where they
 * name a genre the app knows, as keywords do.
 */

export interface CategoryElement {
  text: string | null | undefined
  label?: string | null | undefined
  scheme?: string | null | undefined
}

export interface CategoryTerms {
  /** Shown as genres (mapped where the app knows them, else as labels). */
  categories: string[]
  /** Matched against the app's genres only. */
  keywords: string[]
}

const TAG_SCHEMES = /(^|[:/])tags?$/i

export function categoryTerms(elements: readonly CategoryElement[]): CategoryTerms {
  const categories: string[] = []
  const keywords: string[] = []
  for (const { text, label, scheme } of elements) {
    const shown = label?.trim()
    if (shown) {
      categories.push(shown)
      continue
    }
    const value = text?.trim()
    if (!value) continue
    if (scheme && TAG_SCHEMES.test(scheme.trim())) keywords.push(...value.split(/\s+/))
    else if (value.includes('/'))
      keywords.push(
        ...value
          .split('/')
          .map((part) => part.replace(/_/g, ' ').trim())
          .filter(Boolean),
      )
    else categories.push(value)
  }
  return { categories, keywords }
}
