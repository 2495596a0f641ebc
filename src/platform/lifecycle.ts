import type { Keymap, PlatformName } from './keymaps'
import { vkKeymap } from './keymaps/hbbtv'
import { TIZEN_KEY_NAMES } from './keymaps/tizen'

/**
 * Starting and leaving the app on each platform: the one place that touches webOS, Tizen, HbbTV
 * and Android host APIs. Every call is guarded: a missing or throwing API never breaks start-up,
 * and leaving says why it could not, so the app can tell the household on screen.
 */

/** What leaving did. `closed: false` means the app is still on screen and should say so. */
export type ExitOutcome =
  | { closed: true }
  | { closed: false; reason: 'not-possible' | 'missing-api' | 'failed'; detail: string }

export interface PlatformLifecycle {
  /**
   * Asks the device for the keys it only delivers on request (Tizen registerKey, the HbbTV
   * keyset) and returns the codes the device itself declares (an HbbTV terminal's VK_ constants).
   * Problems are reported, never thrown.
   */
  start(): { deviceKeys: Keymap; problems: string[] }
  /** Leaves the app the platform's way. Never throws. */
  exit(): ExitOutcome
}

/** The globals this module reads (window in the app, a plain object in tests). */
export type PlatformGlobals = Record<string, unknown> & { document?: Document }

export interface LifecycleOptions {
  /**
   * Android: the name of the object the WebView host injects (addJavascriptInterface) with an
   * exit() method that finishes its activity. See docs/platforms.md.
   */
  androidBridge: string
}

/**
 * OIPF DAE Vol 5 §7.2.5 (Keyset class), used by HbbTV (ETSI TS 102 796): RED 0x1, GREEN 0x2,
 * YELLOW 0x4, BLUE 0x8, NAVIGATION 0x10, VCR 0x20, SCROLL 0x40, INFO 0x80, NUMERIC 0x100.
 * INFO is asked too (the app has an Info action); a terminal keeps only the bits it supports.
 */
export const HBBTV_KEYSET_MASK = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x80 | 0x100

type Fn = (...args: unknown[]) => unknown
const isFn = (value: unknown): value is Fn => typeof value === 'function'
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function platformLifecycle(
  platform: PlatformName,
  globals: PlatformGlobals,
  options: LifecycleOptions,
): PlatformLifecycle {
  switch (platform) {
    case 'webos':
      return { start: nothingToStart, exit: () => webosExit(globals) }
    case 'tizen':
      return { start: () => tizenStart(globals), exit: () => tizenExit(globals) }
    case 'hbbtv':
      return { start: () => hbbtvStart(globals), exit: () => hbbtvExit(globals) }
    case 'android':
      return { start: nothingToStart, exit: () => androidExit(globals, options.androidBridge) }
    case 'rdk':
      return {
        start: nothingToStart,
        exit: () => ({
          closed: false,
          reason: 'not-possible',
          detail: "RDK: the box's own launcher closes web apps (Home key)",
        }),
      }
    case 'browser':
      return {
        start: nothingToStart,
        exit: () => ({
          closed: false,
          reason: 'not-possible',
          detail: 'a web page cannot close its own tab',
        }),
      }
  }
}

const nothingToStart = () => ({ deviceKeys: {}, problems: [] })

/** Calls `target[method]()` if it is a function; says what was missing or what it threw. */
function call(target: unknown, method: string, label: string): ExitOutcome {
  const fn = field(target, method)
  if (!isFn(fn))
    return { closed: false, reason: 'missing-api', detail: `${label} is not available` }
  try {
    fn.call(target)
    return { closed: true }
  } catch (error) {
    return { closed: false, reason: 'failed', detail: `${label}: ${describe(error)}` }
  }
}

/** LG "Back Button" guide: webOS.platformBack() (webOSTV.js) hands over to the launcher. */
function webosExit(globals: PlatformGlobals): ExitOutcome {
  return call(globals.webOS, 'platformBack', 'webOS.platformBack()')
}

