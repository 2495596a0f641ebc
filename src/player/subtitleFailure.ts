/** shaka.net.NetworkingEngine.RequestType.SEGMENT */
const SEGMENT_REQUEST = 1
/** shaka.util.Error.Category: a network failure carries its URI first; TEXT is a subtitle parse. */
const NETWORK_CATEGORY = 1
const TEXT_CATEGORY = 2
/** Enough for a few subtitle files and segments; older ones are long past. */
const REMEMBERED = 64

type ShakaErrorLike = { category?: number; data?: unknown[] }

/**
 * Tells a subtitle file's failure from the film's. A subtitle set listed in a manifest whose file
 * is missing (a 404 on the .vtt) or unreadable fails the same way a video segment does, and Shaka
 * reports it alike: as the film's error it ended the title, or was ridden out as a network problem
 * while the menu showed the subtitles chosen and Shaka asked for the file again every few seconds.
 * Shaka marks each segment request with its content type, so the URIs of subtitle requests are
 * remembered here and a network failure of one of them, or any text parse failure, is the
 * subtitles'.
 */
export class SubtitleRequests {
  private readonly uris: string[] = []

  /** Called from the networking engine's request filter for every request. */
  note(type: number, request: { contentType?: string; uris?: readonly string[] }): void {
    if (type !== SEGMENT_REQUEST || request.contentType !== 'text') return
    for (const uri of request.uris ?? []) {
      if (this.uris.includes(uri)) continue
      this.uris.push(uri)
      if (this.uris.length > REMEMBERED) this.uris.shift()
    }
  }

  failed(error: ShakaErrorLike): boolean {
    if (error.category === TEXT_CATEGORY) return true
    const uri = error.data?.[0]
    return error.category === NETWORK_CATEGORY && typeof uri === 'string' && this.uris.includes(uri)
  }

  clear(): void {
    this.uris.length = 0
  }
}
