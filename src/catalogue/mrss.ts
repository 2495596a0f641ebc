import type { BackendHost, CallOptions, CatalogueBackend, CatalogueLoad } from './backend'
import {
  CatalogueError,
  CatalogueErrorCode,
  notContractError,
  partsLeftOut,
  skippedItem,
  type CatalogueProblem,
  type LeftOutPart,
} from './errors'
import { textLanguage } from './feedFields'
import { feedBackend } from './feedBackend'
import { fetchText } from './http'
import { xmlWithBareAmpersands, xmlWithNumericEntities } from './htmlText'
import { childrenOf, childText, mapMrssItem } from './mrssItem'
import { mrssChannels, type MrssChannel } from './mrssLive'
import type { ParsedChannels } from './live'
import { parseTitles } from './parse'
import { clip, encodeUrlsIn, languageCode, slug } from './tolerant'
import { resolveTitleUrls } from './urls'

/**
 * An MRSS feed (RSS 2.0 with Media RSS, as Roku's MRSS feed specification and many video CMSs
 * export it) mapped onto the app's model (docs/catalogue-api/mrss.md lists what maps to what and
 * what is ignored). `appSettings.catalogue.url` is the feed's URL; the whole feed is one document,
 * revalidated with its ETag / Last-Modified. The XML is read by the engine's DOMParser. Every item
 * is a film, except a live one (`expression="nonstop"`), which is a channel; an item that cannot be mapped (no guid, no playable video...) is skipped and
 * reported, the rest shows. The feed has no layout: the app derives its rails.
 */

const BACKEND = 'mrss'

const ACCEPT = 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'

/** Namespaces feeds use without declaring; any other undeclared prefix gets a placeholder. */
const KNOWN_NAMESPACES: Record<string, string> = {
  media: 'http://search.yahoo.com/mrss/',
  dcterms: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
}

/** What comes before the root element: XML declaration, comments, a doctype. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i

/**
 * Declares on the root element the prefixes the document uses without declaring them there (an
 * XML parser refuses `media:content` when nothing binds `media`). This only adds attributes to
 * the root's start tag; the parsing stays the DOMParser's. `undeclared`: those of them declared
 * nowhere in the document, for the operator's log (one declared on the element using it is not).
 */
export function declareMissingPrefixes(source: string): {
  source: string
  added: string[]
  undeclared: string[]
} {
  const rootAt = PROLOG.exec(source)?.[0].length ?? 0
  const root = /^<[A-Za-z_][\w.:-]*/.exec(source.slice(rootAt))
  if (!root) return { source, added: [], undeclared: [] }
  const nameEnd = rootAt + root[0].length
  const startTag = source.slice(rootAt, source.indexOf('>', nameEnd) + 1 || source.length)
  const used = new Set<string>()
  // exec in a loop rather than matchAll: old boxes lack matchAll, and its polyfill costs a start.
  for (const pattern of [
    /<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g,
    /\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*["']/g,
  ]) {
    for (let match = pattern.exec(source); match; match = pattern.exec(source)) used.add(match[1]!)
  }
  const declaration = (prefix: string) =>
    new RegExp(`\\sxmlns:${prefix.replace(/\./g, '\\.')}\\s*=`)
  const added = [...used].filter(
    (prefix) => prefix !== 'xml' && prefix !== 'xmlns' && !declaration(prefix).test(startTag),
  )
  const undeclared = added.filter((prefix) => !declaration(prefix).test(source))
  if (!added.length) return { source, added, undeclared }
  const declarations = added
    .map(
      (prefix) => ` xmlns:${prefix}="${KNOWN_NAMESPACES[prefix] ?? `urn:x-undeclared:${prefix}`}"`,
    )
    .join('')
  return {
    source: source.slice(0, nameEnd) + declarations + source.slice(nameEnd),
    added,
    undeclared,
  }
}

const parseErrorOf = (document: Document): string | undefined => {
  const error = document.getElementsByTagNameNS('*', 'parsererror')[0]
  if (!error) return undefined
  // Chromium wraps the parser's line in headings meant for a page ("This page contains the
  // following errors", "Below is a rendering..."): the operator needs the line alone.
  const detail = error.getElementsByTagName('div')[0] ?? error
  return clip((detail.textContent ?? '').replace(/\s+/g, ' ').trim() || 'invalid', 160)
}

const notXml = (url: string, detail: string) =>
  new CatalogueError({
    severity: 'critical',
    category: 'format',
    code: CatalogueErrorCode.NOT_XML,
    backend: BACKEND,
    message: `${url} is not XML (${detail})`,
  })

/** The feed as a DOM document; repairs undeclared prefixes and says so through `log`. */
export function parseFeedXml(
  text: string,
  url: string,
  parser: DOMParser,
  log: (message: string) => void = () => {},
): Document {
  // A byte order mark or blank lines before `<?xml` are common and make the declaration illegal.
  const source = text.replace(/^[\uFEFF\s]+/, '')
  if (!source.startsWith('<')) throw notXml(url, `starts with "${clip(source.slice(0, 20), 20)}"`)
  // Behind a DOCTYPE naming an external DTD (RSS 0.91's declares the HTML entities), the engine
  // drops an entity it cannot see declared without any error: "Caf crme". They are made
  // characters first, as the DTD would have them.
  if (/<!DOCTYPE/i.test(source)) {
    const declared = xmlWithNumericEntities(source)
    if (declared.replaced.length) {
      log(
        `catalogue[${BACKEND}]: ${url} uses the HTML entities of its DTD (${declared.replaced.join(', ')}); read as the characters they name`,
      )
      return parseFeedXml(declared.source, url, parser, log)
    }
  }
  const first = parser.parseFromString(source, 'application/xml')
  const error = parseErrorOf(first)
  if (!error) return first
  // The repairs real exports need, each kept only if the feed then reads.
  const prefixes = declareMissingPrefixes(source)
  const entities = xmlWithNumericEntities(prefixes.source)
  const ampersands = xmlWithBareAmpersands(entities.source)
  if (prefixes.added.length || entities.replaced.length || ampersands.count) {
    const second = parser.parseFromString(ampersands.source, 'application/xml')
    if (!parseErrorOf(second)) {
      if (prefixes.undeclared.length)
        log(
          `catalogue[${BACKEND}]: ${url} uses undeclared namespace prefixes (${prefixes.undeclared.join(', ')}); read as if declared`,
        )
      if (entities.replaced.length)
        log(
          `catalogue[${BACKEND}]: ${url} uses HTML entities XML does not know (${entities.replaced.join(', ')}); read as the characters they name`,
        )
      if (ampersands.count)
        log(
          `catalogue[${BACKEND}]: ${url} has ${ampersands.count} "&" starting no entity (write "&amp;"); read as the character`,
        )
      return second
    }
  }
  throw notXml(url, error)
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname || 'Provider'
  } catch {
    return 'Provider'
  }
}

