import type { LeftOutPart, SkipReason } from './errors'
import {
  creditsOf,
  genresOf,
  MAX_MP4_FALLBACKS,
  progressiveFiles,
  subtitleLeftOut,
} from './feedFields'
import { categoryTerms } from './mrssCategories'
import type { MrssChannel } from './mrssLive'
import { hashId } from './stableHash'
import type { Genre, Language } from './schema'
import {
  clip,
  instant,
  languageCode,
  num,
  slug,
  SLUG_MAX,
  slugWords,
  subtitleFormat,
  text,
  timecode,
  videoKind,
  type VideoKind,
} from './tolerant'

/**
 * One MRSS `<item>` (RSS 2.0 + Media RSS, as Roku's MRSS feed specification uses it) mapped onto
 * the app's title input. Every item is a film, but one whose only video is live (a channel). Read tolerantly: media elements inside or outside
 * `<media:group>`, `<enclosure>` for `<media:content>`, numbers and durations as strings, HTML in
 * descriptions, prefixes bound to a misspelt namespace URI. The result still passes the app's
 * schema (parse.ts); what mapping alone can tell is wrong (no guid, no playable video) comes back
 * as a reason.
 */

export interface MrssContext {
  /** The language the channel's text is written in. */
  language: Language
  /** Audio language when a video does not say (the channel's language). */
  audio: string
  brand: { id: string; name: string; kind: 'distributor' }
  /** Parses HTML found in descriptions (the same DOMParser as the feed). */
  parser: DOMParser
  /** The boxes' country, lower case (catalogue.country); empty: restrictions are not applied. */
  country?: string
  /**
   * The items mapped before this one, by id, each with its `likeness`: one without a guid must
   * not take another's id, unless it is that item again.
   */
  taken?: ReadonlyMap<string, string>
  /**
   * The channel's own `media:rating`s, read once for the feed: the channel's children are its
   * items, and reading them again for each item made a 2,000-item feed take seconds.
   */
  channelRatings?: Element[]
}

export interface MappedMrssItem {
  /** The feed's own id (the guid), or `#<position>` without one: what problems name. */
  feedId: string
  raw?: Record<string, unknown>
  /** An item whose only video is live (`expression="nonstop"`): a channel, not a title. */
  channel?: MrssChannel
  /** What the item is (its video and title): the same item listed twice is alike. */
  likeness?: string
  skip?: { reason: SkipReason; message: string }
  /** Parts of the title not shown (subtitle files the player cannot use, credits' roles). */
  leftOut?: LeftOutPart[]
}

type Namespace = 'rss' | 'media' | 'dcterms' | 'dc' | 'itunes'

/**
 * The vocabulary an element belongs to. Real exports bind `media:` to a URI without the final
 * slash, with https, or (repaired in mrss.ts) to nothing at all: the prefix is trusted as much as
 * the URI.
 */
const MRSS_URI = /search\.yahoo\.com\/mrss/i

function namespaceOf(element: Element): Namespace | 'rss+media' | undefined {
  const uri = element.namespaceURI ?? ''
  // A feed that makes Media RSS its default namespace puts RSS's own elements in it too: an
  // unprefixed element there is read as both (their shared names, title and description, agree).
  if (!element.prefix && MRSS_URI.test(uri)) return 'rss+media'
  if (element.prefix === 'media' || MRSS_URI.test(uri)) return 'media'
  if (element.prefix === 'dcterms' || /purl\.org\/dc\/terms/i.test(uri)) return 'dcterms'
  if (element.prefix === 'dc' || /purl\.org\/dc\/elements/i.test(uri)) return 'dc'
  if (element.prefix === 'itunes' || /itunes\.com\/dtds/i.test(uri)) return 'itunes'
  if (!element.prefix) return 'rss'
  return undefined
}

