/**
 * Lightning's render loop on a screen that is not changing. With the stage option
 * `pauseRafLoopOnIdle` (settings.json), Lightning leaves requestAnimationFrame after 30 frames
 * without a change and polls at 30 Hz from a timer instead, so a film with its controls hidden
 * does not keep the box's compositor producing 60 frames a second behind the video. The poll
 * would also delay the frame of a remote key by up to one tick (33 ms): a key wakes the loop at
 * once, before it is handled, so the frame it changes is drawn on the next animation frame.
 */

/** The part of Lightning's WebPlatform (core 2.x) that runs the loop. */
export interface LoopPlatform {
  /** Gone once the stage is destroyed. */
  stage?: unknown
  _looping: boolean
  _loopHandler: ReturnType<typeof setInterval> | null
  startLoop(): void
}

/**
 * Back to requestAnimationFrame if the loop was polling; true when it did wake it. A stage that
 * was stopped (destroyed, never started) has no timer and stays stopped.
 */
export function wakeRenderLoop(platform: LoopPlatform | undefined): boolean {
  if (!platform?.stage || platform._looping || platform._loopHandler === null) return false
  clearInterval(platform._loopHandler)
  platform._loopHandler = null
  platform.startLoop()
  return true
}
