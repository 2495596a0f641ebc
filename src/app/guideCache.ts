import type { GuideLoad, GuideProblem, GuideSource, Programme } from '../guide/contract'
import type { GuideFetchOutcome } from '../guide/guideHealth'
import { midnightOf, shiftDays, wallZone, type WallZone } from '../i18n/wallZone'

/** Midnight of the household's day (appSettings.clock.zone) that a wall-clock time falls in. */
export function dayStartOf(zone: WallZone, at: number): number {
  return midnightOf(zone, at)
}

/** The next midnight after a day's start; not `+ 24 h`, since DST days last 23 or 25 h. */
export function nextDayStart(zone: WallZone, dayStart: number): number {
  return midnightOf(zone, shiftDays(zone, dayStart, 1))
}

/** The household's days [from, to) touches, as their midnights. */
export function daysOf(zone: WallZone, from: number, to: number): number[] {
  const days: number[] = []
  for (let day = dayStartOf(zone, from); day < to; day = nextDayStart(zone, day)) days.push(day)
  return days
}

interface Entry {
  programmes: Programme[]
  problems: GuideProblem[]
}

interface Pending {
  done: Promise<void>
  controller: AbortController
  waiters: number
}

export const GUIDE_CACHE_LIMIT = 2000

/** Distinct problems remembered (a guard against a source reporting new ones on every call). */
const MAX_REPORTED = 2000

const abortError = (): Error => {
  const error = new Error('guide request aborted')
  error.name = 'AbortError'
  return error
}

/**
 * Programmes kept per channel and household day, so that scrolling the guide back and forth, or the
 * player's banner asking for the channel on air, does not ask the source again.
 *
 * A request for channels × [from, to) fetches only the (channel, day) pairs not yet held, one
 * source call per day for all its missing channels. Callers asking for a day already on its way
 * wait for the same call. A caller's abort rejects its own promise with an AbortError; the source
 * call is aborted only once every caller waiting on it has gone, and a failed call is not kept,
 * so a later request tries again. At most `limit` (channel, day) entries are kept, the oldest
 * dropped first, so an hour of browsing the guide holds no more than a few days' worth.
 */
export class GuideCache {
  private readonly entries = new Map<string, Entry>()
  private readonly pending = new Map<string, Pending>()

  constructor(
    private readonly source: () => GuideSource,
    private readonly limit = GUIDE_CACHE_LIMIT,
    /** Where each programme the source could not use is said, once (the operator's log). */
    private readonly log: (line: string) => void = () => undefined,
    /**
     * Told of every source call's outcome (the operator's diagnostics page), with the problems
     * it brought that no earlier call had.
     */
    private readonly observe: (outcome: GuideFetchOutcome) => void = () => undefined,
    /**
     * Whose days the entries are: the household's (Brussels), so the guide's day is one source
     * call, not two halves of the box's UTC days.
     */
    private readonly zone: WallZone = wallZone('box'),
  ) {}

  /** Problems already reported, so a day fetched again does not say or count them twice. */
  private readonly reported = new Set<string>()

  /** Logs the problems not reported before, and returns them (the observer counts those). */
  private report(problems: readonly GuideProblem[]): GuideProblem[] {
    const fresh: GuideProblem[] = []
    for (const problem of problems) {
      const line = `guide: skipped ${problem.itemId ?? '?'} (${problem.message})`
      // A source that makes up a new problem on every call stops being remembered at the cap.
      if (this.reported.has(line) || this.reported.size >= MAX_REPORTED) continue
      this.reported.add(line)
      this.log(line)
      fresh.push(problem)
    }
    return fresh
  }

  async guide(
    channelIds: readonly string[],
    from: number,
    to: number,
    signal: AbortSignal,
  ): Promise<GuideLoad> {
    if (signal.aborted) throw abortError()
    const days = daysOf(this.zone, from, to)
    await this.load(channelIds, days, signal)
    // A day's last programme without an end is given a guessed one, cut where the next day's
    // first programme starts: when that guess runs past the days asked (the evening's last film
    // seen at 23:45), the next day is asked too, so the film does not show as ending hours late.
    const last = days[days.length - 1]
    const spill = last === undefined ? undefined : nextDayStart(this.zone, last)
    if (last !== undefined && spill !== undefined && this.guessedPast(channelIds, last, spill)) {
      try {
        await this.load(channelIds, [spill], signal)
        return this.collect(channelIds, [...days, spill], from, to)
      } catch (error) {
        // Without the next day (not published yet, a failure) the guess stands.
        if (signal.aborted) throw error
      }
    }
    return this.collect(channelIds, days, from, to)
  }

