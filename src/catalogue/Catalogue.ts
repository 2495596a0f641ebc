import { Subject } from 'rxjs'
import { pickText } from '../i18n/localize'
import type { RailLayout } from './backend'
import type { CatalogueProblem } from './errors'
import { buildHomeRails, layoutRails, type RailSpec } from './rails'
import { availabilityOf, nextWindowChange, type Availability } from './availability'
import type { Episode, LocalizedText, Series, Title } from './schema'

/** Names a backend-provided rail in the current UI language (called each time it is drawn). */
export type RailNamer = (name: LocalizedText) => string

export interface CatalogueOptions {
  /** The backend's own home layout; without it rails are derived from the titles. */
  layout?: RailLayout[]
  railName?: RailNamer
  /** Wall clock (ms since 1970) for availability windows; default Date.now. */
  now?: () => number
  /** Titles whose window has not opened: hidden, or shown with their date (no Play). */
  upcoming?: 'hide' | 'show'
}

/** Titles the catalogue holds but does not offer now, by why. */
export interface NotOffered {
  expired: string[]
  upcoming: string[]
}

/** A further page of a rail, as a backend returns it. */
export interface RailPage {
  titles: Title[]
  next: string | null
}

const defaultNamer: RailNamer = (name) => pickText(name, ['en', 'fr', 'nl', 'de'])

/**
 * A loaded, validated catalogue. Its indexes are built once and only grow: a backend's rails may
 * arrive page by page as the household scrolls (appendPage), and titles that are on no loaded
 * rail (a deep link, Continue watching) are added when fetched (add). Nothing is ever re-indexed.
 */
export class Catalogue {
  private readonly byId = new Map<string, Title>()
  private readonly episodeOwner = new Map<
    string,
    { series: Series; episode: Episode; season: number }
  >()
  /** Every rail with all its titles, offered or not; `rails` is what is on offer now. */
  private readonly allRails: RailSpec[]
  /** The rails on offer now: titles outside their window left out, rails left empty hidden. */
  rails: RailSpec[] = []
  notOffered: NotOffered = { expired: [], upcoming: [] }
  /** A rail whose items grew; screens showing it append the new tiles. */
  readonly railGrew = new Subject<RailSpec>()
  private readonly now: () => number
  private readonly upcoming: 'hide' | 'show'

  constructor(
    titles: Title[],
    readonly problems: CatalogueProblem[],
    options: CatalogueOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now())
    this.upcoming = options.upcoming ?? 'hide'
    this.index(titles)
    const laidOut = options.layout
      ? layoutRails(options.layout, this.byId, options.railName ?? defaultNamer)
      : []
    // A layout that places none of the titles (its ids or names do not match the feed's) would
    // leave home empty with titles to show: the app's own rails show them instead.
    this.allRails = laidOut.length ? laidOut : buildHomeRails(titles)
    // Mutated, not copied: a layout rail's name is a getter that follows the UI language.
    for (const rail of this.allRails) rail.source = rail.items
    this.refresh()
  }

  /** Whether a title is on offer now, upcoming (not yet) or expired. */
  availability(id: string): Availability {
    const title = this.byId.get(id)
    return title ? availabilityOf(title, this.now()) : 'expired'
  }

  /** Whether a title may be shown on a rail now (upcoming ones when the operator shows them). */
  private shows(title: Title, now: number): boolean {
    const state = availabilityOf(title, now)
    return state === 'available' || (state === 'upcoming' && this.upcoming === 'show')
  }

  /**
   * Re-applies availability windows at the current time: rails keep their objects (screens hold
   * them) with their items re-filtered. Returns whether anything on offer changed.
   */
  refresh(): boolean {
    const now = this.now()
    let changed = false
    for (const rail of this.allRails) {
      const items = (rail.source ?? rail.items).filter((title) => this.shows(title, now))
      changed ||=
        items.length !== rail.items.length || items.some((title, i) => title !== rail.items[i])
      // Always a new array, never the source itself, so appendPage can filter what it adds.
      rail.items = items
    }
    const rails = this.allRails.filter((rail) => rail.items.length > 0)
    changed ||= rails.length !== this.rails.length
    this.rails = rails
    const notOffered: NotOffered = { expired: [], upcoming: [] }
    for (const title of this.byId.values()) {
      const state = availabilityOf(title, now)
      if (state !== 'available') notOffered[state].push(title.id)
    }
    this.notOffered = notOffered
    return changed
  }

  /** When the next availability window of a held title opens or closes (wall-clock ms). */
  nextAvailabilityChange(): number | undefined {
    return nextWindowChange(this.byId.values(), this.now())
  }

  /** Every title known so far, in the order they arrived. */
  get titles(): Title[] {
    return [...this.byId.values()]
  }

  get size(): number {
    return this.byId.size
  }

  title(id: string): Title | undefined {
    return this.byId.get(id)
  }

  episode(id: string): { series: Series; episode: Episode; season: number } | undefined {
    return this.episodeOwner.get(id)
  }

  rail(id: string): RailSpec | undefined {
    return this.allRails.find((rail) => rail.id === id)
  }

  /** Makes titles fetched on their own findable; ids already known keep their first version. */
  add(titles: readonly Title[]): void {
    this.index(titles)
  }

  /**
   * Appends a further page to a rail of the backend's layout: new titles indexed, each id once
   * per rail, the cursor moved on. Returns how many items the rail gained.
   */
  appendPage(railId: string, page: RailPage): number {
    const rail = this.rail(railId)
    if (!rail) return 0
    this.index(page.titles)
    const source = (rail.source ??= rail.items)
    const seen = new Set(source.map((title) => title.id))
    const now = this.now()
    let added = 0
    for (const title of page.titles) {
      if (seen.has(title.id)) continue
      seen.add(title.id)
      const known = this.byId.get(title.id) ?? title
      source.push(known)
      if (this.shows(known, now)) rail.items.push(known)
      added++
    }
    rail.next = page.next
    rail.pages = (rail.pages ?? 1) + 1
    if (added > 0) this.railGrew.next(rail)
    return added
  }

  /** The rail has no further page, whatever its last cursor said. */
  endRail(railId: string): void {
    const rail = this.rail(railId)
    if (rail) rail.next = null
  }

  private index(titles: readonly Title[]): void {
    for (const title of titles) {
      if (this.byId.has(title.id)) continue
      this.byId.set(title.id, title)
      if (title.kind === 'series') {
        for (const season of title.seasons) {
          for (const episode of season.episodes) {
            this.episodeOwner.set(episode.id, { series: title, episode, season: season.number })
          }
        }
      }
    }
  }
}
