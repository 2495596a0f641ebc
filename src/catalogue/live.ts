import * as z from 'zod'
import { CatalogueErrorCode, notContractError, type CatalogueProblem } from './errors'
import { parseLeniently } from './lenientParse'
import { streamSchema, urlSchema } from './schema'
import { resolve, resolveStream } from './urls'

export const LIVE_CATEGORIES = ['general', 'news', 'kids', 'sport', 'culture', 'music'] as const
export type LiveCategory = (typeof LIVE_CATEGORIES)[number]

/** A template is a URL once its placeholders are filled: checked with sample values. */
const catchupTemplate = z.lazy(() =>
  z
    .string()
    .max(2000)
    .refine(
      (value) => value.includes('{start}') && value.includes('{end}'),
      'needs {start} and {end}',
    )
    .refine(
      (value) => urlSchema.safeParse(fillCatchup(value, 0, 0)).success,
      'not a usable URL template',
    ),
)

const catchupSchema = z.lazy(() =>
  z
    .object({ dash: catchupTemplate.optional(), hls: catchupTemplate.optional() })
    .strict()
    .refine((c) => Boolean(c.dash || c.hls), 'needs a DASH or an HLS template'),
)

/** A catch-up template with its window filled in (epoch seconds). */
export function fillCatchup(template: string, startSeconds: number, endSeconds: number): string {
  return template
    .replace(/\{start\}/g, String(startSeconds))
    .replace(/\{end\}/g, String(endSeconds))
}

/**
 * Live channels as a backend describes them: the operator's channel list (number, name, live
 * stream), validated like titles: a malformed channel is skipped and reported, the others kept.
 */
export const liveChannelSchema = z.lazy(() =>
  z
    .object({
      id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase slugs'),
      /** The number the household knows the channel by (its position for channel up/down). */
      number: z.number().int().positive().max(9999),
      name: z.string().min(1).max(80),
      stream: streamSchema,
      logo: urlSchema.optional(),
      /** What the channel mostly shows: the guide groups and filters channels by it. */
      category: z.enum(LIVE_CATEGORIES).optional(),
      /**
       * Whether programmes on air may be restarted from their start (the stream keeps a timeshift
       * window). Absent: no, so a channel without the right never offers it.
       */
      restart: z.boolean().optional(),
      /** Days a programme stays available for replay after it aired; 0 or absent: no replay. */
      replayDays: z.number().int().min(0).max(30).optional(),
      /**
       * Where a past window of the channel plays from (catch-up): URL templates in which `{start}`
       * and `{end}` become epoch seconds. Without it replay cannot be offered whatever the rights.
       */
      catchup: catchupSchema.optional(),
    })
    .strict(),
)
export type LiveChannel = z.infer<typeof liveChannelSchema>

/** The document listing live channels: static/catalogue/live.json, or `GET <url>/live`. */
export const liveDocumentSchema = z.lazy(() =>
  z.object({
    version: z.literal(1),
    channels: z.array(z.unknown()),
  }),
)

export interface ParsedChannels {
  /** In channel-number order, each id and each number once. */
  channels: LiveChannel[]
  problems: CatalogueProblem[]
}

/** Validates a live channel document; relative stream and logo URLs resolve against `base`. */
export function parseLiveChannels(
  document: unknown,
  backend: string,
  url: string,
  base: string,
): ParsedChannels {
  const envelope = liveDocumentSchema.safeParse(document)
  if (!envelope.success) {
    throw notContractError(backend, `${url} is not a live channel list`, envelope.error.issues[0])
  }
  const channels: LiveChannel[] = []
  const problems: CatalogueProblem[] = []
  const ids = new Set<string>()
  const numbers = new Set<number>()
  envelope.data.channels.forEach((raw, position) => {
    // Read as titles are (lenientParse.ts): a number written as text, a logo URL left out.
    const result = parseLeniently(liveChannelSchema, raw)
    const rawId = (raw as { id?: unknown } | null)?.id
    const itemId = typeof rawId === 'string' ? rawId.slice(0, 200) : `channel #${position}`
    const skip = (message: string) =>
      problems.push({
        severity: 'recoverable',
        category: 'item',
        code: CatalogueErrorCode.ITEM_INVALID,
        backend,
        itemId,
        message,
      })
    if (!result.success) {
      const issue = result.issue
      return skip(`${issue?.path.join('.') || 'channel'}: ${issue?.message ?? 'invalid'}`)
    }
    const channel = result.data
    if (ids.has(channel.id)) return skip('duplicate id, first occurrence kept')
    if (numbers.has(channel.number)) return skip(`channel number ${channel.number} is taken`)
    ids.add(channel.id)
    numbers.add(channel.number)
    channels.push({
      ...channel,
      stream: resolveStream(channel.stream, base),
      ...(channel.logo ? { logo: resolve(channel.logo, base) } : {}),
      ...(channel.catchup ? { catchup: resolveCatchup(channel.catchup, base) } : {}),
    })
  })
  channels.sort((a, b) => a.number - b.number)
  return { channels, problems }
}

/** Templates resolve like URLs; the braces survive because they are put back after resolving. */
function resolveCatchup(
  catchup: NonNullable<LiveChannel['catchup']>,
  base: string,
): NonNullable<LiveChannel['catchup']> {
  const one = (template: string | undefined) =>
    template === undefined
      ? undefined
      : resolve(fillCatchup(template, START_MARK, END_MARK), base)
          .replace(String(START_MARK), '{start}')
          .replace(String(END_MARK), '{end}')
  const dash = one(catchup.dash)
  const hls = one(catchup.hls)
  return { ...(dash ? { dash } : {}), ...(hls ? { hls } : {}) }
}
const START_MARK = 9_000_000_001
const END_MARK = 9_000_000_002
