import type shakaNamespace from 'shaka-player'
import { quietInterruptedLoads } from './interruptedLoads'
import { datePackedAudio } from './packedAudioTimestamp'

export type Shaka = typeof shakaNamespace

declare global {
  interface Window {
    shaka?: Shaka
  }
}

/** Where the build puts Shaka (scripts/build.mjs copies it next to Lightning). */
export const SHAKA_SCRIPT = 'lib/shaka-player.compiled.js'

let loading: Promise<Shaka> | undefined

/**
 * Loads Shaka Player on first playback only: it is about ten times the size of the app, and a
 * household that only browses should not pay for it at start-up.
 */
export function loadShaka(src: string = SHAKA_SCRIPT): Promise<Shaka> {
  if (window.shaka) return Promise.resolve(window.shaka)
  loading ??= new Promise<Shaka>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.async = true
    // A failed load is forgotten, so the next title tries again: a box whose network dropped
    // (or a proxy that answered with an error page) must not need a restart to play.
    const fail = (message: string) => {
      loading = undefined
      script.remove()
      reject(new Error(message))
    }
    script.onload = () => {
      if (!window.shaka) {
        fail(`${src} loaded but defined no shaka`)
        return
      }
      window.shaka.polyfill.installAll()
      datePackedAudio(window.shaka)
      quietInterruptedLoads(window)
      resolve(window.shaka)
    }
    script.onerror = () => fail(`cannot load ${src}`)
    document.head.appendChild(script)
  })
  return loading
}
