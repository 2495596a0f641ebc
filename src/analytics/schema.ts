import * as z from 'zod'
import { CATALOGUE_ID } from '../catalogue/schema'

/**
 * What the app sends to the operator's analytics collector (docs/analytics-api/): batches of
 * events, each for one consent purpose. Identifiers are pseudonymous: a random id made once per
 * install (never the entitlement device id, the PIN or a profile's name), a random id per app
 * start, catalogue ids. No free text: a search sends that it found nothing, not what was typed.
 */

/**
 * Catalogue and channel ids as the catalogue writes them (a title's may have capitals, "_" and
 * "."); a route's screen name is a slug.
 */
const slug = z.lazy(() =>
  z
    .string()
    .max(200)
    .regex(CATALOGUE_ID, 'a catalogue id')
    .describe('A catalogue, channel or screen id: letters, digits, "-", "_" and "." (not first)'),
)
const count = z.lazy(() => z.number().int().min(0))
const seconds = z.lazy(() => z.number().min(0))

const base = () => ({
  /** Random per event, so a batch sent twice (a retry after a lost answer) is counted once. */
  eventId: z.string().min(8).max(64).describe('Random per event: de-duplicates retried batches'),
  /** Wall-clock ms when it happened on the box. */
  at: z.number().int().min(0).describe('Wall-clock milliseconds since 1970 on the box'),
})

/** Audience measurement (consent purpose 'audience'). */
export const screenViewSchema = z.lazy(() =>
  z.object({
    ...base(),
    type: z.literal('screen_view'),
    purpose: z.literal('audience'),
    /** The screen: home, details, play, live, replay, search, guide, settings, profiles, ... */
    screen: slug,
    /** The title or channel it shows, where it shows one (never a search text). */
    itemId: slug.optional(),
  }),
)

export const titleStartedSchema = z.lazy(() =>
  z.object({
    ...base(),
    type: z.literal('title_started'),
    purpose: z.literal('audience'),
    itemId: slug,
    kind: z.enum(['vod', 'live', 'replay']),
  }),
)

export const titleFinishedSchema = z.lazy(() =>
  z.object({
    ...base(),
    type: z.literal('title_finished'),
    purpose: z.literal('audience'),
    itemId: slug,
    kind: z.enum(['vod', 'live', 'replay']),
    /** Seconds of content that really played in this viewing. */
    watchedSeconds: seconds,
    /** true: played to its end; false: the viewer left before. */
    completed: z.boolean(),
  }),
)

export const searchNoResultSchema = z.lazy(() =>
  z.object({
    ...base(),
    type: z.literal('search_no_result'),
    purpose: z.literal('audience'),
  }),
)

/** Playback quality (consent purpose 'quality'): one per viewing, sent when it ends. */
export const playbackQualitySchema = z.lazy(() =>
  z.object({
    ...base(),
    type: z.literal('playback_quality'),
    purpose: z.literal('quality'),
    itemId: slug,
    kind: z.enum(['vod', 'live', 'replay']),
    /** From the play request to the first frame; null when no frame ever showed. */
    startupMs: z.number().int().min(0).nullable(),
    /** Seconds of content played and of waiting for data after the first frame. */
    playedSeconds: seconds,
    rebufferSeconds: seconds,
    rebufferCount: count,
    /** rebufferSeconds / (playedSeconds + rebufferSeconds), 0 to 1. */
    rebufferRatio: z.number().min(0).max(1),
    /** Changes of the variant (quality level) after the first one. */
    bitrateSwitches: count,
    /** Time-weighted average of the variant bandwidth played, kbit/s; null when unknown. */
    averageBitrateKbps: z.number().min(0).nullable(),
    droppedFrames: count,
    /** The player's errors in this viewing, with the app's codes (docs: error codes). */
    errors: z
      .array(
        z.object({
          code: z.number().int(),
          severity: z.enum(['recoverable', 'critical']),
        }),
      )
      .max(20),
    /** How the viewing ended. */
    outcome: z.enum(['completed', 'stopped', 'failed']),
  }),
)

export const analyticsEventSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    screenViewSchema,
    titleStartedSchema,
    titleFinishedSchema,
    searchNoResultSchema,
    playbackQualitySchema,
  ]),
)

export type AnalyticsEvent = z.infer<typeof analyticsEventSchema>
export type AnalyticsEventType = AnalyticsEvent['type']

/** An event as a caller records it: the id, time and purpose are the service's to add. */
export type EventInput = AnalyticsEvent extends infer E
  ? E extends AnalyticsEvent
    ? Omit<E, 'eventId' | 'at' | 'purpose'>
    : never
  : never

/** POST <url>: one batch. */
export const batchSchema = z.lazy(() =>
  z.object({
    schemaVersion: z.literal(1),
    /** Random, made once per install and kept on the box; not the entitlement device id. */
    installId: z.string().min(8).max(64),
    /** Random per app start. */
    sessionId: z.string().min(8).max(64),
    /** Wall-clock ms when the batch was sent. */
    sentAt: z.number().int().min(0),
    app: z.object({ version: z.string().max(40), platform: z.string().max(20) }),
    events: z.array(analyticsEventSchema).min(1).max(500),
  }),
)

export type Batch = z.infer<typeof batchSchema>

/** Which consent purpose each event needs. */
export const PURPOSE_OF: Record<AnalyticsEventType, 'audience' | 'quality'> = {
  screen_view: 'audience',
  title_started: 'audience',
  title_finished: 'audience',
  search_no_result: 'audience',
  playback_quality: 'quality',
}
