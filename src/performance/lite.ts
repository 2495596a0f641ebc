/**
 * Lite mode for weak boxes: whether to draw less (no billboard backdrop or animation, two rails
 * alive instead of four, posters decoded at a reduced size, captions only under the focused tile)
 * and buffer less. Chosen by the operator (`appSettings.lite.mode`) or, in 'auto', detected from
 * what the box says of itself (navigator.deviceMemory, in GB, where the engine reports it) and
 * from a short CPU probe run before the first frame. Pure, so the decision is tested with
 * made-up figures; the probe's own timing is the only impure part and takes a clock.
 */

export type LiteMode = 'auto' | 'on' | 'off'

export interface LiteSettings {
  mode: LiteMode
  /** 'auto': a box reporting this much memory or less (GB) is weak. */
  maxDeviceMemoryGb: number
  /** 'auto': a CPU probe slower than this (ms, the best of its rounds) means a weak box. */
  maxProbeMs: number
}

export interface LiteSignals {
  /** navigator.deviceMemory: Chromium-based engines only, rounded (0.25, 0.5, 1, 2, 4, 8). */
  deviceMemoryGb?: number
  cpuProbeMs?: number
}

export type LiteReason = 'setting-on' | 'setting-off' | 'device-memory' | 'slow-cpu' | 'capable'

export interface LiteDecision {
  lite: boolean
  reason: LiteReason
  signals: LiteSignals
}

export function decideLite(settings: LiteSettings, signals: LiteSignals): LiteDecision {
  const decided = (lite: boolean, reason: LiteReason): LiteDecision => ({ lite, reason, signals })
  if (settings.mode === 'on') return decided(true, 'setting-on')
  if (settings.mode === 'off') return decided(false, 'setting-off')
  const memory = signals.deviceMemoryGb
  if (typeof memory === 'number' && memory > 0 && memory <= settings.maxDeviceMemoryGb)
    return decided(true, 'device-memory')
  const probe = signals.cpuProbeMs
  if (typeof probe === 'number' && probe > settings.maxProbeMs) return decided(true, 'slow-cpu')
  return decided(false, 'capable')
}

/**
 * One round of work shaped like a frame of this app: small objects made and dropped, arithmetic
 * on them, a sort, strings joined. Returns a value so the engine cannot skip the work.
 */
function probeRound(): number {
  const items: { x: number; y: number; label: string }[] = []
  for (let i = 0; i < 2000; i++) {
    items.push({ x: (i * 7919) % 1920, y: Math.sqrt(i) * 13, label: 'tile-' + (i % 97) })
  }
  items.sort((a, b) => a.x - b.x || a.y - b.y)
  let checksum = 0
  for (let i = 0; i < items.length; i += 1) checksum += items[i]!.x * 0.5 + items[i]!.label.length
  return checksum
}

/**
 * Times the probe: the best of `rounds` runs, so a garbage collection or another task landing
 * in one round does not make a fast box look slow (a weak box is slow in every round). About
 * 4 ms on a desktop core, run cold at start as it is (interpreted: src/index.ts runs it only on
engines that do not report their memory); a box ten times slower spends some 40 ms on it. Chromium's
 * CPU throttling (the benchmark's) pauses the page in slices rather than slowing every
 * instruction, so it does not show in so short a probe: the benchmark sets the mode itself.
 */
export function cpuProbe(now: () => number, rounds = 3): number {
  let best = Infinity
  let sink = 0
  for (let round = 0; round < rounds; round++) {
    const started = now()
    sink += probeRound()
    best = Math.min(best, now() - started)
  }
  return sink === -1 ? -1 : best
}
