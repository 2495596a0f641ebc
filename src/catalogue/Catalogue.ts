import { Subject } from 'rxjs'
import { pickText } from '../i18n/localize'
import type { RailLayout } from './backend'
import type { CatalogueProblem } from './errors'
import { buildHomeRails, layoutRails, type RailSpec } from './rails'
import type { Episode, LocalizedText, Series, Title } from './schema'

/** Names a backend-provided rail in the current UI language (called each time it is drawn). */
export type RailNamer = (name: LocalizedText) => string

export interface CatalogueOptions {
  /** The backend's own home layout; without it rails are derived from the titles. */
  layout?: RailLayout[]
  railName?: RailNamer
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
  readonly rails: RailSpec[]
  /** A rail whose items grew; screens showing it append the new tiles. */
  readonly railGrew = new Subject<RailSpec>()

  constructor(
    titles: Title[],
    readonly problems: CatalogueProblem[],
    options: CatalogueOptions = {},
  ) {
    this.index(titles)
    this.rails = options.layout
      ? layoutRails(options.layout, this.byId, options.railName ?? defaultNamer)
      : buildHomeRails(titles)
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
    return this.rails.find((rail) => rail.id === id)
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
    const seen = new Set(rail.items.map((title) => title.id))
    let added = 0
    for (const title of page.titles) {
      if (seen.has(title.id)) continue
      seen.add(title.id)
      rail.items.push(this.byId.get(title.id) ?? title)
      added++
    }
    rail.next = page.next
    rail.pages = (rail.pages ?? 1) + 1
    if (added > 0) this.railGrew.next(rail)
    return added
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
