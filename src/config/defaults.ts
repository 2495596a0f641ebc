import { buildAppSettingsSchema, type AppConfig } from './schema'

export type { AppConfig } from './schema'

let defaults: AppConfig | undefined

/**
 * The one defaults object for `settings.json` `appSettings`: what the schemas (schema.ts, where
 * each key's default and meaning are written) give for an empty appSettings. Add a key there,
 * never here. Made on the first call: a start whose settings are valid never needs it.
 */
export function defaultAppConfig(): AppConfig {
  defaults ??= buildAppSettingsSchema().parse({})
  return defaults
}

/**
 * Keys the SDK's start-up adds to appSettings from metadata.json, and `$schema` (an editor's
 * pointer to docs/settings-api/settings.schema.json); accepted without validation. They are not
 * the operator's to set, so they are not part of AppConfig.
 */
export const SDK_INJECTED_KEYS = [
  'id',
  'name',
  'version',
  'icon',
  'safeId',
  'identifier',
  '$schema',
] as const
