import { childElements as children } from '../xml/childElements'
import { codecsOfInitSegment } from './mp4Codecs'

/**
 * A DASH manifest whose Representations leave out `@codecs` is valid (the attribute is optional in
 * ISO/IEC 23009-1; only DASH-IF's guidelines require it), and hand-written or older exports do
 * leave it out. Shaka then asks the engine about "video/mp4; codecs=" and drops every variant as
 * unsupported. Before Shaka parses such a manifest, the player reads each Representation's codecs
 * from its initialisation segment, as Shaka does for HLS playlists without CODECS, and writes them
 * into the manifest; when the segment cannot be read, the usual codecs of its container are named.
 */

/** Bytes of a stream to read codecs from: the URL, and an inclusive byte range when given. */
export interface InitRequest {
  url: string
  range?: [number, number]
}

/** A Representation that names no codecs, and where to read them. */
export interface CodecGap {
  representation: Element
  mimeType: string
  init: InitRequest | null
}

/** Enough of a file's head for its `moov` when the manifest says nothing of where it ends. */
const HEAD_BYTES = 64 * 1024

/** What a container usually holds, when its own bytes could not be read. */
const USUAL_CODECS: Record<string, string> = {
  'video/mp4': 'avc1.64001f',
  'audio/mp4': 'mp4a.40.2',
  'video/webm': 'vp9',
  'audio/webm': 'opus',
}

const firstChild = (parent: Element, name: string): Element | undefined => children(parent, name)[0]

const attribute = (el: Element | undefined, name: string): string =>
  el?.getAttribute(name)?.trim() ?? ''

function parseRange(text: string): [number, number] | undefined {
  const match = /^(\d+)-(\d+)$/.exec(text.trim())
  return match ? [Number(match[1]), Number(match[2])] : undefined
}

/** $RepresentationID$ and $Bandwidth$ (with an optional %0Nd width) as an init template uses them. */
function substitute(template: string, representation: Element): string {
  return template.replace(
    /\$(RepresentationID|Bandwidth)(?:%0(\d+)d)?\$|\$\$/g,
    (_whole, name?: string, width?: string) => {
      if (!name) return '$'
      const value = attribute(representation, name === 'Bandwidth' ? 'bandwidth' : 'id')
      return width ? value.padStart(Number(width), '0') : value
    },
  )
}

/** The URL a Representation's segments are relative to: every level's first BaseURL, in turn. */
function baseUrl(chain: Element[], manifestUrl: string): string {
  let base = manifestUrl
  for (const level of chain) {
    const text = firstChild(level, 'BaseURL')?.textContent?.trim()
    if (text) base = new URL(text, base).href
  }
  return base
}

/**
 * Where the Representation's initialisation bytes are, from the nearest level that says: `chain`
 * runs from the MPD down to the Representation.
 */
export function initRequest(chain: Element[], manifestUrl: string): InitRequest | null {
  const representation = chain[chain.length - 1]!
  const base = baseUrl(chain, manifestUrl)
  const nearestFirst = [...chain].reverse().slice(0, 3)
  for (const level of nearestFirst) {
    const template = firstChild(level, 'SegmentTemplate')
    const initialization = attribute(template, 'initialization')
    if (initialization)
      return { url: new URL(substitute(initialization, representation), base).href }
    for (const kind of ['SegmentTemplate', 'SegmentList', 'SegmentBase']) {
      const addressing = firstChild(level, kind)
      const init = addressing && firstChild(addressing, 'Initialization')
      if (!init) continue
      const source = attribute(init, 'sourceURL')
      const url = source ? new URL(substitute(source, representation), base).href : base
      const range = parseRange(attribute(init, 'range'))
      return range ? { url, range } : { url }
    }
    const indexRange = parseRange(attribute(firstChild(level, 'SegmentBase'), 'indexRange'))
    if (indexRange && indexRange[0] > 0) return { url: base, range: [0, indexRange[0] - 1] }
  }
  // A template without an initialisation: self-initialising media segments, nothing to read first.
  if (nearestFirst.some((level) => firstChild(level, 'SegmentTemplate'))) return null
  return { url: base, range: [0, HEAD_BYTES - 1] }
}

/**
 * Media in ISO BMFF or WebM, whose codecs Shaka must be told. Subtitles as files of their own
 * (TTML, WebVTT) are not probed: with subtitles off Shaka never fetches them, and a host that
 * hangs on them must not hold the film up.
 */
const needsCodecs = (mimeType: string): boolean =>
  /^(video|audio)\//.test(mimeType) || mimeType === 'application/mp4'

/**
 * Every Representation that names no codecs, and how to read them. Each is read from its own
 * first bytes: one Adaptation Set may mix codecs (H.264 beside AV1) or profiles and levels, and a
 * box that checks levels strictly must not be told the top one for every rung.
 */
