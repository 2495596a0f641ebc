/**
 * docs/catalogue-api/catalogue-api.schema.json is what operators read; it must say what the app
 * validates. The title part is generated from the zod schemas the app runs (schema.ts), the
 * envelopes follow httpBackend.ts. After changing either, regenerate it:
 *
 *   UPDATE_API_SCHEMA=1 npx jest --config jest.config.cjs apiSchemaDoc
 *   npx prettier --write docs/catalogue-api/catalogue-api.schema.json
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { liveChannelSchema } from '../../../src/catalogue/live'
import { CATALOGUE_ID, localizedTextSchema, titleSchema } from '../../../src/catalogue/schema'
import { programmeWireSchema } from '../../../src/guide/wire'

const FILE = path.resolve(__dirname, '../../../docs/catalogue-api/catalogue-api.schema.json')

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: 'any',
    io: 'input',
  })
  return rest
}

function apiSchema() {
  const cursor = { type: ['string', 'null'], minLength: 1, maxLength: 500 }
  const items = { type: 'array', items: { $ref: '#/$defs/Title' } }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/belgica-tv/catalogue-api.schema.json',
    title: 'Belgica catalogue HTTP API, version 1',
    description:
      'Answers of GET <url>/home (Home), GET <url>/rails/<id>?cursor=, GET <url>/titles?cursor= and GET <url>/search?q=&limit= (Page; a search answer is one page, best first, next null), GET <url>/titles/<id> (Title), GET <url>/live (Live), GET <url>/guide?from=&to=&channels= (Guide). See README.md next to this file. Items are validated one by one: an item that breaks Title is skipped and reported, the rest is shown. Rules the app also checks that JSON Schema cannot say: every localized text has at least one language; a title is at most 200 characters; URLs are http(s) or relative; a stream has a DASH, an HLS or an MP4 URL; a title without a rating the app knows is shown as not rated and locked like the most restricted category.',
    oneOf: [
      { $ref: '#/$defs/Home' },
      { $ref: '#/$defs/Page' },
      { $ref: '#/$defs/Title' },
      { $ref: '#/$defs/Live' },
      { $ref: '#/$defs/Guide' },
    ],
    $defs: {
      Home: {
        type: 'object',
        properties: {
          version: { const: 1 },
          rails: { type: 'array', items: { $ref: '#/$defs/Rail' } },
          titles: { $ref: '#/$defs/Page' },
        },
        required: ['version'],
        oneOf: [{ required: ['rails'] }, { required: ['titles'] }],
      },
      Rail: {
        type: 'object',
        properties: {
          id: { type: 'string', maxLength: 200, pattern: CATALOGUE_ID.source },
          name: { $ref: '#/$defs/LocalizedText' },
          items,
          next: cursor,
        },
        required: ['id', 'name', 'items', 'next'],
      },
      Page: {
        type: 'object',
        properties: { items, next: cursor },
        required: ['items', 'next'],
      },
      Live: {
        type: 'object',
        properties: {
          version: { const: 1 },
          channels: { type: 'array', items: { $ref: '#/$defs/LiveChannel' } },
        },
        required: ['version', 'channels'],
      },
      Guide: {
        type: 'object',
        properties: {
          version: { const: 1 },
          programmes: { type: 'array', items: { $ref: '#/$defs/Programme' } },
        },
        required: ['version', 'programmes'],
      },
      LocalizedText: jsonSchemaOf(localizedTextSchema),
      Title: jsonSchemaOf(titleSchema),
      LiveChannel: jsonSchemaOf(liveChannelSchema),
      Programme: jsonSchemaOf(programmeWireSchema),
    },
  }
}

test('the published JSON Schema matches what the app validates', () => {
  const expected = apiSchema()
  if (process.env.UPDATE_API_SCHEMA === '1') {
    writeFileSync(FILE, JSON.stringify(expected, null, 2) + '\n') // then: npx prettier --write
  }
  expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(expected)
})
