import { skippedItem, type CatalogueProblem } from './errors'
import { feedEnvelope } from './directPublisherEnvelope'
import { contentOf, streamOf } from './directPublisherItem'
import { liveCategoryOf } from './feedFields'
import { parseLiveChannels, type LiveCategory, type ParsedChannels } from './live'
import { clip, encodeUrlsIn, field, imageUrl, isRecord, list, slug, text } from './tolerant'

const BACKEND = 'directpublisher'

function categoryOf(item: Record<string, unknown>): LiveCategory | undefined {
  return liveCategoryOf(list(item.genres).flatMap((genre) => text(genre)?.split(',') ?? []))
}

/**
 * A Direct Publisher feed's `liveFeeds` as the operator's live channels, numbered in feed order
 * (the specification gives no channel number): Live TV, zapping and the guide then work for a
 * CMS that exports its channels this way. Channels without a playable video are skipped and
 * reported like titles; the others pass the same checks as every backend's channels.
 */
export function mapLiveFeeds(document: unknown, base: string): ParsedChannels {
  const feeds = list(feedEnvelope(document)?.liveFeeds)
  const problems: CatalogueProblem[] = []
  const channels: Record<string, unknown>[] = []
  feeds.forEach((item, position) => {
    const name = `liveFeeds #${position}`
    if (!isRecord(item)) {
      problems.push(skippedItem(BACKEND, name, 'not-an-item', 'live feed: not an object'))
      return
    }
    const feedId = text(item.id)
    const { stream, skip } = streamOf(contentOf(item))
    if (!stream) {
      const why = skip ?? { reason: 'no-playable-video' as const, message: 'content.videos: none' }
      problems.push(skippedItem(BACKEND, feedId ?? name, why.reason, why.message))
      return
    }
    // A live feed's captions are its stream's own: sidecar files mean nothing on a live edge.
    const playable = { ...stream }
    delete playable.subtitles
    const logo = imageUrl(field(item, 'brandedThumbnail', 'thumbnail'))
    const category = categoryOf(item)
    channels.push({
      id: slug(feedId ?? '') || `live-${position + 1}`,
      number: channels.length + 1,
      name: clip(text(item.title) ?? feedId ?? `Live ${position + 1}`, 80),
      stream: playable,
      ...(logo ? { logo } : {}),
      ...(category ? { category } : {}),
    })
  })
  const parsed = parseLiveChannels(
    { version: 1, channels: encodeUrlsIn(channels) },
    BACKEND,
    base,
    base,
  )
  return { channels: parsed.channels, problems: [...problems, ...parsed.problems] }
}
