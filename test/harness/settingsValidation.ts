import type { ConfigResult } from '../../src/config/validate'

/** The problem validation reports at `path`, if any. */
export const problemAt = (result: ConfigResult, path: string) =>
  (result.ok ? [] : result.problems).find((problem) => problem.path === path)

/**
 * Settings read as meant are warned about on the console: muted around each test of the file;
 * the returned function gives the spy, to check what was said.
 */
export function muteSettingsWarnings(): () => jest.SpyInstance {
  let warn: jest.SpyInstance | undefined
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => warn?.mockRestore())
  return () => {
    if (!warn) throw new Error('only inside a test')
    return warn
  }
}