const defaultParser = (): DOMParser => {
  if (typeof DOMParser === 'undefined') {
    throw new CatalogueError({
      severity: 'critical',
      category: 'config',
      code: CatalogueErrorCode.NOT_XML,
      backend: BACKEND,
      message: 'this engine has no DOMParser: MRSS feeds cannot be read',
    })
  }
  return new DOMParser()
}

/** Maps a whole feed: titles (validated) and every skipped item reported; no layout. */
export function mapMrssFeed(
  text: string,
  base: string,
  options: { parser?: DOMParser; log?: (message: string) => void; country?: string } = {},
): CatalogueLoad {
  const parser = options.parser ?? defaultParser()
  const document = parseFeedXml(text, base, parser, options.log)
  const root = document.documentElement
  const channel = root && childrenOf(root, 'rss', 'channel')[0]
  if (!root || root.localName.toLowerCase() !== 'rss' || !channel) {
    throw notContractError(BACKEND, `${base} is not an RSS feed`, {
      path: [],
      message:
        root?.localName.toLowerCase() === 'rss'
          ? 'no <channel>'
          : `the root element is <${root?.nodeName ?? '?'}>, not <rss>`,
    })
  }
  const problems: CatalogueProblem[] = []
  const raws: unknown[] = []
  const channels: MrssChannel[] = []
  const taken = new Map<string, string>()
  const leftOut: { id: string; itemId: string; parts: LeftOutPart[] }[] = []
  // Exports joined into one file (a CMS's channels, one after the other) keep every channel's
  // items, each with its own name, language and ratings.
  let position = 0
  for (const each of childrenOf(root, 'rss', 'channel')) {
    const context = channelContext(each, base, parser, options.country)
    for (const item of childrenOf(each, 'rss', 'item')) {
      const mapped = mapMrssItem(item, position++, { ...context, taken }, each)
      if (mapped.raw) {
        raws.push(mapped.raw)
        const id = String(mapped.raw.id)
        if (mapped.leftOut && !taken.has(id))
          leftOut.push({ id, itemId: mapped.feedId, parts: mapped.leftOut })
        taken.set(id, mapped.likeness ?? '')
      } else if (mapped.channel) {
        channels.push(mapped.channel)
      } else if (mapped.skip) {
        problems.push(skippedItem(BACKEND, mapped.feedId, mapped.skip.reason, mapped.skip.message))
      }
    }
  }
  const parsed = parseTitles(encodeUrlsIn(raws), BACKEND)
  problems.push(...parsed.problems)
  // Only for the titles shown: a skipped item's parts are not what the operator must look at.
  const shown = new Set(parsed.titles.map((title) => title.id))
  problems.push(
    ...partsLeftOut(
      BACKEND,
      leftOut.filter((entry) => shown.has(entry.id)),
    ),
  )
  return {
    titles: parsed.titles.map((title) => resolveTitleUrls(title, base)),
    problems,
    live: mrssChannels(channels, BACKEND, base),
  }
}

/** What a `<channel>` gives its items: the provider named, the language, the ratings. */
function channelContext(channel: Element, base: string, parser: DOMParser, country = '') {
  const providerName = childText(channel, 'rss', 'title') ?? hostOf(base)
  const channelLanguage = languageCode(childText(channel, 'rss', 'language'))
  const language = textLanguage(channelLanguage, 'en')
  return {
    language,
    // RSS 2.0's <language> is optional: without it nothing says what is spoken (not English).
    audio: channelLanguage ?? 'und',
    brand: {
      id: slug(providerName) || 'provider',
      name: clip(providerName, 80),
      kind: 'distributor' as const,
    },
    parser,
    country: country.trim().toLowerCase(),
    channelRatings: childrenOf(channel, 'media', 'rating'),
  }
}

/**
 * The feed backend, with the feed's live items as live channels. They come with each load
 * (CatalogueLoad.live), so the kept catalogue has them too when the feed answers 304; asked before
 * any load, the feed is loaded for them.
 */
export function mrssBackend(host: BackendHost): CatalogueBackend {
  let last: ParsedChannels | undefined
  const feed = feedBackend(host, {
    name: BACKEND,
    fetch: (fetchFn, url, options) => fetchText(fetchFn, url, { ...options, accept: ACCEPT }),
    map: (body, url) => {
      const load = mapMrssFeed(body, url, { log: host.log, country: host.settings.country })
      last = load.live
      return load
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
