import type { CatalogueProblem } from './errors'
import { buildHomeRails, type RailSpec } from './rails'
import type { Episode, Series, Title } from './schema'

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
    this.rails = buildHomeRails(titles)
  }

  title(id: string): Title | undefined {
    return this.byId.get(id)
  }

  episode(id: string): { series: Series; episode: Episode; season: number } | undefined {
    return this.episodeOwner.get(id)
  }
}