  /** Some channel's last programme of `day` has a guessed end past `nextDay`'s start. */
  private guessedPast(channelIds: readonly string[], day: number, nextDay: number): boolean {
    return channelIds.some((id) =>
      this.entries
        .get(key(id, day))
        ?.programmes.some((programme) => programme.openEnd && programme.end > nextDay),
    )
  }

  /** Fetches what is missing of those channel-days (joining calls in flight) and waits for it. */
  private async load(
    channelIds: readonly string[],
    days: readonly number[],
    signal: AbortSignal,
  ): Promise<void> {
    const waits: Promise<void>[] = []
    for (const day of days) {
      // A call every earlier caller gave up on is being aborted: not one to join.
      for (const id of channelIds) {
        if (this.pending.get(key(id, day))?.controller.signal.aborted)
          this.pending.delete(key(id, day))
      }
      const missing = channelIds.filter(
        (id) => !this.entries.has(key(id, day)) && !this.pending.has(key(id, day)),
      )
      if (missing.length) this.fetch(missing, day)
      const joined = new Set<Pending>()
      for (const id of channelIds) {
        const pending = this.pending.get(key(id, day))
        if (pending && !joined.has(pending)) {
          joined.add(pending)
          waits.push(this.wait(pending, signal))
        }
      }
    }
    await Promise.all(waits)
  }

  /** Forgets every held day (a new guide source, a reload). */
  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }

  private fetch(channelIds: string[], day: number): void {
    const controller = new AbortController()
    const end = nextDayStart(this.zone, day)
    const pending: Pending = { controller, waiters: 0, done: Promise.resolve() }
    pending.done = this.source()
      .guide(channelIds, day, end, { signal: controller.signal })
      .then((load) => {
        const fresh = this.report(load.problems)
        this.observe({ kind: 'loaded', load, fresh })
        for (const id of channelIds) {
          this.store(key(id, day), {
            programmes: load.programmes.filter((p) => p.channelId === id),
            problems: load.problems,
          })
        }
      })
      .finally(() => {
        for (const id of channelIds) {
          if (this.pending.get(key(id, day)) === pending) this.pending.delete(key(id, day))
        }
      })
    // Nobody may be waiting any more by the time it fails (all aborted): not an unhandled error.
    pending.done.catch((error: unknown) => this.observe({ kind: 'failed', error }))
    for (const id of channelIds) this.pending.set(key(id, day), pending)
  }

  private wait(pending: Pending, signal: AbortSignal): Promise<void> {
    pending.waiters++
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        pending.waiters--
        if (pending.waiters === 0) pending.controller.abort()
        reject(abortError())
      }
      signal.addEventListener('abort', onAbort, { once: true })
      pending.done.then(
        () => {
          signal.removeEventListener('abort', onAbort)
          if (!signal.aborted) resolve()
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort)
          if (!signal.aborted) reject(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
  }

  private store(entryKey: string, entry: Entry): void {
    this.entries.delete(entryKey)
    this.entries.set(entryKey, entry)
    while (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  private collect(channelIds: readonly string[], days: number[], from: number, to: number) {
    const programmes: Programme[] = []
    const problems = new Set<GuideProblem>()
    for (const id of channelIds) {
      // A programme across midnight is in both days' answers: once is enough.
      const seen = new Set<string>()
      const mine: Programme[] = []
      for (const day of days) {
        const entry = this.entries.get(key(id, day))
        if (!entry) continue
        entry.problems.forEach((problem) => problems.add(problem))
        for (const programme of entry.programmes) {
          if (seen.has(programme.id)) continue
          seen.add(programme.id)
          mine.push(programme)
        }
      }
      mine.sort((a, b) => a.start - b.start)
      for (const programme of endOpenEnds(mine))
        if (programme.end > from && programme.start < to) programmes.push(programme)
    }
    return { programmes, problems: [...problems] }
  }
}

const key = (channelId: string, day: number): string => `${channelId}|${day}`

/**
 * A channel's programmes (sorted) with each guessed end cut at the next start: the guide asks a
 * day at a time, and a day's last programme without an end must not run over the next day's
 * first ones, which the grid would hide. Pure: the days' answers stay as they came.
 */
export function endOpenEnds(programmes: readonly Programme[]): Programme[] {
  return programmes.map((programme, index) => {
    const next = programmes[index + 1]
    return programme.openEnd && next && next.start < programme.end
      ? { ...programme, end: next.start }
      : programme
  })
}
