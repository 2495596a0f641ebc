import { childElements as children } from '../xml/childElements'
import { channelsOfInitSegment } from './mp4Channels'
import { isAudio } from './mpdAudioSets'
import { initRequest, PROBE_BUDGET_MS, type InitFetcher, type InitRequest } from './mpdCodecs'

/**
 * AudioChannelConfiguration is optional in ISO/IEC 23009-1, and exports leave it out. Shaka then
 * gives every audio set no channel count, so a stereo and a 5.1 mix of one language are one track
 * to it and the 5.1 cannot be chosen (the codec, ec-3 or mp4a, says nothing of the layout). Where
 * a Period has two or more audio sets, each Representation that states no layout has its count
 * read from its initialisation segment's decoder configuration (mp4Channels.ts) and written in,
 * before Shaka parses the manifest. A lone audio set is left alone: there is nothing to tell apart,
 * and the film starts without waiting for a probe.
 */

/** The scheme whose value is the number of channels (ISO/IEC 23003-3). */
export const CHANNEL_COUNT_SCHEME = 'urn:mpeg:dash:23003:3:audio_channel_configuration:2011'

/** An audio Representation that states no channel layout, and where to read it. */
export interface ChannelGap {
  representation: Element
  init: InitRequest
}

const LAYOUT = 'AudioChannelConfiguration'

const statesLayout = (el: Element): boolean => children(el, LAYOUT).length > 0

/**
 * A quick look at the text: two or more Adaptation Sets and fewer layouts than sets besides the
 * picture's, so the common manifest (and each live refresh) is not parsed again.
 */
export function mayLackChannels(xml: string): boolean {
  const sets = xml.match(/<(?:[\w-]+:)?AdaptationSet\b/g)?.length ?? 0
  const layouts = xml.match(/<(?:[\w-]+:)?AudioChannelConfiguration\b/g)?.length ?? 0
  return sets >= 2 && layouts < sets - 1
}

/** Audio Representations without a layout, in each Period with two or more audio sets. */
export function channelGaps(doc: Document, manifestUrl: string): ChannelGap[] {
  const mpd = doc.documentElement
  if (!mpd || mpd.localName !== 'MPD') return []
  const gaps: ChannelGap[] = []
  for (const period of children(mpd, 'Period')) {
    const sets = children(period, 'AdaptationSet').filter(isAudio)
    if (sets.length < 2) continue
    for (const set of sets) {
      if (statesLayout(set)) continue
      for (const representation of children(set, 'Representation')) {
        if (statesLayout(representation)) continue
        const init = initRequest([mpd, period, set, representation], manifestUrl)
        if (init) gaps.push({ representation, init })
      }
    }
  }
  return gaps
}

export interface ChannelFillOptions {
  parse: (xml: string) => Document
  serialize: (doc: Document) => string
  fetchInit: InitFetcher
  /** Counts already read (null: unreadable), by init URL and range: live manifests refresh. */
  cache?: Map<string, number | null>
  /** The longest the manifest waits for its probes (ms): past it, the rest stay unstated. */
  budgetMs?: number
}

/**
 * The manifest with the channel counts it left out written in, or null when there is none to
 * write (one audio set, every layout stated, or nothing readable): Shaka then gets it unchanged.
 */
export async function fillMissingChannels(
  xml: string,
  manifestUrl: string,
  options: ChannelFillOptions,
): Promise<string | null> {
  if (!mayLackChannels(xml)) return null
  const doc = options.parse(xml)
  if (doc.getElementsByTagName('parsererror').length) return null
  const gaps = channelGaps(doc, manifestUrl)
  if (!gaps.length) return null
  const reads = new Map<string, Promise<number | null>>()
  let written = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const outOfTime = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.budgetMs ?? PROBE_BUDGET_MS)
  })
  let late = false
  const probes = Promise.all(
    gaps.map(async ({ representation, init }) => {
      const key = `${init.url}#${init.range?.join('-') ?? ''}`
      if (!reads.has(key)) reads.set(key, readChannels(key, init, options))
      const channels = await reads.get(key)!
      // Past the budget the document has been serialised: a late count would be lost anyway.
      if (late || !channels) return
      const name = representation.prefix ? `${representation.prefix}:${LAYOUT}` : LAYOUT
      const layout = doc.createElementNS(representation.namespaceURI, name)
      layout.setAttribute('schemeIdUri', CHANNEL_COUNT_SCHEME)
      layout.setAttribute('value', String(channels))
      representation.insertBefore(layout, representation.firstChild)
      written++
    }),
  )
  await Promise.race([probes, outOfTime])
  late = true
  clearTimeout(timer)
  return written ? options.serialize(doc) : null
}

async function readChannels(
  key: string,
  init: InitRequest,
  options: ChannelFillOptions,
): Promise<number | null> {
  const known = options.cache?.get(key)
  if (known !== undefined) return known
  let channels: number | null = null
  try {
    channels = channelsOfInitSegment(await options.fetchInit(init)) ?? null
  } catch {
    // Unreachable or unreadable: the set stays without a layout, as the manifest wrote it.
  }
  options.cache?.set(key, channels)
  return channels
}
