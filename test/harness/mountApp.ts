/**
 * Mounts one Lightning component as the focused child of a real `Lightning.Application` in jsdom
 * (see jest.config.cjs: jest-webgl-canvas-mock + test/setup/dom-shims.ts), presses keys through the
 * application's keymap as real `keydown`/`keyup` events, and steps frames by hand.
 *
 * The render loop is not started: nothing moves until `step()` (or `press()`, which steps once).
 * By default each frame advances the clock by 10 s, so transitions and animations up to that long
 * finish in one step ("animations at 0 ms"); pass `frameMs` to watch them progress.
 *
 *   const t = mountApp(Rail, { props: { items } })
 *   t.press('Right', 2)
 *   expect(t.focused()).toBe(t.component.tag('Items').children[2])
 *   t.destroy()
 */
import { Lightning } from '@lightningjs/sdk'

/** Key code -> action name, the shape Lightning's `keys` option takes. */
export type KeyMap = Record<number, string>

/** The SDK's own default keymap (`@lightningjs/sdk` src/Application), used unless `keys` is given. */
export const SDK_DEFAULT_KEYS: Readonly<KeyMap> = Object.freeze({
  8: 'Back',
  13: 'Enter',
  27: 'Menu',
  37: 'Left',
  38: 'Up',
  39: 'Right',
  40: 'Down',
  174: 'ChannelDown',
  175: 'ChannelUp',
  178: 'Stop',
  250: 'PlayPause',
  191: 'Search',
  409: 'Search',
})

/** `KeyboardEvent.key` for the codes a browser sends itself; other codes (remotes) get 'Unidentified'. */
const KEY_NAMES: Readonly<Record<number, string>> = {
  8: 'Backspace',
  13: 'Enter',
  27: 'Escape',
  32: ' ',
  33: 'PageUp',
  34: 'PageDown',
  37: 'ArrowLeft',
  38: 'ArrowUp',
  39: 'ArrowRight',
  40: 'ArrowDown',
  191: '/',
}

export const INSTANT_FRAME_MS = 10_000

export interface MountOptions {
  /** Patch applied to the mounted component (props and children), as in a template. */
  props?: Record<string, unknown>
  /** Key code -> action map for the application; default `SDK_DEFAULT_KEYS`. */
  keys?: KeyMap
  /** Milliseconds each frame advances; default `INSTANT_FRAME_MS`. */
  frameMs?: number
  /** Stage size; default 1920x1080. */
  w?: number
  h?: number
}

export interface KeyOptions {
  /** Sets `KeyboardEvent.repeat`, as a held key's auto-repeat does. */
  repeat?: boolean
  /** Sets `KeyboardEvent.key`, as a plugged-in keyboard gives it ("-", "’"); else by its code. */
  key?: string
}

export interface MountedApp<C extends Lightning.Component> {
  readonly app: Lightning.Application
  readonly stage: Lightning.Stage
  /** The mounted component instance (the application's focused child). */
  readonly component: C
  readonly canvas: HTMLCanvasElement
  readonly keys: Readonly<KeyMap>
  /** Key down + key up, then one frame; `times` repeats the whole press. */
  press(key: number | string, times?: number): void
  keyDown(key: number | string, options?: KeyOptions): void
  keyUp(key: number | string): void
  /** Updates and renders `frames` frames. */
  step(frames?: number): void
  /** The deepest component of the focus path. */
  focused(): Lightning.Component | undefined
  focusPath(): Lightning.Component[]
  /** Stops the stage, removes its key listeners and its canvas. Safe to call twice. */
  destroy(): void
}

const SUBJECT_REF = 'Subject'

/** Resolves a key code or an action name to the key code that the keymap maps to that action. */
export function keyCodeFor(keys: Readonly<KeyMap>, key: number | string): number {
  if (typeof key === 'number') return key
  const codes = Object.keys(keys)
    .map(Number)
    .filter((code) => keys[code] === key)
    .sort((a, b) => a - b)
  const code = codes[0]
  if (code === undefined) {
    const known = [...new Set(Object.values(keys))].sort().join(', ')
    throw new Error(`No key code is mapped to action "${key}" (mapped actions: ${known})`)
  }
  return code
}

/** Dispatches a keyboard event the way a browser does: at the focused DOM element, bubbling to window. */
export function dispatchKey(
  type: 'keydown' | 'keyup',
  keyCode: number,
  repeat = false,
  key?: string,
): KeyboardEvent {
  const event = new KeyboardEvent(type, {
    key: key ?? KEY_NAMES[keyCode] ?? 'Unidentified',
    repeat,
    bubbles: true,
    cancelable: true,
  })
  // jsdom (like Chromium) ignores keyCode/which in the event init; Lightning's keymap reads keyCode.
  Object.defineProperty(event, 'keyCode', { value: keyCode })
  Object.defineProperty(event, 'which', { value: keyCode })
  const target = document.activeElement ?? document.body
  target.dispatchEvent(event)
  return event
}

export function mountApp<C extends Lightning.Component>(
  type: Lightning.Component.Constructor<C>,
  options: MountOptions = {},
): MountedApp<C> {
  const keys: KeyMap = { ...(options.keys ?? SDK_DEFAULT_KEYS) }
  const w = options.w ?? 1920
  const h = options.h ?? 1080

  class HarnessApp extends Lightning.Application {
    static override _template(): Lightning.Component.Template<Lightning.Application.TemplateSpecLoose> {
      return { w, h, [SUBJECT_REF]: { type, ...options.props } }
    }

    override _getFocused(): Lightning.Component {
      return this.tag(SUBJECT_REF) as Lightning.Component
    }
  }

  const app = new HarnessApp({
    stage: {
      w,
      h,
      clearColor: 0x00000000,
      autostart: false,
      useImageWorker: false,
      // Lightning's frame time is in seconds.
      fixedDt: (options.frameMs ?? INSTANT_FRAME_MS) / 1000,
    },
    keys,
    debug: false,
  })
  const stage = app.stage
  const canvas = stage.getCanvas() as HTMLCanvasElement
  document.body.appendChild(canvas)
  const component = app.tag(SUBJECT_REF) as unknown as C
  let destroyed = false

  const step = (frames = 1): void => {
    if (destroyed) throw new Error('mountApp: step() after destroy()')
    for (let i = 0; i < frames; i++) stage.drawFrame()
  }

  const keyDown = (key: number | string, keyOptions: KeyOptions = {}): void => {
    dispatchKey('keydown', keyCodeFor(keys, key), keyOptions.repeat ?? false, keyOptions.key)
  }

  const keyUp = (key: number | string): void => {
    dispatchKey('keyup', keyCodeFor(keys, key))
  }

  const focusPath = (): Lightning.Component[] => [...(app.focusPath ?? [])]

  step()

  return {
    app,
    stage,
    component,
    canvas,
    keys,
    press(key, times = 1) {
      for (let i = 0; i < times; i++) {
        keyDown(key)
        keyUp(key)
        step()
      }
    },
    keyDown,
    keyUp,
    step,
    focused() {
      const path = focusPath()
      return path[path.length - 1]
    },
    focusPath,
    destroy() {
      if (destroyed) return
      destroyed = true
      app.destroy()
      canvas.remove()
    },
  }
}