/** Direct children in a vocabulary with a local name (compared case-insensitively: subTitle). */
export function childrenOf(parent: Element, namespace: Namespace, name: string): Element[] {
  const wanted = name.toLowerCase()
  return Array.from(parent.children).filter((child) => {
    if (child.localName.toLowerCase() !== wanted) return false
    const found = namespaceOf(child)
    return (
      found === namespace ||
      (found === 'rss+media' && (namespace === 'rss' || namespace === 'media'))
    )
  })
}

export const childText = (parent: Element, namespace: Namespace, name: string) =>
  childrenOf(parent, namespace, name)
    .map((child) => text(child.textContent))
    .find(Boolean)

/** An attribute under any of its spellings, trimmed; empty is absent. */
const attr = (element: Element, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = text(element.getAttribute(name))
    if (value) return value
  }
  return undefined
}

/** A parsed HTML fragment's text, without what a page would run or style rather than show. */
function bodyText(doc: Document): string {
  const body = doc.body
  if (!body) return ''
  for (const hidden of Array.from(body.querySelectorAll('script, style, template, noscript')))
    hidden.parentNode?.removeChild(hidden)
  return body.textContent ?? ''
}

/** Plain text of a description that may be HTML (escaped or in CDATA), whitespace collapsed. */
function plainText(value: string | undefined, parser: DOMParser): string | undefined {
  if (!value) return undefined
  // A line break or a new paragraph is a space in one line of text, not nothing: "meer.Tweede".
  const spaced = value.replace(/<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|blockquote)\b/gi, ' $&')
  const plain = /[<&]/.test(value) ? bodyText(parser.parseFromString(spaced, 'text/html')) : value
  return text(plain.replace(/\s+/g, ' '))
}

interface Video {
  url: string
  kind: VideoKind
  element: Element
  rank: number
  /** `expression="sample"`: a trailer or a clip of the item, not the item itself. */
  sample: boolean
  /** `expression="nonstop"`: a live stream, which has no end to play to. */
  nonstop: boolean
}

/**
 * Every video of an item: `media:content` at the item level and in its groups, and enclosures.
 * Anything declared as another medium (image, audio) or of a type the app cannot tell is left out,
 * and so are samples when the item has its full version.
 */
function videosOf(item: Element, groups: Element[]): { videos: Video[]; images: string[] } {
  const candidates = [
    ...childrenOf(item, 'media', 'content'),
    ...groups.flatMap((group) => childrenOf(group, 'media', 'content')),
    ...childrenOf(item, 'rss', 'enclosure'),
  ]
  const videos: Video[] = []
  const images: string[] = []
  for (const element of candidates) {
    const url = attr(element, 'url', 'href')
    if (!url) continue
    const medium = attr(element, 'medium')?.toLowerCase()
    const type = attr(element, 'type')
    if (medium === 'image' || /^image\//i.test(type ?? '')) {
      images.push(url)
      continue
    }
    if (medium && medium !== 'video') continue
    const kind = videoKind(type, url)
    if (!kind) continue
    // A progressive file cannot adapt: the default one, else the best one, is what plays. Taller
    // than Full HD comes after any other (usually HEVC, which many boxes cannot decode, and four
    // times the bits): as Direct Publisher's UHD files are (directPublisherItem.ts).
    const isDefault = attr(element, 'isDefault')?.toLowerCase() === 'true'
    const height = num(attr(element, 'height')) ?? 0
    const rank =
      (isDefault ? 1e9 : 0) +
      (kind === 'mp4' && height > 1080 ? 0 : 1e6) +
      (num(attr(element, 'bitrate')) ?? 0) +
      height
    const expression = attr(element, 'expression')?.toLowerCase()
    videos.push({
      url,
      kind,
      element,
      rank,
      sample: expression === 'sample',
      nonstop: expression === 'nonstop',
    })
  }
  // Media RSS lists a trailer beside the film in one group, told apart only by its expression:
  // it must not be what Play starts, nor give the item its two-minute duration. An item with
  // nothing but a sample still shows it rather than nothing.
  const full = videos.filter((video) => !video.sample)
  return { videos: full.length ? full : videos, images }
}

