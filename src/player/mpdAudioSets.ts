import { childElements as children } from '../xml/childElements'

/**
 * A DASH Period may carry several audio Adaptation Sets with neither `@lang` nor a Label (both
 * are optional in ISO/IEC 23009-1): a stereo mix beside a 5.1 one, or a second AAC stream that is
 * another commentary. Shaka tells audio tracks apart only by language, label, role, channel count
 * and codec, so two such sets of the same codec are one track to it, and no call can select the
 * second. Before Shaka reads the manifest, each gets a Label of the app's own making, which
 * carries its place among them; the menu names it from that place ("Audio 2"), never shows it.
 */

const MARK = 'belgica:unnamed-audio:'

/** The Label written for the `n`th unnamed audio set of a Period (from 1). */
export const unnamedAudioLabel = (n: number): string => `${MARK}${n}`

/** The place of an unnamed audio set, from the label the app gave it; undefined for any other. */
export function unnamedAudioNumber(label: string | null | undefined): number | undefined {
  if (!label?.startsWith(MARK)) return undefined
  const n = Number(label.slice(MARK.length))
  return Number.isInteger(n) && n > 0 ? n : undefined
}

const attribute = (el: Element, name: string): string => el.getAttribute(name)?.trim() ?? ''

/** Audio by its content type, or by the MIME type of the set or of its first Representation. */
export function isAudio(set: Element): boolean {
  const contentType = attribute(set, 'contentType')
  if (contentType) return contentType === 'audio'
  const first = children(set, 'Representation')[0]
  const mimeType = attribute(set, 'mimeType') || (first ? attribute(first, 'mimeType') : '')
  return mimeType.startsWith('audio/')
}

const unnamed = (set: Element): boolean =>
  !attribute(set, 'lang') &&
  !attribute(set, 'label') &&
  !children(set, 'Label').some((label) => label.textContent?.trim())

/**
 * A quick look at the text: fewer than two Adaptation Sets without `lang` (the picture's set is
 * one) leaves nothing to name, so the common manifest is not parsed again.
 */
export function mayHaveUnnamedAudio(xml: string): boolean {
  const sets = xml.match(/<(?:[\w-]+:)?AdaptationSet\b[^>]*>/g) ?? []
  return sets.filter((tag) => !/\slang\s*=\s*["'][^"']/.test(tag)).length >= 2
}

/** Labels the unnamed audio sets of each Period that has two or more; returns how many. */
export function labelUnnamedAudioSets(doc: Document): number {
  const mpd = doc.documentElement
  if (!mpd || mpd.localName !== 'MPD') return 0
  let labelled = 0
  for (const period of children(mpd, 'Period')) {
    const sets = children(period, 'AdaptationSet').filter((set) => isAudio(set) && unnamed(set))
    if (sets.length < 2) continue
    sets.forEach((set, index) => {
      const name = set.prefix ? `${set.prefix}:Label` : 'Label'
      const label = doc.createElementNS(set.namespaceURI, name)
      label.textContent = unnamedAudioLabel(index + 1)
      set.insertBefore(label, set.firstChild)
      labelled++
    })
  }
  return labelled
}

/** The manifest with its unnamed audio sets labelled, or null when it has none to label. */
export function labelUnnamedAudio(
  xml: string,
  parse: (xml: string) => Document,
  serialize: (doc: Document) => string,
): string | null {
  if (!mayHaveUnnamedAudio(xml)) return null
  const doc = parse(xml)
  if (doc.getElementsByTagName('parsererror').length) return null
  return labelUnnamedAudioSets(doc) > 0 ? serialize(doc) : null
}
