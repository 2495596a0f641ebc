import { codecsOfInitSegment } from './mp4Codecs'

/**
 * A DASH manifest whose Representations leave out `@codecs` is valid (the attribute is optional in
 * ISO/IEC 23009-1; only DASH-IF's guidelines require it), and hand-written or older exports do
 * leave it out. Shaka then asks the engine about "video/mp4; codecs=" and drops every variant as
 * unsupported. Before Shaka parses such a manifest, the player reads each Adaptation Set's codecs
 * from its initialisation segment, as Shaka does for HLS playlists without CODECS, and writes them
 * into the manifest; when the segment cannot be read, the usual codecs of its container are named.
 */

/** Bytes of a stream to read codecs from: the URL, and an inclusive byte range when given. */
export interface InitRequest {
  url: string
  range?: [number, number]
}

/** The Representations of one Adaptation Set that name no codecs, and where to read them. */
export interface CodecGap {
  representations: Element[]
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

/** Direct child elements named `name`, whatever namespace prefix the export uses. */
const children = (parent: Element, name: string): Element[] =>
  Array.from(parent.children).filter((el) => el.localName === name)

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

/** Where the Representation's initialisation bytes are, from the nearest level that says. */
function initRequest(chain: Element[], manifestUrl: string): InitRequest | null {
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

const needsCodecs = (mimeType: string): boolean => /^(video|audio|application)\//.test(mimeType)

/** Every Adaptation Set with Representations that name no codecs, and how to read them. */
export function codecGaps(doc: Document, manifestUrl: string): CodecGap[] {
  const mpd = doc.documentElement
  if (!mpd || mpd.localName !== 'MPD') return []
  const gaps: CodecGap[] = []
  for (const period of children(mpd, 'Period')) {
    for (const set of children(period, 'AdaptationSet')) {
      const missing = children(set, 'Representation').filter(
        (rep) => !attribute(rep, 'codecs') && !attribute(set, 'codecs'),
      )
      const first = missing[0]
      if (!first) continue
      const mimeType = attribute(first, 'mimeType') || attribute(set, 'mimeType')
      if (!needsCodecs(mimeType)) continue
      gaps.push({
        representations: missing,
        mimeType,
        init: initRequest([mpd, period, set, first], manifestUrl),
      })
    }
  }
  return gaps
}

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
}

/**
 * The manifest with the codecs it left out written in, or null when it names them all (or is not
 * a DASH manifest): then Shaka gets the bytes it was sent.
 */
export async function fillMissingCodecs(
  xml: string,
  manifestUrl: string,
  options: CodecFillOptions,
): Promise<string | null> {
  if (namesAllCodecs(xml)) return null
  const doc = options.parse(xml)
  if (doc.getElementsByTagName('parsererror').length) return null
  const gaps = codecGaps(doc, manifestUrl)
  if (!gaps.length) return null
  await Promise.all(
    gaps.map(async (gap) => {
      const codecs = (await readCodecs(gap.init, options)) || USUAL_CODECS[gap.mimeType]
      if (!codecs) return
      for (const rep of gap.representations) rep.setAttribute('codecs', codecs)
    }),
  )
  return options.serialize(doc)
}

async function readCodecs(init: InitRequest | null, options: CodecFillOptions): Promise<string> {
  if (!init) return ''
  const key = `${init.url}#${init.range?.join('-') ?? ''}`
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
