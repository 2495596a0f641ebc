import { z } from 'zod'
import { CatalogueErrorCode, notContractError, type CatalogueProblem } from './errors'
import { streamSchema, urlSchema } from './schema'
import { resolve, resolveStream } from './urls'

/**
 * Live channels as a backend describes them: the operator's channel list (number, name, live
 * stream), validated like titles: a malformed channel is skipped and reported, the others kept.
 */
export const liveChannelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lowercase slugs'),
    /** The number the household knows the channel by (its position for channel up/down). */
    number: z.number().int().positive().max(9999),
    name: z.string().min(1).max(80),
    stream: streamSchema,
    logo: urlSchema.optional(),
  })
  .strict()
export type LiveChannel = z.infer<typeof liveChannelSchema>

/** The document listing live channels: static/catalogue/live.json, or `GET <url>/live`. */
export const liveDocumentSchema = z.object({
  version: z.literal(1),
  channels: z.array(z.unknown()),
})

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
    const result = liveChannelSchema.safeParse(raw)
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
      const issue = result.error.issues[0]
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
    })
  })
  channels.sort((a, b) => a.number - b.number)
  return { channels, problems }
}
