import type { Title } from '../../catalogue/schema'
import type { ModelList } from '../../components/Rail'
import type { TileModel } from '../../components/Tile'

/**
 * Tile models made once per title and kept while what they say stays true (the language, the
 * household's rights): a rail that comes back into the window, or a rail of 800 titles that grew
 * by a page, then costs a lookup per title instead of making every label and badge again, which
 * at 10,000 titles was most of the time of an Up/Down. Keyed by the title object itself, so a
 * title the catalogue drops is forgotten with it.
 */
export class TileModelCache {
  private made = new WeakMap<Title, TileModel>()

  constructor(private readonly make: (title: Title) => TileModel) {}

  model(title: Title): TileModel {
    let model = this.made.get(title)
    if (!model) {
      model = this.make(title)
      this.made.set(title, model)
    }
    return model
  }

  models(titles: readonly Title[]): TileModel[] {
    return titles.map((title) => this.model(title))
  }

  /**
   * The models of `titles` made only when a tile asks for them: entering a rail of 10,000 titles
   * makes the dozen its window draws, not 10,000.
   */
  list(titles: readonly Title[]): ModelList<TileModel> {
    return {
      length: titles.length,
      at: (index) => {
        const title = titles[index]
        return title && this.model(title)
      },
    }
  }

  /** What the models say changed (language, rights, profile): all are made again when asked. */
  clear(): void {
    this.made = new WeakMap()
  }
}
