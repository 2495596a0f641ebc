/**
 * docs/entitlements-api/entitlements-api.schema.json is what operators read; it must say what the
 * app validates. It is generated from the zod schemas the app runs (src/entitlements/wire.ts).
 * After changing them, regenerate it:
 *
 *   UPDATE_API_SCHEMA=1 npx jest --config jest.config.cjs test/unit/entitlements/apiSchemaDoc
 *   npx prettier --write docs/entitlements-api/entitlements-api.schema.json
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import {
  errorWireSchema,
  passWireSchema,
  rentalWireSchema,
  rentRequestWireSchema,
  subscribeRequestWireSchema,
} from '../../../src/entitlements/wire'

const FILE = path.resolve(__dirname, '../../../docs/entitlements-api/entitlements-api.schema.json')

function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    unrepresentable: 'any',
    io: 'input',
  })
  return rest
}

function apiSchema() {
  const envelope = (name: string, ref: string) => ({
    type: 'object',
    properties: { [name]: { $ref: `#/$defs/${ref}` } },
    required: [name],
  })
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/belgica-tv/entitlements-api.schema.json',
    title: 'Belgica entitlements HTTP API',
    description:
      'Bodies of GET <url>/entitlements (Entitlements), POST <url>/rentals (RentRequest -> RentalAnswer), POST <url>/rentals/<rentalId>/start (-> RentalAnswer), POST <url>/subscriptions (SubscribeRequest -> PassAnswer), and of every refusal (Error). See README.md next to this file. Times are ISO 8601 with an offset. Rules the app also checks that JSON Schema cannot say: a rental has startedAt and expiresAt both set or both null. Passes and rentals of Entitlements are read one by one: one the app cannot read is left out and logged. Unknown fields are ignored.',
    oneOf: [
      { $ref: '#/$defs/Entitlements' },
      { $ref: '#/$defs/RentalAnswer' },
      { $ref: '#/$defs/PassAnswer' },
      { $ref: '#/$defs/RentRequest' },
      { $ref: '#/$defs/SubscribeRequest' },
      { $ref: '#/$defs/Error' },
    ],
    $defs: {
      Entitlements: {
        type: 'object',
        properties: {
          passes: { type: 'array', items: { $ref: '#/$defs/Pass' } },
          rentals: { type: 'array', items: { $ref: '#/$defs/Rental' } },
        },
        required: ['passes', 'rentals'],
      },
      RentalAnswer: envelope('rental', 'Rental'),
      PassAnswer: envelope('pass', 'Pass'),
      Pass: jsonSchemaOf(passWireSchema),
      Rental: jsonSchemaOf(rentalWireSchema),
      RentRequest: jsonSchemaOf(rentRequestWireSchema),
      SubscribeRequest: jsonSchemaOf(subscribeRequestWireSchema),
      Error: jsonSchemaOf(errorWireSchema),
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
