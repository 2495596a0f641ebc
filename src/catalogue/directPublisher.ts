import type {
  BackendHost,
  CallOptions,
  CatalogueBackend,
  CatalogueLoad,
  RailLayout,
} from './backend'
import {
  CatalogueErrorCode,
  notContractError,
  partsLeftOut,
  skippedItem,
  type CatalogueProblem,
  type LeftOutPart,
} from './errors'
import { mapDirectPublisherItem } from './directPublisherItem'
import { feedEnvelope } from './directPublisherEnvelope'
import { mapLiveFeeds } from './directPublisherLive'
import { textLanguage } from './feedFields'
import { clip, encodeUrlsIn, field, isRecord, languageCode, list, slug, text } from './tolerant'
import { feedBackend } from './feedBackend'
import { fetchJson } from './http'
import { logProblems } from './httpBackend'
import type { ParsedChannels } from './live'
import { parseTitles } from './parse'
import { resolveTitleUrls } from './urls'

/**
 * The Roku Direct Publisher JSON feed, as many video CMSs export it, mapped onto the app's model
 * (docs/catalogue-api/direct-publisher.md lists what maps to what and what is ignored).
 * `appSettings.catalogue.url` is the feed's URL; the whole feed is one document, revalidated with
 * its ETag / Last-Modified. Items are mapped to the app's titles, then pass the same validator as
 * every backend: an item that cannot be mapped (no HLS/DASH video, unknown rating, no genre the
 * app knows...) is skipped and reported, the rest shows. Categories become home rails.
 */

const BACKEND = 'directpublisher'

/** What makes a document a feed; `liveFeeds` become live channels (directPublisherLive.ts). */
const LISTS = ['movies', 'series', 'shortFormVideos', 'tvSpecials', 'liveFeeds'] as const

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname || 'Provider'
  } catch {
    return 'Provider'
  }
}

interface Category {
  name: string
  playlistName?: string
  query?: string
  order?: string
}

/** A category that will show as no rail, for the operator's diagnostics. */
const emptyCategory = (name: string, why: string): CatalogueProblem => ({
  severity: 'recoverable',
  category: 'format',
  code: CatalogueErrorCode.NOT_CONTRACT,
  backend: BACKEND,
  itemId: `category ${name.slice(0, 80)}`,
  message: `category "${name}" shows nothing: ${why}`,
})

/** Category queries are tag expressions: "a AND b", "a OR b" (no parentheses). */
function matchesQuery(query: string, tags: string[]): boolean {
  return query
    .split(/\s+OR\s+/i)
    .some((conjunction) =>
      conjunction.split(/\s+AND\s+/i).every((tag) => tags.includes(tag.trim().toLowerCase())),
    )
}

