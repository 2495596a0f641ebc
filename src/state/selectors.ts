import { combineLatest, distinctUntilChanged, map, type Observable } from 'rxjs'
import type { AppContext } from '../app/context'
import type { Catalogue } from '../catalogue/Catalogue'
import type { RailSpec } from '../catalogue/rails'
import type { Title } from '../catalogue/schema'
import { homeRails, railsKey, viewerOf } from './homeRails'
import { continueWatching } from './progress'

export interface HomeView {
  /** False while the catalogue loads or failed: no "nothing to show" message then. */
  ready: boolean
  rails: RailSpec[]
}

/** Titles of a list of ids the catalogue holds and offers now (an expired one leaves the list). */
function offeredTitles(catalogue: Catalogue, ids: readonly string[]): Title[] {
  return ids
    .map((id) => catalogue.title(id))
    .filter((title): title is Title => !!title && catalogue.availability(title.id) !== 'expired')
}

/**
 * What home shows, derived from the catalogue, the profile watching, its progress and its list:
 * a change of any of them redraws home, and only when the rails really change. `refresh$`
 * re-derives after the catalogue learnt a title it did not hold (a saved title looked up).
 */
export function homeView$(
  context: AppContext,
  refresh$: Observable<unknown>,
): Observable<HomeView> {
  return combineLatest([
    context.catalogue.select((s) => s.state),
    context.progress.store.select((s) => s.entries),
    context.myList.store.select((s) => s.ids),
    context.profiles.active$,
    refresh$,
  ]).pipe(
    map(([state, entries, listIds, profile]): HomeView => {
      if (state.status !== 'ready') return { ready: false, rails: [] }
      const { catalogue } = state
      const resumeIds = continueWatching(entries).map((entry) => entry.titleId)
      return {
        ready: true,
        rails: homeRails({
          rails: catalogue.rails,
          continueWatching: offeredTitles(catalogue, resumeIds),
          myList: offeredTitles(catalogue, listIds),
          viewer: viewerOf(profile),
          order: context.config.home.rails,
        }),
      }
    }),
    distinctUntilChanged((a, b) => a.ready === b.ready && railsKey(a.rails) === railsKey(b.rails)),
  )
}

/** Saved ids (progress, my list) the loaded catalogue does not hold yet: to ask the backend. */
export function unknownSavedIds$(context: AppContext): Observable<string[]> {
  return combineLatest([
    context.catalogue.select((s) => s.state),
    context.progress.store.select((s) => s.entries),
    context.myList.store.select((s) => s.ids),
  ]).pipe(
    map(([state, entries, listIds]) => {
      if (state.status !== 'ready') return []
      const ids = [...Object.values(entries).map((entry) => entry.titleId), ...listIds]
      return [...new Set(ids)].filter((id) => !state.catalogue.title(id))
    }),
  )
}
