import type { Translate } from '../../catalogue/offers'
import type { Title } from '../../catalogue/schema'
import type { SearchState } from '../../search/pipeline'

/** What the screen shows under the keyboard for a state of the search. */
export interface SearchView {
  /** The line next to the query: a count, "no result", a failure, or nothing. */
  message: string
  /** Which titles the rail holds: the results, suggestions, or no rail at all. */
  showing: 'results' | 'suggestions' | 'none'
  railLabel: string
  titles: Title[]
}

/**
 * The view for `state`. While a new query is on its way the previous results stay (no flash of an
 * empty rail at every key); a query with no result says so in words and offers suggestions; a
 * search that failed says so, and never shows an empty grid as if nothing matched.
 */
export function searchView(
  state: SearchState,
  previous: SearchView | undefined,
  suggestions: Title[],
  t: Translate,
): SearchView {
  const suggested = (message: string): SearchView => ({
    message,
    showing: suggestions.length ? 'suggestions' : 'none',
    railLabel: t('search.suggestions'),
    titles: suggestions,
  })
  switch (state.status) {
    case 'empty':
      return suggested('')
    case 'searching':
      return previous?.showing === 'results'
        ? { ...previous, message: t('search.searching') }
        : { ...suggested(t('search.searching')) }
    case 'results':
      if (state.titles.length === 0) return suggested(t('search.none', { query: state.query }))
      return {
        // Past the first ones the rail shows, the count says they are the first, not all.
        message: t(state.more ? 'search.countMore' : 'search.count', {
          count: state.titles.length,
          query: state.query,
        }),
        showing: 'results',
        railLabel: t('search.results'),
        titles: state.titles,
      }
    case 'failed':
      return { message: t('search.failed'), showing: 'none', railLabel: '', titles: [] }
  }
}

/**
 * The query as the field shows it, with the caret: when it no longer fits, its start gives way
 * ("…" first) so the household always sees the end it is typing. `width` measures a text.
 */
export function queryLine(value: string, fits: number, width: (text: string) => number): string {
  const line = `${value}_`
  if (width(line) <= fits) return line
  const chars = [...value]
  let from = 1
  while (from < chars.length && width(`…${chars.slice(from).join('')}_`) > fits) from++
  return `…${chars.slice(from).join('')}_`
}