/** Tizen Application API: tizen.application.getCurrentApplication().exit(). */
function tizenExit(globals: PlatformGlobals): ExitOutcome {
  const application = field(globals.tizen, 'application')
  const getCurrent = field(application, 'getCurrentApplication')
  if (!isFn(getCurrent)) {
    return {
      closed: false,
      reason: 'missing-api',
      detail: 'tizen.application.getCurrentApplication() is not available',
    }
  }
  try {
    return call(getCurrent.call(application), 'exit', 'tizen.application exit()')
  } catch (error) {
    return { closed: false, reason: 'failed', detail: `tizen.application: ${describe(error)}` }
  }
}

/** Samsung "Remote Control" guide: every key but arrows, Enter and Back must be registered. */
function tizenStart(globals: PlatformGlobals) {
  const input = field(globals.tizen, 'tvinputdevice')
  const register = field(input, 'registerKey')
  if (!isFn(register)) {
    return { deviceKeys: {}, problems: ['tizen.tvinputdevice is not available: media keys off'] }
  }
  const refused: string[] = []
  for (const name of TIZEN_KEY_NAMES) {
    try {
      register.call(input, name)
    } catch {
      // A remote without that key (a Smart Remote has no digits) refuses it: that is normal.
      refused.push(name)
    }
  }
  return {
    deviceKeys: {},
    problems: refused.length ? [`Tizen refused keys: ${refused.join(', ')}`] : [],
  }
}

/**
 * The HbbTV application object, through an application/oipfApplicationManager embedded object
 * (OIPF DAE §7.2.1): getOwnerApplication(document). One is added to the page if none exists.
 */
function hbbtvApplication(globals: PlatformGlobals): unknown {
  const document = globals.document
  if (!document) return undefined
  let manager: Element | null = document.querySelector(
    'object[type="application/oipfApplicationManager"]',
  )
  if (!manager) {
    manager = document.createElement('object')
    manager.setAttribute('type', 'application/oipfApplicationManager')
    manager.setAttribute('style', 'position:absolute;left:0;top:0;width:0;height:0')
    document.body.appendChild(manager)
  }
  const getOwner = field(manager, 'getOwnerApplication')
  return isFn(getOwner) ? getOwner.call(manager, document) : undefined
}

function hbbtvStart(globals: PlatformGlobals) {
  // The terminal's VK_ constants live on KeyEvent (OIPF) or, on older terminals, as globals.
  const deviceKeys = vkKeymap(
    (field(globals, 'KeyEvent') as Record<string, unknown> | undefined) ?? globals,
  )
  const problems: string[] = []
  try {
    const app = hbbtvApplication(globals)
    const keyset = field(field(app, 'privateData'), 'keyset')
    const setValue = field(keyset, 'setValue')
    if (isFn(setValue)) setValue.call(keyset, HBBTV_KEYSET_MASK)
    else problems.push('HbbTV keyset is not available: only arrows, OK and Back arrive')
    // Broadcast-independent applications start hidden on some terminals.
    const show = field(app, 'show')
    if (isFn(show)) show.call(app)
  } catch (error) {
    problems.push(`HbbTV application manager: ${describe(error)}`)
  }
  return { deviceKeys, problems }
}

/** OIPF DAE §7.2.2: Application.destroyApplication() ends the app; the terminal takes over. */
function hbbtvExit(globals: PlatformGlobals): ExitOutcome {
  let app: unknown
  try {
    app = hbbtvApplication(globals)
  } catch (error) {
    return { closed: false, reason: 'failed', detail: `HbbTV: ${describe(error)}` }
  }
  return call(app, 'destroyApplication', 'HbbTV application.destroyApplication()')
}

/** The host contract (docs/platforms.md): window[<bridge>].exit() finishes the activity. */
function androidExit(globals: PlatformGlobals, bridge: string): ExitOutcome {
  return call(globals[bridge], 'exit', `${bridge}.exit()`)
}