/** Maps a whole feed: titles (validated), categories as rails, and every skipped item reported. */
export function mapFeed(document: unknown, base: string): CatalogueLoad {
  const feed = feedEnvelope(document)
  if (!feed || !LISTS.some((name) => feed[name] !== undefined)) {
    throw notContractError(BACKEND, `${base} is not a Direct Publisher feed`, {
      path: [],
      message: 'no movies, series, shortFormVideos, tvSpecials or liveFeeds',
    })
  }
  const providerName = text(feed.providerName) ?? hostOf(base)
  const brand = {
    id: slug(providerName) || 'provider',
    name: clip(providerName, 80),
    kind: 'distributor' as const,
  }
  const feedLanguage = languageCode(feed.language)
  const context = {
    language: textLanguage(feedLanguage, 'en'),
    audioFallback: feedLanguage ?? 'und',
    brand,
  }
  const problems: CatalogueProblem[] = []
  const meta = new Map<string, { tags: string[]; released: string; feedId: string }>()
  const raws: unknown[] = []
  const leftOut: { id: string; itemId: string; parts: LeftOutPart[] }[] = []
  const sources: [unknown, 'film' | 'series'][] = [
    [feed.movies, 'film'],
    [feed.shortFormVideos, 'film'],
    [feed.tvSpecials, 'film'],
    [feed.series, 'series'],
  ]
  // An item without an id is named by its place in the feed (movies, shortFormVideos, tvSpecials,
  // then series, from 0), as MRSS names one without a guid: diagnostics would show a blank name.
  let position = -1
  for (const [items, kind] of sources) {
    for (const item of list(items)) {
      position++
      if (!isRecord(item)) {
        problems.push(skippedItem(BACKEND, `#${position}`, 'not-an-item', 'item: not an object'))
        continue
      }
      const mapped = mapDirectPublisherItem(item, kind, context)
      const feedId = text(item.id) ?? ''
      if (mapped.skip) {
        problems.push(
          skippedItem(BACKEND, feedId || `#${position}`, mapped.skip.reason, mapped.skip.message),
        )
        continue
      }
      // The first of two items with one id is the one kept (parseTitles): a later one, skipped,
      // must not give the kept title its tags and date.
      const key = String(mapped.raw.id)
      if (!meta.has(key)) {
        meta.set(key, { tags: mapped.tags, released: mapped.released, feedId })
        if (mapped.leftOut.length) leftOut.push({ id: key, itemId: feedId, parts: mapped.leftOut })
      }
      raws.push(mapped.raw)
    }
  }
  const parsed = parseTitles(encodeUrlsIn(raws), BACKEND)
  problems.push(...parsed.problems)
  const titles = parsed.titles.map((title) => resolveTitleUrls(title, base))
  // Only for the titles shown: a skipped item's parts are not what the operator must look at.
  const shown = new Set(titles.map((title) => title.id))
  problems.push(
    ...partsLeftOut(
      BACKEND,
      leftOut.filter((entry) => shown.has(entry.id)),
    ),
  )

  const byFeedId = new Map<string, string>()
  for (const [id, info] of meta) byFeedId.set(info.feedId, id)
  const playlists = new Map<string, string[]>()
  for (const playlist of list(feed.playlists).filter(isRecord)) {
    const name = text(playlist.name)
    const ids = list(field(playlist, 'itemIds', 'itemId', 'items'))
      .map(text)
      .filter((id): id is string => Boolean(id))
    // Names are matched as item ids are, whatever their case: exports write "Selection" in the
    // category and "selection" in the playlist.
    if (name)
      playlists.set(
        name.toLowerCase(),
        ids.map((id) => byFeedId.get(id) ?? slug(id)),
      )
  }
  const language = context.language
  const layout: RailLayout[] = []
  const titleIds = new Set(titles.map((title) => title.id))
  const categories = list(feed.categories).filter(isRecord) as Partial<Category>[]
  categories.forEach((category, position) => {
    const name = text(category.name)
    if (!name) return
    let ids: string[]
    const playlistName = text(category.playlistName)
    const query = text(category.query)
    if (playlistName) ids = playlists.get(playlistName.toLowerCase()) ?? []
    else if (query) {
      ids = titles
        .filter((title) => matchesQuery(query, meta.get(title.id)?.tags ?? []))
        .map((title) => title.id)
    } else ids = []
    const order = text(category.order)?.toLowerCase()
    if (order === 'most_recent' || order === 'chronological') {
      const date = (id: string) => meta.get(id)?.released ?? ''
      const dated = ids.filter((id) => date(id)).sort((a, b) => date(a).localeCompare(date(b)))
      if (order === 'most_recent') dated.reverse()
      // Undated items are neither the newest nor the oldest: after the dated ones either way.
      ids = [...dated, ...ids.filter((id) => !date(id))]
    }
    if (!ids.some((id) => titleIds.has(id))) {
      const why = playlistName
        ? playlists.has(playlistName.toLowerCase())
          ? `its playlist "${playlistName}" lists no title of the feed`
          : `no playlist is named "${playlistName}"`
        : query
          ? `no title is tagged for its query "${query}"`
          : 'it has neither playlistName nor query'
      problems.push(emptyCategory(name, why))
    }
    layout.push({
      id: slug(name) || `category-${position}`,
      name: { [language]: name.slice(0, 200) },
      itemIds: ids,
      next: null,
    })
  })
  return { titles, problems, ...(layout.length ? { layout } : {}) }
}

/**
 * The feed backend, with the feed's `liveFeeds` as live channels. They come with each load
 * (CatalogueLoad.live), so the kept catalogue has them too when the feed answers 304; asked before
 * any load, the feed is loaded for them.
 */
export function directPublisherBackend(host: BackendHost): CatalogueBackend {
  let last: ParsedChannels | undefined
  const feed = feedBackend(host, {
    name: BACKEND,
    fetch: fetchJson,
    map: (body, url) => {
      last = mapLiveFeeds(body, url)
      logProblems(host, BACKEND, last.problems)
      return { ...mapFeed(body, url), live: last }
    },
  })
  return {
    ...feed,
    async liveChannels({ signal }: CallOptions): Promise<ParsedChannels> {
      if (!last) await feed.load({ signal })
      return last ?? { channels: [], problems: [] }
    },
  }
}
