import * as z from 'zod'
import { classify, CONTENT_DESCRIPTORS } from '../catalogue/ratings'
import { givenRatingSchema, localizedTextSchema } from '../catalogue/schema'
import type { Programme } from './contract'
import { addBrusselsDays, brusselsMidnight, brusselsTime, DAY, fromBrussels } from './zone'

/**
 * The embedded guide: a weekly schedule template (static/guide/schedule.json) expanded for the
 * asked window against the box's clock, so the demo guide is always "now" wherever and whenever
 * the app runs, with nothing to regenerate. Slots are Brussels wall-clock times; a show may have
 * variants (tonight's film) picked by the date, and episodic shows number their episodes by the
 * date, so the same instant always gives the same programme.
 */

const showFields = () => ({
  title: localizedTextSchema,
  subtitle: localizedTextSchema.optional(),
  synopsis: localizedTextSchema.optional(),
  ratings: z.array(givenRatingSchema).max(12).optional(),
  contentDescriptors: z.array(z.enum(CONTENT_DESCRIPTORS)).max(6).optional(),
})

const showSchema = z.lazy(() =>
  z
    .object({
      ...showFields(),
      category: z.string().min(1).max(60).optional(),
      restart: z.boolean().optional(),
      replay: z.boolean().optional(),
      /** Daily or weekly episodes: numbered by the date within this season. */
      season: z.number().int().positive().optional(),
      variants: z
        .array(z.object({ ...showFields(), title: localizedTextSchema.optional() }).strict())
        .optional(),
    })
    .strict(),
)

const slotsSchema = z.lazy(() =>
  z.array(z.tuple([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), z.string()])),
)

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const channelScheduleSchema = z.lazy(() =>
  z
    .object({
      daily: slotsSchema.optional(),
      weekday: slotsSchema.optional(),
      weekend: slotsSchema.optional(),
      ...Object.fromEntries(DAY_KEYS.map((key) => [key, slotsSchema.optional()])),
    })
    .strict(),
)

export const scheduleTemplateSchema = z.lazy(() =>
  z
    .object({
      version: z.literal(1),
      shows: z.record(z.string(), showSchema),
      channels: z.record(z.string(), channelScheduleSchema),
    })
    .strict()
    .superRefine((template, context) => {
      for (const [channel, days] of Object.entries(template.channels)) {
        for (const [day, slots] of Object.entries(days)) {
          for (const [at, show] of (slots as [string, string][] | undefined) ?? []) {
            if (!template.shows[show]) {
              context.addIssue({
                code: 'custom',
                path: ['channels', channel, day],
                message: `${at}: no show "${show}"`,
              })
            }
          }
        }
      }
    }),
)
export type ScheduleTemplate = z.infer<typeof scheduleTemplateSchema>

type Slots = [string, string][]

function slotsOf(template: ScheduleTemplate, channelId: string, weekday: number): Slots {
  const days = template.channels[channelId] as Record<string, Slots | undefined> | undefined
  if (!days) return []
  const weekend = weekday === 0 || weekday === 6
  return days[DAY_KEYS[weekday]!] ?? days[weekend ? 'weekend' : 'weekday'] ?? days.daily ?? []
}

/** Days since 1970-01-01 of a Brussels date: the seed of variants and episode numbers. */
const dayNumber = (year: number, month: number, day: number) =>
  Math.round(Date.UTC(year, month - 1, day) / DAY)

/**
 * The programmes of `channelIds` that meet [from, to), in channel then start order. Each ends
 * where the next slot starts (the last of a day runs into the next day's first).
 */
export function expandSchedule(
  template: ScheduleTemplate,
  channelIds: readonly string[],
  from: number,
  to: number,
): Programme[] {
  const programmes: Programme[] = []
  if (!(to > from)) return programmes
  for (const channelId of channelIds) {
    if (!template.channels[channelId]) continue
    // Start a day early: yesterday's last programme may still be on at `from`.
    let midnight = addBrusselsDays(brusselsMidnight(from), -1)
    const starts: { at: number; show: string; day: number; slot: number }[] = []
    while (midnight < to + DAY) {
      const t = brusselsTime(midnight)
      const number = dayNumber(t.year, t.month, t.day)
      slotsOf(template, channelId, t.weekday).forEach(([at, show], slot) => {
        const [hour, minute] = at.split(':').map(Number) as [number, number]
        const start = fromBrussels(t.year, t.month, t.day, hour, minute)
        // A slot in the hour that does not exist (spring forward) can land on the next one.
        const last = starts[starts.length - 1]
        if (!last || start > last.at) starts.push({ at: start, show, day: number, slot })
      })
      midnight = addBrusselsDays(midnight, 1)
    }
    for (let i = 0; i + 1 < starts.length; i++) {
      const { at: start, show, day, slot } = starts[i]!
      const end = starts[i + 1]!.at
      if (end <= from || start >= to) continue
      programmes.push(programmeOf(template, channelId, show, start, end, day, slot))
    }
  }
  return programmes
}

function programmeOf(
  template: ScheduleTemplate,
  channelId: string,
  showId: string,
  start: number,
  end: number,
  day: number,
  slot: number,
): Programme {
  const show = template.shows[showId]!
  const variants = show.variants ?? []
  const variant = variants.length ? variants[(day + slot) % variants.length]! : {}
  const merged = { ...show, ...variant, title: variant.title ?? show.title }
  return {
    id: `${channelId}-${start}`,
    channelId,
    start,
    end,
    title: merged.title,
    ...(merged.subtitle ? { subtitle: merged.subtitle } : {}),
    ...(merged.synopsis ? { synopsis: merged.synopsis } : {}),
    ...(show.category ? { category: show.category } : {}),
    ...(show.season ? { episode: { season: show.season, episode: (day % 60) + 1 } } : {}),
    classification: classify(merged.ratings ?? [], merged.contentDescriptors ?? []),
    restart: show.restart ?? false,
    replay: show.replay ?? false,
  }
}
