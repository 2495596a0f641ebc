import {
  debounce,
  distinctUntilChanged,
  map,
  merge,
  Observable,
  of,
  switchMap,
  timer,
  type SchedulerLike,
} from 'rxjs'
import type { CatalogueProblem } from '../catalogue/errors'
import type { Title } from '../catalogue/schema'

/** What a search asked of the context gave: titles, or why there are none. */
export type SearchAnswer =
  /** `more`: titles past the first ones shown also match. */
  | { status: 'ok'; titles: Title[]; more?: boolean }
  | { status: 'failed'; problem: CatalogueProblem }

/** Runs one query; must stop its work (and its request) when `signal` is aborted. */
export type SearchFn = (query: string, signal: AbortSignal) => Observable<SearchAnswer>

export type SearchState =
  | { status: 'empty' }
  | { status: 'searching'; query: string }
  | { status: 'results'; query: string; titles: Title[]; more?: boolean }
  | { status: 'failed'; query: string; problem: CatalogueProblem }

export interface PipelineOptions {
  debounceMs: number
  scheduler?: SchedulerLike
}

/**
 * Queries as typed -> what the screen shows. Typing is debounced, so a word typed quickly asks
 * once; a new query cancels the one in flight (switchMap unsubscribes, which aborts its signal),
 * so a slow earlier answer can never replace a later one. Clearing the text shows the empty state
 * at once: there is nothing to wait for.
 */
export function searchStates(
  queries: Observable<string>,
  search: SearchFn,
  { debounceMs, scheduler }: PipelineOptions,
): Observable<SearchState> {
  return queries.pipe(
    map((query) => query.trim()),
    // One debounce for both, so clearing the text also drops a query still waiting to be sent.
    debounce((query) => (query === '' ? of(0) : timer(debounceMs, scheduler))),
    distinctUntilChanged(),
    switchMap((query): Observable<SearchState> => {
      if (query === '') return of({ status: 'empty' })
      return merge(
        of<SearchState>({ status: 'searching', query }),
        abortable(query, search).pipe(
          map((answer): SearchState =>
            answer.status === 'ok'
              ? {
                  status: 'results',
                  query,
                  titles: answer.titles,
                  ...(answer.more ? { more: true } : {}),
                }
              : { status: 'failed', query, problem: answer.problem },
          ),
        ),
      )
    }),
  )
}

/** The search's own observable, with an AbortController aborted when it is unsubscribed. */
function abortable(query: string, search: SearchFn): Observable<SearchAnswer> {
  return new Observable<SearchAnswer>((subscriber) => {
    const controller = new AbortController()
    let settled = false
    const subscription = search(query, controller.signal).subscribe({
      next: (answer) => subscriber.next(answer),
      error: (error: unknown) => {
        settled = true
        subscriber.error(error)
      },
      complete: () => {
        settled = true
        subscriber.complete()
      },
    })
    return () => {
      subscription.unsubscribe()
      // Only a search still under way is abandoned; one that answered has nothing to stop.
      if (!settled) controller.abort()
    }
  })
}
