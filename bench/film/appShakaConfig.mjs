// The Shaka configuration the app gives its player, computed by the app's own modules (bundled by
// scripts/lib/appModule.mjs), so the bare page of the film-memory benchmark cannot drift from it:
// the build's appSettings validated as src/index.ts does, the buffer under the same lite-mode caps,
// the operator's CMCD choice, then src/player/shakaConfig.ts with a new profile's track preference
// (none stored). The failure callback is a function and stays behind: the page supplies the app's.
import { validateAppSettings } from '../../src/config/validate'
import { decideLite } from '../../src/performance/lite'
import { cappedBuffer, renderProfile } from '../../src/performance/renderProfile'
import { shakaConfig } from '../../src/player/shakaConfig'

/**
 * @param {unknown} appSettings the build's inlined appSettings
 * @param {number | undefined} deviceMemoryGb navigator.deviceMemory of the browser measured
 */
export function appShakaConfig(appSettings, deviceMemoryGb) {
  const validation = validateAppSettings(appSettings)
  const render = renderProfile(decideLite(validation.config.lite, { deviceMemoryGb }))
  const player = {
    ...validation.config.player,
    ...cappedBuffer(validation.config.player, render),
    cmcd: validation.config.analytics.cmcd,
  }
  const { config } = shakaConfig(player, {})
  const streaming = { ...config.streaming }
  delete streaming.failureCallback
  return {
    config: { ...config, streaming },
    lite: render.lite,
    problems: validation.problems ?? [],
  }
}
