import type { Platform } from '../platform/platform'
import type { PlaybackEvent } from '../player/playbackEvents'
import type { AdSource, TitleAds } from './plan'
import type { ResolveDeps } from './resolve'
import { ShakaAds } from './ShakaAds'

/**
 * A film's or an episode's ads: its own `ads`, else its Direct Publisher `adBreaks` as breaks. A
 * VMAP without breaks of its own takes the `adBreaks` as the opportunities its "#m" offsets name.
 */
export function adsOfItem(item: {
  ads?: TitleAds | undefined
  adBreaks?: readonly number[] | undefined
}): TitleAds | undefined {
  const adBreaks = item.adBreaks?.length ? item.adBreaks : undefined
  if (item.ads?.vmap && !item.ads.breaks?.length && adBreaks)
    return { ...item.ads, breaks: adBreaks }
  if (item.ads?.vmap || item.ads?.breaks?.length) return item.ads
  return adBreaks ? { breaks: adBreaks } : undefined
}

/** The browser's side of ad resolution: the platform's fetch, DOMParser, beacons without CORS. */
export function browserResolveDeps(platform: Platform, timeoutMs: number): ResolveDeps {
  return {
    fetchText: async (url, signal) => {
      const response = await platform.fetch(url, { signal, credentials: 'omit' })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return response.text()
    },
    parseXml: (text) => new DOMParser().parseFromString(text, 'application/xml'),
    beacon: (url) => {
      platform.fetch(url, { mode: 'no-cors', credentials: 'omit' }).catch(() => undefined)
    },
    now: () => platform.wallClock(),
    timeoutMs,
    baseUrl: document.baseURI,
    codecSupport: elementPlays,
    mediaStatus: async (url) => {
      // Only the status is wanted: the body is not read, and the request stops with the headers.
      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), timeoutMs)
      try {
        const response = await platform.fetch(url, {
          signal: controller.signal,
          credentials: 'omit',
        })
        controller.abort()
        return response.status
      } catch {
        return null
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

/** The ads of one start, reporting into the playback stream. */
export function createTitleAds(
  source: AdSource,
  platform: Platform,
  timeoutMs: number,
  emit: (event: PlaybackEvent) => void,
): ShakaAds {
  return new ShakaAds(source, browserResolveDeps(platform, timeoutMs), {
    emit,
    now: () => platform.now(),
    log: (message) => console.warn(message),
  })
}

/**
 * Whether the box's media element decodes `codec` in `type`: a progressive file is asked of the
 * element itself; DASH and HLS play through Shaka, so MSE is asked, in the fragmented MP4 their
 * segments mostly come in.
 */
function elementPlays(type: string, codec: string): boolean {
  if (!/dash|mpegurl/i.test(type)) {
    return document.createElement('video').canPlayType(`${type}; codecs="${codec}"`) !== ''
  }
  return (
    typeof MediaSource === 'undefined' ||
    MediaSource.isTypeSupported(`video/mp4; codecs="${codec}"`)
  )
}
