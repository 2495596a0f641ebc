import {
  browserKeymap,
  isKeyAction,
  PLATFORM_KEYMAPS,
  type KeyAction,
  type Keymap,
  type PlatformName,
} from './keymaps'

/** What the Lightning application wants: key code -> action name. */
export type CodeMap = Record<number, string>

/**
 * Builds the code -> action table: browser codes, then the platform's codes, then the codes the
 * device declares, then the operator's
 * `appSettings.keys`. A later layer wins for the same code; an action keeps every code given to it,
 * since a box may send several (e.g. Back as 8 and 461). Operator entries naming no known action
 * are left out (validateAppSettings reports them with the action probably meant).
 */
export function buildCodeMap(
  platform: PlatformName,
  operatorKeys: Record<string, string>,
  /** Codes the device itself declares at start (an HbbTV terminal's VK_ constants). */
  deviceKeys: Keymap = {},
): CodeMap {
  const codes: CodeMap = {}
  for (const layer of [browserKeymap, PLATFORM_KEYMAPS[platform], deviceKeys]) {
    for (const [action, list] of Object.entries(layer) as [KeyAction, number[]][]) {
      for (const code of list) codes[code] = action
    }
  }
  for (const [code, action] of Object.entries(operatorKeys)) {
    const numeric = Number(code)
    // An unknown action (a typo, reported at start) must not take the code from a real one.
    if (Number.isInteger(numeric) && numeric > 0 && isKeyAction(action)) codes[numeric] = action
  }
  return codes
}
