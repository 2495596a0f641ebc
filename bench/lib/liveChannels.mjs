// Which live channels the benchmark zaps along. The embedded guide follows the wall clock, and a
// programme rated for later hours asks for the parental PIN before it plays, so at some hours a
// zap would time a PIN dialog instead of a picture (and time out). The benchmark starts where the
// next channels in channel-up order stay open for the household's default profile while the zaps
// last, judged by the app's own guide expansion and parental rules.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { importAppModule } from '../../scripts/lib/appModule.mjs'
import { readInlineAppSettings } from './build.mjs'

/**
 * Where to start in `ids` (the channel-up order, which wraps) so that as many zaps as possible, up
 * to `zaps`, land on open channels: the first start whose channel and next `zaps` channels are all
 * open, else the start of the longest open run. `zaps` is how many of them are safe; null when no
 * channel is open at all.
 */
export function zapStart(ids, open, zaps) {
  const n = ids.length
  let best = null
  for (let start = 0; start < n; start++) {
    let run = 0
    while (run <= zaps && open[(start + run) % n]) run++
    if (run === 0) continue
    const safe = Math.min(zaps, run - 1)
    if (safe === zaps) return { start, zaps: safe }
    if (!best || safe > best.zaps) best = { start, zaps: safe }
  }
  return best
}

/**
 * The build's live channels in channel-up order and, for each, whether its programmes from `at`
 * for `spanMs` play without a PIN for an adult profile under the build's parental settings.
 */
export async function liveChannelLocks(appDir, { at = Date.now(), spanMs = 5 * 60_000 } = {}) {
  const readJson = async (...parts) =>
    JSON.parse(await readFile(path.join(appDir, ...parts), 'utf8'))
  const { channels } = await readJson('static', 'catalogue', 'live.json')
  const template = await readJson('static', 'guide', 'schedule.json')
  const html = await readFile(path.join(appDir, 'index.html'), 'utf8')
  const [{ validateAppSettings }, { expandSchedule }, { lockOf }, { minutesOfDay, wallZone }] =
    await Promise.all(
      [
        'src/config/validate.ts',
        'src/guide/schedule.ts',
        'src/parental/rules.ts',
        'src/i18n/wallZone.ts',
      ].map((module) => importAppModule(module)),
    )
  const { parental, clock } = validateAppSettings(readInlineAppSettings(html)).config
  const zone = wallZone(clock.zone)
  const adult = { kids: false, maxAge: null }
  const ordered = [...channels].sort((a, b) => a.number - b.number)
  const openAt = (id, when) => {
    const programme = expandSchedule(template, [id], when, when + 1)[0]
    if (!programme) return true
    return (
      lockOf(programme.classification, adult, parental, minutesOfDay(zone, when)).state === 'open'
    )
  }
  // Every minute of the span, its last moment included.
  const moments = []
  for (let when = at; when < at + spanMs; when += 60_000) moments.push(when)
  moments.push(at + spanMs)
  return ordered.map(({ id }) => ({ id, open: moments.every((when) => openAt(id, when)) }))
}
