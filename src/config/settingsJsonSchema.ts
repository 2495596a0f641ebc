import * as z from 'zod'
import { buildAppSettingsSchema } from './schema'

/**
 * The JSON Schema of a whole settings.json, published as docs/settings-api/settings.schema.json so
 * an operator's editor completes keys, shows each one's meaning and default, and marks typos and
 * wrong types while typing. Generated from the schemas the app validates with at start, so the two
 * cannot disagree (a unit test compares the committed file; `npm run settings-schema` rewrites it).
 * Checks written as code (a time of day, a DRM header line, language.default in the list) are only
 * made by the app; the schema says what they expect in the key's description.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const { $schema: _draft, ...appSettings } = z.toJSONSchema(
    buildAppSettingsSchema({ documented: true }),
    {
      // The operator writes the input: keys with a default are optional.
      io: 'input',
      unrepresentable: 'any',
    },
  )
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/belgica-tv/settings.schema.json',
    title: 'Belgica settings.json',
    description:
      'The operator\'s settings file. "appSettings" is the app\'s (docs/settings-api/README.md); "platformSettings" is the Lightning SDK\'s own.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'Where an editor finds this schema.' },
      appSettings: appSettings,
      platformSettings: {
        type: 'object',
        description: "The Lightning SDK's platform settings (path, log, showVersion, ...).",
      },
    },
    required: ['appSettings', 'platformSettings'],
    additionalProperties: false,
  }
}
