/**
 * docs/analytics-api/analytics-api.schema.json is what operators read; it must say what the app
 * sends. It is generated from the zod schemas the app validates each event with
 * (src/analytics/schema.ts). After changing them, regenerate it:
 *
 *   UPDATE_API_SCHEMA=1 npx jest --config jest.config.cjs test/unit/analytics/apiSchemaDoc
 *   npx prettier --write docs/analytics-api/analytics-api.schema.json
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  batchSchema,
  playbackQualitySchema,
  screenViewSchema,
  searchNoResultSchema,
  titleFinishedSchema,
  titleStartedSchema,
} from '../../../src/analytics/schema'

const FILE = path.resolve(__dirname, '../../../docs/analytics-api/analytics-api.schema.json')

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: 'any',
    io: 'output',
  })
  return rest
}

function apiSchema() {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/belgica-tv/analytics-api.schema.json',
    title: 'Belgica analytics batch',
    description:
      'The body of each POST the app makes to appSettings.analytics.url (Batch). See README.md next to this file. An event is only recorded for a consent purpose the profile watching accepted (audience: screen_view, title_started, title_finished, search_no_result; quality: playback_quality); a withdrawal deletes what was still queued for it. Identifiers are pseudonymous: installId is random per install, sessionId per start; nothing typed (no search text, no PIN, no names) is ever sent. Events are de-duplicated by eventId: a batch retried after a lost answer carries the same ids.',
    $ref: '#/$defs/Batch',
    $defs: {
      Batch: jsonSchemaOf(batchSchema),
      ScreenView: jsonSchemaOf(screenViewSchema),
      TitleStarted: jsonSchemaOf(titleStartedSchema),
      TitleFinished: jsonSchemaOf(titleFinishedSchema),
      SearchNoResult: jsonSchemaOf(searchNoResultSchema),
      PlaybackQuality: jsonSchemaOf(playbackQualitySchema),
    },
  }
}

test('the published JSON Schema matches what the app sends', () => {
  const expected = apiSchema()
  if (process.env.UPDATE_API_SCHEMA === '1') {
    writeFileSync(FILE, JSON.stringify(expected, null, 2) + '\n') // then: npx prettier --write
  }
  expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(expected)
})