function best(videos: Video[], kind: VideoKind): Video | undefined {
  return videos
    .filter((video) => video.kind === kind)
    .reduce<Video | undefined>(
      (top, video) => (!top || video.rank > top.rank ? video : top),
      undefined,
    )
}

/** MRSS schemes, by the names ratings.ts knows; `urn:simple` stays as it is (ageOf reads it). */
const SCHEMES: Record<string, string> = { 'urn:mpaa': 'MPAA', 'urn:v-chip': 'US_TV' }

function ratingsOf(elements: Element[]): { system: string; value: string }[] {
  return elements
    .flatMap((element) => {
      const value = text(element.textContent)
      // Media RSS: "If this attribute is not included, the default scheme is urn:simple".
      const scheme = attr(element, 'scheme') ?? 'urn:simple'
      const system = SCHEMES[scheme.toLowerCase()] ?? scheme
      return value ? [{ system: clip(system, 40), value: clip(value, 40) }] : []
    })
    .slice(0, 12)
}

/** `start=...; end=...; scheme=W3C-DTF` (DCMI Period) as an availability window. */
function windowOf(valid: string | undefined): { availableFrom?: string; availableUntil?: string } {
  const parts = new Map<string, string>()
  for (const part of (valid ?? '').split(';')) {
    const [key, ...value] = part.split('=')
    if (key && value.length) parts.set(key.trim().toLowerCase(), value.join('=').trim())
  }
  const from = instant(parts.get('start'))
  const until = instant(parts.get('end'))
  return { ...(from ? { availableFrom: from } : {}), ...(until ? { availableUntil: until } : {}) }
}

/** Whether an element says something: text, or a URL (`media:thumbnail url`). */
const filled = (element: Element): boolean =>
  Boolean(text(element.textContent) ?? attr(element, 'url', 'href'))

/**
 * The elements named `name` of the nearest level (content, groups, item) that has any that says
 * something; the levels after it not read. An empty one (`<media:thumbnail url=""/>`, an empty
 * `<media:description/>`), which templates write when the CMS field is blank, is absent: it must
 * not hide the item's own.
 */
function firstLevel(levels: Element[], name: string): Element[] {
  for (const level of levels) {
    const found = childrenOf(level, 'media', name).filter(filled)
    if (found.length) return found
  }
  return []
}

/**
 * Why the item may not be shown in `country`, from the nearest level's `media:restriction
 * type="country"` (Media RSS: `relationship` allow or deny, a space-separated list of ISO 3166
 * codes, or "all" / "none"); undefined when it may.
 */
export function countryRestriction(levels: Element[], country: string): string | undefined {
  if (!country) return undefined
  const restrictions = levels
    .map((level) =>
      childrenOf(level, 'media', 'restriction').filter(
        (r) => (r.getAttribute('type') ?? '').trim().toLowerCase() === 'country',
      ),
    )
    .find((found) => found.length)
  for (const restriction of restrictions ?? []) {
    const deny = (restriction.getAttribute('relationship') ?? '').trim().toLowerCase() === 'deny'
    const codes = (restriction.textContent ?? '')
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
    const listed = codes.includes('all') || codes.includes(country)
    const allowed = deny ? codes.includes('none') || !listed : listed && !codes.includes('none')
    if (!allowed) return `media:restriction: ${deny ? 'denies' : 'allows only'} ${codes.join(' ')}`
  }
  return undefined
}

const allLevels = (levels: Element[], name: string): Element[] =>
  levels.flatMap((level) => childrenOf(level, 'media', name))

/** The widest thumbnail (feeds list several sizes), or the first when none says its width. */
const widest = (thumbnails: Element[]): string | undefined =>
  thumbnails
    .map((element) => ({ url: attr(element, 'url'), width: num(attr(element, 'width')) ?? 0 }))
    .filter((thumbnail) => thumbnail.url)
    .reduce<{ url?: string; width: number } | undefined>(
      (top, thumbnail) => (!top || thumbnail.width > top.width ? thumbnail : top),
      undefined,
    )?.url

