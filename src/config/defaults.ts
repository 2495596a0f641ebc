import { appSettingsSchema, type AppConfig } from './schema'

export type { AppConfig } from './schema'

/**
 * The one defaults object for `settings.json` `appSettings`: what the schemas (schema.ts, where
 * each key's default and meaning are written) give for an empty appSettings. Add a key there,
 * never here.
 */
export const DEFAULT_APP_CONFIG: AppConfig = appSettingsSchema.parse({})

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
