import { orderRails } from '../brand/railOrder'
import type { RailSpec } from '../catalogue/rails'
import type { Title } from '../catalogue/schema'
import { barredForKids, type Viewer } from '../parental/rules'
import type { Profile } from './profiles'

export type { Viewer }

export const viewerOf = (profile: Profile): Viewer => ({
  kids: profile.kids,
  maxAge: profile.kids ? (profile.maxAge ?? 0) : null,
})

/** Whether a title is shown to this viewer (a series is rated by its strictest episode). */
export const visibleTo = (title: Title, viewer: Viewer): boolean =>
  !barredForKids(title.classification.minimumAge, viewer)

export interface HomeRailsInput {
  /** The catalogue's rails on offer now. */
  rails: readonly RailSpec[]
  /** Started and unfinished, most recent first. */
  continueWatching: readonly Title[]
  /** The profile's list, most recent first. */
  myList: readonly Title[]
  viewer: Viewer
  /** The operator's rails and their order (appSettings.home.rails); empty: all, as they come. */
  order?: readonly string[]
}

/**
 * The rails home shows to the profile watching: its Continue watching and My list first, then the
 * catalogue's. A kids home is simpler: no producers' brand rails, only titles for its age, and
 * rails left empty by that are hidden.
 */
export function homeRails(input: HomeRailsInput): RailSpec[] {
  const { viewer } = input
  const personal: RailSpec[] = [
    {
      id: 'continue-watching',
      titleKey: 'rail.continueWatching',
      titleValues: {},
      items: [...input.continueWatching],
    },
    { id: 'my-list', titleKey: 'rail.myList', titleValues: {}, items: [...input.myList] },
  ]
  const catalogue = viewer.kids
    ? input.rails.filter((rail) => !rail.id.startsWith('brand-'))
    : [...input.rails]
  return orderRails([...personal, ...catalogue], input.order ?? [])
    .map((rail) => {
      if (!viewer.kids) return rail
      const items = rail.items.filter((title) => visibleTo(title, viewer))
      return items.length === rail.items.length ? rail : { ...rail, items, next: null }
    })
    .filter((rail) => rail.items.length > 0)
}

/** Changes when what home shows changes: rails, their order and their first titles. */
export function railsKey(rails: readonly RailSpec[]): string {
  return rails.map((rail) => `${rail.id}:${rail.items.map((t) => t.id).join(',')}`).join('|')
}