function genreFields(categories: string[], keywords: string[]) {
  const fromCategories = genresOf(categories)
  // Keywords are free tags: only those naming a genre the app knows are worth keeping.
  const genres = new Set<Genre>([...fromCategories.genres, ...genresOf(keywords).genres])
  return {
    genres: [...genres].slice(0, 15),
    ...(fromCategories.genreLabels.length ? { genreLabels: fromCategories.genreLabels } : {}),
  }
}

/**
 * An id for an item without a guid, from its link or video URL: the URL's last readable words
 * and a hash of the whole, so two long URLs that differ only at the end stay two titles, and the
 * same item keeps its id (saved position, my list) from one load to the next.
 */
export function idFromUrl(url: string): string {
  // Cut where slugs were cut before they kept a hash: ids made so stay those saved positions use.
  const words = slugWords(url.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\.[a-z0-9]+$/i, '')).slice(
    0,
    SLUG_MAX,
  )
  return `${words.slice(-60).replace(/^-+/, '')}-${hashId(url).toString(36)}`.replace(/^-+/, '')
}

/**
 * A guid-less item's id: from its link, as before, unless another item has it. Exports often
 * give every item the show's page as its link; the video and the title then tell them apart,
 * steadily from one load to the next. The same item listed twice keeps one id (a duplicate).
 */
function guidlessId(
  source: string,
  likeness: string,
  taken: ReadonlyMap<string, string> = new Map(),
): string {
  const id = idFromUrl(source)
  const holder = taken.get(id)
  return holder === undefined || holder === likeness ? id : idFromUrl(`${source} ${likeness}`)
}

/**
 * The year of a date as the feed wrote it: "1 Jan 1995 00:30 +0100" is 1995, although it is still
 * 1994 in UTC. Falls back to the UTC year for a form without a four-digit year.
 */
function yearAsWritten(written: string): number | undefined {
  // Epoch time, as some exports write pubDate: seconds, or milliseconds (13 digits).
  const epoch = /^\s*(\d{9,13})\s*$/.exec(written)?.[1]
  if (epoch) return new Date(Number(epoch) * (epoch.length > 11 ? 1 : 1000)).getUTCFullYear()
  const found = /(?:^|[^\d+-])(\d{4})(?!\d)/.exec(written)
  if (found) return Number(found[1])
  const utc = instant(written)
  return utc ? Number(utc.slice(0, 4)) : undefined
}

/** The item's media and RSS categories, as categoryTerms reads them. */
const categoryInputs = (levels: Element[], item: Element) => [
  ...allLevels(levels, 'category').map((element) => ({
    text: text(element.textContent),
    label: text(attr(element, 'label')),
    scheme: attr(element, 'scheme'),
  })),
  ...childrenOf(item, 'rss', 'category').map((element) => ({ text: text(element.textContent) })),
]

/** The first sentence of a description, or its first words, as a title. */
function headline(synopsis: string): string {
  const sentence = /^(.{8,}?[.!?])(\s|$)/.exec(synopsis)?.[1] ?? synopsis
  return clip(sentence, 80)
}