export function codecGaps(doc: Document, manifestUrl: string): CodecGap[] {
  const mpd = doc.documentElement
  if (!mpd || mpd.localName !== 'MPD') return []
  const gaps: CodecGap[] = []
  for (const period of children(mpd, 'Period')) {
    for (const set of children(period, 'AdaptationSet')) {
      if (attribute(set, 'codecs')) continue
      for (const representation of children(set, 'Representation')) {
        if (attribute(representation, 'codecs')) continue
        const mimeType = attribute(representation, 'mimeType') || attribute(set, 'mimeType')
        if (!needsCodecs(mimeType)) continue
        const init = initRequest([mpd, period, set, representation], manifestUrl)
        gaps.push({ representation, mimeType, init })
      }
    }
  }
  return gaps
}

/**
 * SegmentBase with an index but no Initialization: Shaka then fetches no initialisation segment
 * at all and the first media bytes cannot be decoded. In an on-demand MP4 the initialisation is
 * everything before the index, so that range is written in.
 */
export function addMissingInitialization(doc: Document): number {
  let added = 0
  for (const base of Array.from(doc.getElementsByTagNameNS('*', 'SegmentBase'))) {
    if (firstChild(base, 'Initialization')) continue
    const index = parseRange(attribute(base, 'indexRange'))
    if (!index || index[0] === 0) continue
    const name = base.prefix ? `${base.prefix}:Initialization` : 'Initialization'
    const init = doc.createElementNS(base.namespaceURI, name)
    init.setAttribute('range', `0-${index[0] - 1}`)
    base.insertBefore(init, base.firstChild)
    added++
  }
  return added
}

/** More SegmentBase elements than Initialization ones: some may lack theirs. */
const mayLackInitialization = (xml: string): boolean =>
  (xml.match(/<(?:[\w-]+:)?SegmentBase\b/g)?.length ?? 0) >
  (xml.match(/<(?:[\w-]+:)?Initialization\b/g)?.length ?? 0)

/**
 * A quick look at the text: true when every Representation or every Adaptation Set names its
 * codecs, as packagers write them, so the common manifest (and each live refresh) is not parsed
 * twice.
 */
export function namesAllCodecs(xml: string): boolean {
  const named = (tag: string): boolean => {
    const tags = xml.match(new RegExp(`<(?:[\\w-]+:)?${tag}\\b[^>]*>`, 'g')) ?? []
    return tags.length > 0 && tags.every((t) => /\scodecs\s*=\s*["'][^"']/.test(t))
  }
  return !/<(?:[\w-]+:)?MPD\b/.test(xml) || named('Representation') || named('AdaptationSet')
}

export type InitFetcher = (request: InitRequest) => Promise<Uint8Array>

export interface CodecFillOptions {
  parse: (xml: string) => Document
  serialize: (doc: Document) => string
  fetchInit: InitFetcher
  /** Codecs already read, by init URL and range: a live manifest refreshes every few seconds. */
  cache?: Map<string, string>
  /**
   * The longest the manifest waits for its probes (ms): past it, what is not read yet is named by
   * its container. A fetch retries for longer than the stall watchdog lets a start wait.
   */
  budgetMs?: number
}

/** How long probes may hold the manifest by default (ms). */
export const PROBE_BUDGET_MS = 4000

/**
 * The manifest with the codecs it left out written in, or null when it names them all (or is not
 * a DASH manifest): then Shaka gets the bytes it was sent.
 */
export async function fillMissingCodecs(
  xml: string,
  manifestUrl: string,
  options: CodecFillOptions,
): Promise<string | null> {
  const lacksCodecs = !namesAllCodecs(xml)
  if (!lacksCodecs && !mayLackInitialization(xml)) return null
  const doc = options.parse(xml)
  if (doc.getElementsByTagName('parsererror').length) return null
  const gaps = lacksCodecs ? codecGaps(doc, manifestUrl) : []
  const inits = addMissingInitialization(doc)
  if (!gaps.length && !inits) return null
  // Representations sharing one initialisation segment ask for it once.
  const reads = new Map<string, Promise<string>>()
  let timer: ReturnType<typeof setTimeout> | undefined
  const outOfTime = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.budgetMs ?? PROBE_BUDGET_MS)
  })
  const probes = Promise.all(
    gaps.map(async (gap) => {
      const key = gap.init && `${gap.init.url}#${gap.init.range?.join('-') ?? ''}`
      if (key && !reads.has(key)) reads.set(key, readCodecs(key, gap.init!, options))
      const codecs = (key ? await reads.get(key) : '') || USUAL_CODECS[gap.mimeType]
      if (codecs) gap.representation.setAttribute('codecs', codecs)
    }),
  )
  await Promise.race([probes, outOfTime])
  clearTimeout(timer)
  for (const gap of gaps) {
    const usual = USUAL_CODECS[gap.mimeType]
    if (!gap.representation.getAttribute('codecs') && usual)
      gap.representation.setAttribute('codecs', usual)
  }
  return options.serialize(doc)
}

async function readCodecs(
  key: string,
  init: InitRequest,
  options: CodecFillOptions,
): Promise<string> {
  const known = options.cache?.get(key)
  if (known !== undefined) return known
  let codecs = ''
  try {
    codecs = codecsOfInitSegment(await options.fetchInit(init)).join(',')
  } catch {
    // Unreachable or unreadable: the container's usual codecs are named instead.
  }
  options.cache?.set(key, codecs)
  return codecs
}
