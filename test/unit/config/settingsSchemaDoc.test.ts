/**
 * docs/settings-api/settings.schema.json is what operators' editors read; it must accept and refuse
 * what the app does at start. It is generated from src/config/schema.ts; after changing the
 * settings, regenerate it with `npm run settings-schema`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { settingsJsonSchema } from '../../../src/config/settingsJsonSchema'

const FILE = path.resolve(__dirname, '../../../docs/settings-api/settings.schema.json')

test('the published settings JSON Schema is generated from the schemas the app validates with', () => {
  const expected = settingsJsonSchema()
  if (process.env.UPDATE_SETTINGS_SCHEMA === '1') {
    writeFileSync(FILE, JSON.stringify(expected, null, 2) + '\n') // then: npx prettier --write
  }
  expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(expected)
})

test('it names every section with its defaults, and refuses unknown keys as the app does', () => {
  const appSettings = (settingsJsonSchema().properties as Record<string, Record<string, unknown>>)
    .appSettings!
  const sections = appSettings.properties as Record<string, Record<string, unknown>>
  expect(appSettings.additionalProperties).toBe(false)
  expect(sections.brand!.additionalProperties).toBe(false)
  expect(
    (sections.catalogue!.properties as Record<string, { default?: unknown }>).backend!.default,
  ).toBe('embedded')
  expect(appSettings.required ?? []).toEqual([])
})
