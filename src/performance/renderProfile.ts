import type { LiteDecision } from './lite'

/**
 * What the screens and the player do with the lite decision, in one place so a screen reads a
 * figure ("how many rails stay alive") rather than testing a flag and choosing its own numbers.
 */
export interface RenderProfile {
  lite: boolean
  /** Why: the operator's setting, the box's memory, a slow CPU probe, or a capable box. */
  reason: LiteDecision['reason']
  /** Home rails kept built above and below the focused one (the rest are dropped). */
  railsBefore: number
  railsAfter: number
  /** The billboard draws the focused title's backdrop, and cross-fades when it changes. */
  heroBackdrop: boolean
  heroFade: boolean
  /**
   * Posters are decoded at this share of their drawn size (1: drawn size, which is already
   * smaller than most feeds' posters); fewer texels to upload and keep on a weak box's GPU.
   */
  posterScale: number
  /** Captions under every tile, or only under the focused one (a text texture per tile saved). */
  tileCaptions: 'all' | 'focused'
  /** Caps on Shaka's buffer (seconds), over the operator's player settings. */
  maxBufferingGoal: number
  maxBufferBehind: number
}

export const FULL_PROFILE: RenderProfile = {
  lite: false,
  reason: 'capable',
  railsBefore: 1,
  railsAfter: 2,
  heroBackdrop: true,
  heroFade: true,
  posterScale: 1,
  tileCaptions: 'all',
  maxBufferingGoal: Infinity,
  maxBufferBehind: Infinity,
}

const LITE_PROFILE: Omit<RenderProfile, 'reason'> = {
  lite: true,
  railsBefore: 0,
  railsAfter: 1,
  heroBackdrop: false,
  heroFade: false,
  posterScale: 0.75,
  tileCaptions: 'focused',
  maxBufferingGoal: 10,
  maxBufferBehind: 5,
}

export function renderProfile(decision: LiteDecision): RenderProfile {
  return decision.lite
    ? { ...LITE_PROFILE, reason: decision.reason }
    : { ...FULL_PROFILE, reason: decision.reason }
}

/** The player's buffer settings under the profile's caps. */
export function cappedBuffer(
  player: { bufferingGoal: number; bufferBehind: number; rebufferingGoal: number },
  profile: RenderProfile,
): { bufferingGoal: number; bufferBehind: number; rebufferingGoal: number } {
  const bufferingGoal = Math.min(player.bufferingGoal, profile.maxBufferingGoal)
  return {
    bufferingGoal,
    bufferBehind: Math.min(player.bufferBehind, profile.maxBufferBehind),
    rebufferingGoal: Math.min(player.rebufferingGoal, bufferingGoal),
  }
}