/** Maps one `<item>`; `position` names it in problems when it has no guid. */
export function mapMrssItem(
  item: Element,
  position: number,
  context: MrssContext,
  channel: Element,
): MappedMrssItem {
  const guid = childText(item, 'rss', 'guid')
  const groups = childrenOf(item, 'media', 'group')
  const found = videosOf(item, groups)
  // A nonstop video is live: it cannot be offered as a film (no duration, no end, no resume). An
  // item with nothing else is a channel; beside an on-demand version it is left out.
  const onDemand = found.videos.filter((video) => !video.nonstop)
  const live = !onDemand.length && found.videos.length > 0
  const videos = live ? found.videos : onDemand
  const images = found.images
  const hls = best(videos, 'hls')
  const dash = best(videos, 'dash')
  const mp4 = best(videos, 'mp4')
  // The other files in turn, should the best one not play (a codec the box does not decode).
  const mp4Fallbacks = progressiveFiles(
    videos.filter((video) => video.kind === 'mp4' && video !== mp4),
  ).slice(0, MAX_MP4_FALLBACKS)
  const main = hls ?? dash ?? mp4
  // Media RSS: an element on a media:content applies to it, then its group, then the item.
  const levels = [...(main ? [main.element] : []), ...groups, item]
  // Roku's MRSS puts an item's title, description, thumbnail and rating inside its media:content.
  // When the one that plays (HLS) is bare and they sit in another (the MP4 file), they still
  // describe this item: read after every level of the main video, never before.
  const described = [
    ...levels,
    ...videos.filter((video) => video !== main).map((video) => video.element),
  ]
  const { language, parser } = context

  const mediaTitle = firstLevel(described, 'title')[0]
  // Podcast-style exports (an enclosure) describe an episode with itunes:summary only.
  const description =
    text(firstLevel(described, 'description')[0]?.textContent) ??
    childText(item, 'rss', 'description') ??
    childText(item, 'itunes', 'summary') ??
    childText(item, 'itunes', 'subtitle')
  const ownTitle = plainText(
    text(mediaTitle?.textContent) ?? childText(item, 'rss', 'title'),
    parser,
  )
  const synopsis = plainText(description, parser) ?? ownTitle
  // RSS 2.0 asks for a title or a description: an item with only the second is named by it.
  const title = ownTitle ?? (synopsis ? headline(synopsis) : undefined)
  // guid is optional in RSS 2.0: the item's link, else its video, names it as steadily.
  const source = guid ? undefined : (childText(item, 'rss', 'link') ?? main?.url)
  const feedId = guid ?? `#${position}`
  const named = title ? ` ("${clip(title, 60)}")` : ''
  if (!guid && !source) {
    return { feedId, skip: { reason: 'missing-field', message: `guid: missing${named}` } }
  }
  const likeness = `${main?.url ?? ''} ${title ?? ''}`
  const id = guid ? slug(guid) : guidlessId(source!, likeness, context.taken)
  if (!id) {
    return {
      feedId,
      skip: {
        reason: 'invalid-field',
        message: `guid: "${clip(guid!, 60)}" has no letter or digit`,
      },
    }
  }
  const restricted = countryRestriction(levels, context.country ?? '')
  if (restricted) {
    return { feedId, skip: { reason: 'not-in-country', message: `${restricted}${named}` } }
  }
  if (!main) {
    const smooth = videos.some((video) => video.kind === 'smooth')
    return {
      feedId,
      skip: {
        reason: 'no-playable-video',
        message: smooth
          ? `media:content: only Smooth Streaming, which the app does not play${named}`
          : `media:content: no HLS, DASH or MP4 video${named}`,
      },
    }
  }

  if (live) {
    return {
      feedId,
      channel: {
        id,
        name: title ?? feedId,
        stream: {
          ...(dash ? { dash: dash.url } : {}),
          ...(hls ? { hls: hls.url } : {}),
          ...(mp4 ? { mp4: mp4.url } : {}),
        },
        logo: widest(firstLevel(described, 'thumbnail')) ?? images[0],
        genres: categoryTerms(categoryInputs(levels, item)).categories,
      },
    }
  }

  // Said plainly: left to the schema, no title reads "expected object, received undefined".
  if (!title) {
    return {
      feedId,
      skip: { reason: 'missing-field', message: 'title: no media:title, title or description' },
    }
  }

  // Exports that leave out pubDate often date the item in Dublin Core instead.
  const dated = [
    childText(item, 'rss', 'pubDate'),
    childText(item, 'dc', 'date'),
    childText(item, 'dcterms', 'date'),
  ].find((written) => written && (instant(written) || yearAsWritten(written)))
  const year = dated ? yearAsWritten(dated) : undefined
  // Podcast-style exports (an enclosure) give the length only as itunes:duration.
  const seconds = [
    timecode(attr(main.element, 'duration')),
    ...videos.map((video) => timecode(attr(video.element, 'duration'))),
    timecode(childText(item, 'itunes', 'duration')),
  ].find((value) => value)
  const minutes = seconds ? Math.min(600, Math.max(1, Math.round(seconds / 60))) : undefined
  const audio = languageCode(attr(main.element, 'lang', 'language')) ?? context.audio

  const leftOut: LeftOutPart[] = []
  const subtitles = allLevels(levels, 'subTitle')
    .flatMap((element) => {
      const url = attr(element, 'href', 'url')
      if (!url) return []
      const written = { type: attr(element, 'type'), language: attr(element, 'lang', 'language') }
      const lang = languageCode(written.language)
      const format = subtitleFormat(written.type, url)
      if (!lang || !format) {
        const left = subtitleLeftOut(url, format, lang, written)
        if (left && !leftOut.some((part) => part.detail === left.detail)) leftOut.push(left)
        return []
      }
      return [{ url, language: lang, format }]
    })
    .filter((subtitle, index, all) => all.findIndex((s) => s.url === subtitle.url) === index)
    .slice(0, 20)

  const own = firstLevel(described, 'rating')
  const ratings = ratingsOf(
    own.length ? own : (context.channelRatings ?? childrenOf(channel, 'media', 'rating')),
  )
  const {
    cast,
    crew,
    leftOut: creditsLeftOut,
  } = creditsOf(
    allLevels(levels, 'credit').map((element) => ({
      name: element.textContent,
      role: attr(element, 'role'),
    })),
  )
  leftOut.push(...creditsLeftOut)
  const { categories, keywords: categoryKeywords } = categoryTerms(categoryInputs(levels, item))
  const keywords = [
    ...allLevels(levels, 'keywords').flatMap((element) => (element.textContent ?? '').split(',')),
    ...categoryKeywords,
  ]
  const itunesImage = childrenOf(item, 'itunes', 'image')[0]
  const thumbnail =
    widest(firstLevel(described, 'thumbnail')) ??
    images[0] ??
    (itunesImage ? attr(itunesImage, 'href', 'url') : undefined)
  const valid = [item, ...groups].map((level) => childText(level, 'dcterms', 'valid')).find(Boolean)

  const raw: Record<string, unknown> = {
    id,
    kind: 'film',
    title: title ? { [language]: clip(title, 200) } : undefined,
    originalTitle: title ? clip(title, 200) : undefined,
    synopsis: synopsis ? { [language]: clip(synopsis, 4000) } : undefined,
    ...(year && year >= 1895 && year <= 2100 ? { year } : {}),
    ...genreFields(categories, keywords),
    countries: ['ZZ'],
    cast,
    crew,
    brand: context.brand,
    originalLanguage: audio,
    audioLanguages: [audio],
    subtitleLanguages: [...new Set(subtitles.map((subtitle) => subtitle.language))],
    ...(ratings.length ? { ratings } : {}),
    ...windowOf(valid),
    offers: [{ type: 'free' }],
    // Roku asks for 16:9 thumbnails: a backdrop, which tiles frame as a poster.
    artwork: thumbnail ? { backdrop: thumbnail } : {},
    ...(minutes ? { durationMinutes: minutes } : {}),
    stream: {
      ...(dash ? { dash: dash.url } : {}),
      ...(hls ? { hls: hls.url } : {}),
      // Kept next to a manifest too: the player falls back to it only without one.
      ...(mp4 ? { mp4: mp4.url } : {}),
      ...(mp4Fallbacks.length ? { mp4Fallbacks } : {}),
      ...(subtitles.length ? { subtitles } : {}),
    },
  }
  return { feedId, raw, likeness, ...(leftOut.length ? { leftOut } : {}) }
}
