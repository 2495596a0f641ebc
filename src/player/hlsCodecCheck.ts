/**
 * An HLS multivariant playlist whose CODECS do not say what its MPEG-TS segments carry. Shaka
 * builds the media buffers from the CODECS: a master naming a sound the segments do not have
 * left the film waiting for it for ever, and one naming only the picture of segments with sound
 * played the film silent. A template's defaults written by the packager or the CMS do that. Read
 * without its CODECS, the same master plays: Shaka then reads the codecs from the segments.
 *
 * The check costs no request: the first picture or sound segment is read as Shaka fetches it. Its
 * cost is time: the load waits for that segment (which the first frame needs anyway), only for a
 * master with muxed sound (no separate audio rendition), a CODECS, and variants in clear TS; a
 * first segment that is not clear TS (packed audio, AES-128) ends the wait unchecked.
 */

import { PICTURE_CODEC } from './mp4Codecs'

/** Whether a stream carries a picture and a sound. */
export interface CarriedMedia {
  audio: boolean
  video: boolean
}

/** What a TS segment's program map names: Shaka's TsParser.getCodecs(). */
export interface TsCodecs {
  audio: string | null
  video: string | null
}

const STREAM_INF = /^#EXT-X-STREAM-INF:(.*)$/
/** CODECS, not SUPPLEMENTAL-CODECS: an attribute starts the list or follows a comma. */
const CODECS_ATTRIBUTE = /(^|,)CODECS="([^"]*)"/
const AUDIO_CODEC = /^(mp4a|ac-3|ec-3|ac-4|mp3|opus|flac|alac)/i

/**
 * What the variants' CODECS say they carry; null when there is nothing to check: a variant without
 * CODECS, variants that say different things (Shaka may fetch any of them first), or sound from
 * separate renditions (EXT-X-MEDIA TYPE=AUDIO with a URI), read apart from the film.
 */
export function declaredMedia(master: string): CarriedMedia | null {
  const lines = master.split(/\r?\n/)
  if (
    lines.some(
      (line) => /^#EXT-X-MEDIA:/.test(line) && /TYPE=AUDIO/.test(line) && /URI=/.test(line),
    )
  )
    return null
  let declared: CarriedMedia | null = null
  for (const line of lines) {
    const inf = STREAM_INF.exec(line)
    if (!inf) continue
    const codecs = CODECS_ATTRIBUTE.exec(inf[1]!)?.[2]
    if (!codecs?.trim()) return null
    const names = codecs.split(',').map((name) => name.trim())
    const variant = {
      audio: names.some((name) => AUDIO_CODEC.test(name)),
      video: names.some((name) => PICTURE_CODEC.test(name)),
    }
    if (declared && (declared.audio !== variant.audio || declared.video !== variant.video))
      return null
    declared = variant
  }
  return declared
}

/**
 * A media playlist of clear segments without an initialisation segment (EXT-X-MAP): TS (or packed
 * audio, told apart by its bytes), not fMP4. Shaka decrypts AES-128 segments after the response
 * filters, so encrypted ones cannot be read here.
 */
export function inTsSegments(playlist: string): boolean {
  if (/^#EXT-X-KEY:(?!.*METHOD=NONE)/m.test(playlist)) return false
  return /#EXTINF/.test(playlist) && !/#EXT-X-MAP/.test(playlist)
}

/** The master with no CODECS on its variants, as a bare export would be. */
export function withoutCodecs(master: string): string {
  return master
    .split(/\r?\n/)
    .map((line) => {
      const inf = STREAM_INF.exec(line)
      if (!inf) return line
      const attributes = inf[1]!.replace(CODECS_ATTRIBUTE, '').replace(/^,/, '')
      return `#EXT-X-STREAM-INF:${attributes}`
    })
    .join('\n')
}

/** Whether the segment carries another set of media than the CODECS said. */
export function misdeclared(declared: CarriedMedia, found: TsCodecs): boolean {
  return declared.audio !== (found.audio !== null) || declared.video !== (found.video !== null)
}

/** How long a load waits for its first segment before playing on unchecked. */
export const FIRST_SEGMENT_WAIT_MS = 4000

/** One load's check; `readTs` reads a TS segment's codecs (null: not TS). */
export class HlsCodecCheck {
  private declared: CarriedMedia | null = null
  /** The title's picture and sound come in TS segments, which Shaka will fetch. */
  private tsSegments = false
  private found: TsCodecs | null = null
  private arrived?: () => void
  /** This title's CODECS were found wrong: its master is read without them from now on. */
  private distrusted = false

  constructor(private readonly readTs: (bytes: Uint8Array) => TsCodecs | null) {}

  /** A new title: nothing known of its streams; a load still waiting stops waiting. */
  reset(): void {
    this.arrived?.()
    this.declared = null
    this.tsSegments = false
    this.found = null
    this.distrusted = false
  }

  /**
   * A playlist Shaka read: the master without its CODECS once they were found wrong, else null.
   * `role`: the multivariant playlist, a variant's media playlist, or another (subtitles).
   */
  playlist(text: string, role: 'master' | 'variant' | 'other'): string | null {
    if (role === 'master') {
      if (this.distrusted) return withoutCodecs(text)
      this.declared ??= declaredMedia(text)
      return null
    }
    if (role === 'variant' && this.declared && !this.distrusted && inTsSegments(text))
      this.tsSegments = true
    return null
  }

  /**
   * A picture or sound segment Shaka fetched (subtitles are not given): the first one is read for
   * the codecs it carries (a live stream's is the one at its live edge). One that is not TS ends
   * the check unchecked.
   */
  segment(bytes: Uint8Array): void {
    if (this.found || !this.tsSegments) return
    // The program map comes first: a few hundred packets are enough.
    const codecs = this.readTs(bytes.subarray(0, 188 * 512))
    if (!codecs) this.tsSegments = false
    // A TS segment whose program map was not read tells nothing: the next one may.
    else if (codecs.audio === null && codecs.video === null) return
    else this.found = codecs
    this.arrived?.()
  }

  /**
   * After a load: whether the master's CODECS misled it, known when its first TS segment arrives
   * (at most `waitMs` later). When they did, the next load reads the master without them.
   */
  async misled(waitMs = FIRST_SEGMENT_WAIT_MS): Promise<boolean> {
    if (this.distrusted || !this.declared || !this.tsSegments) return false
    if (!this.found) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs)
        this.arrived = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.arrived = undefined
    }
    if (!this.found || !misdeclared(this.declared, this.found)) return false
    this.distrusted = true
    return true
  }
}
