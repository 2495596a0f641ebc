import type { ConfigProblem } from '../config/validate'
import { SDK_INJECTED_KEYS } from '../config/defaults'

/**
 * The SDK's start-up silently falls back to default settings when settings.json does not parse.
 * When appSettings holds nothing but what the SDK itself injects, fetch the file once more to tell
 * an unreadable file apart from a missing one, and say where it breaks.
 */
export async function diagnoseSettingsFile(
  appSettings: Record<string, unknown>,
  fetchFn: typeof fetch,
): Promise<ConfigProblem | undefined> {
  const operatorKeys = Object.keys(appSettings).filter(
    (key) => !(SDK_INJECTED_KEYS as readonly string[]).includes(key),
  )
  if (operatorKeys.length > 0) return undefined
  let text: string
  try {
    const response = await fetchFn('./settings.json', { cache: 'no-store' })
    if (!response.ok) return undefined
    text = await response.text()
  } catch {
    return undefined
  }
  try {
    JSON.parse(text)
    return undefined
  } catch (error) {
    return { path: 'settings.json', message: `is not valid JSON: ${(error as Error).message}` }
  }
}
