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

const defaultNamer: RailNamer = (name) => pickText(name, ['en', 'fr', 'nl', 'de'])

/** A loaded, validated catalogue with its indexes built once. */
export class Catalogue {
  private readonly byId = new Map<string, Title>()
  private readonly episodeOwner = new Map<
    string,
    { series: Series; episode: Episode; season: number }
  >()
  readonly rails: RailSpec[]

  constructor(
    readonly titles: Title[],
    readonly problems: CatalogueProblem[],
    options: CatalogueOptions = {},
  ) {
    for (const title of titles) {
      this.byId.set(title.id, title)
      if (title.kind === 'series') {
        for (const season of title.seasons) {
          for (const episode of season.episodes) {
            this.episodeOwner.set(episode.id, { series: title, episode, season: season.number })
          }
        }
      }
    }
    this.rails = options.layout
      ? layoutRails(options.layout, this.byId, options.railName ?? defaultNamer)
      : buildHomeRails(titles)
  }

  title(id: string): Title | undefined {
    return this.byId.get(id)
  }

  episode(id: string): { series: Series; episode: Episode; season: number } | undefined {
    return this.episodeOwner.get(id)
  }
}
