import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from './context'
import { installTestHook, type AppSnapshot, type StageBox, type TestHook } from './testHook'
import { accountTextures } from './textureAccount'
import { readTextureSources } from './textureProbe'
import { lastFrameQuads, screensFilled } from './fillProbe'
import { isSkippedItem } from '../screens/Diagnostics/skipped'

/** Posters fully visible in the first rail at 1920 px: what "home drawn" waits for. */
const HOME_POSTERS_ON_SCREEN = 8

interface SnapshotPage {
  snapshot?: () => unknown
}

/** What only the App knows, read when a snapshot is taken. */
export interface AppProbeReader {
  overlay: string | null
  configProblems: { path: string; message: string }[]
  pin: unknown
  consent: unknown
  notice: string
  toast: string
  loading: string
}

type ArtworkKind = 'poster' | 'backdrop'

/**
 * The App's side of the test hook: the benchmark's marks (home drawn, booted), the artwork and
 * key counters, and the snapshot the e2e tests read. The App makes one only in builds with test
 * hooks (buildFlags.TEST_HOOKS), so none of this reaches an operator's package.
 */
export class AppProbe {
  private readonly _hook: TestHook
  private readonly _artwork = { poster: 0, backdrop: 0 }
  private readonly _artworkFailed = { poster: 0, backdrop: 0 }
  /** The stage's element count, walked at most once a second: tests poll snapshots often. */
  private _elements = { count: 0, at: -Infinity }
  private readonly _keys = {
    lastAction: null as string | null,
    lastLongPress: null as string | null,
    dropped: 0,
  }

  constructor(
    private readonly _app: Lightning.Component,
    private readonly _context: AppContext,
    private readonly _read: () => AppProbeReader,
  ) {
    this._hook = installTestHook(() => this._snapshot())
    this._hook.textures = () => accountTextures(readTextureSources(this._app.stage))
    this._hook.marks.appSetup = performance.now()
  }

  keyDropped(): void {
    this._keys.dropped++
  }

  keyPassed(action: string, longPress: string | null): void {
    this._keys.lastAction = action
    if (longPress) this._keys.lastLongPress = longPress
  }

  /** Artwork that will not come is drawn as a card at once: it settles but is not "loaded". */
  artwork(kind: ArtworkKind, loaded: boolean): void {
    if (loaded) this._artwork[kind]++
    else this._artworkFailed[kind]++
    const settled = (of: ArtworkKind) => this._artwork[of] + this._artworkFailed[of]
    if (
      !this._hook.marks.homeArtwork &&
      settled('backdrop') > 0 &&
      settled('poster') >= HOME_POSTERS_ON_SCREEN
    ) {
      this._hook.marks.homeArtwork = performance.now()
    }
  }

  homeUpdated(): void {
    this._hook.marks.homeContent ??= performance.now()
  }

  booted(): void {
    this._hook.marks.booted = performance.now()
    this._hook.ready = true
  }

  private _snapshot(): Omit<AppSnapshot, 'marks' | 'ready'> {
    const context = this._context
    const app = this._app
    const read = this._read()
    const { state } = context.catalogue.value
    const page = Router.getActivePage() as (Lightning.Component & SnapshotPage) | null
    return {
      route: Router.getActiveHash() ?? '',
      navigating: Router.isNavigating(),
      language: context.ui.value.language,
      overlay: read.overlay,
      toast: read.toast,
      pin: read.pin,
      consent: read.consent,
      profile: { id: context.profiles.active.id, kids: context.profiles.active.kids },
      catalogue: {
        status: state.status,
        titles: state.status === 'ready' ? state.catalogue.size : 0,
        // Items skipped, as the household's and the operator's screens count them: not a
        // category that matched nothing or a rail page that failed.
        skipped:
          state.status === 'ready' ? state.catalogue.problems.filter(isSkippedItem).length : 0,
        problem: state.status === 'error' ? state.problem.message : undefined,
        source: state.status === 'ready' ? (state.source ?? 'network') : undefined,
        cachedAt: state.status === 'ready' ? state.cachedAt : undefined,
        notice: read.notice,
        loading: read.loading,
      },
      configProblems: read.configProblems,
      page: page?.snapshot?.() ?? null,
      focusBox: focusBox(app),
      overlayBoxes: read.overlay ? overlayBoxes(app.tag('Overlay') as Lightning.Component) : null,
      overlayText: read.overlay ? overlayText(app.tag('Overlay') as Lightning.Component) : null,
      keys: { ...this._keys },
      render: {
        textureMemory: app.stage.textureManager.usedMemory,
        frames: app.stage.frameCounter,
        postersLoaded: this._artwork.poster,
        backdropsLoaded: this._artwork.backdrop,
        elements: this._elementCount(),
        fill: screensFilled(lastFrameQuads(app.stage), 1920, 1080),
      },
    }
  }

  private _elementCount(): number {
    const now = performance.now()
    if (now - this._elements.at >= 1000) {
      this._elements = { count: countElements(this._app.stage.root), at: now }
    }
    return this._elements.count
  }
}

/**
 * Where the focused element is drawn (screen pixels at 1920x1080, scale included), so an e2e test
 * can check the frame itself shows the focus where the app says it is.
 */
function focusBox(app: Lightning.Component): StageBox | null {
  const path = app.application.focusPath
  return boxOf(path?.[path.length - 1])
}

function overlayBoxes(overlay: Lightning.Component | undefined): AppSnapshot['overlayBoxes'] {
  const part = (ref: string) => boxOf(overlay?.tag(ref) as Lightning.Element | undefined)
  return {
    panel: part('Panel'),
    title: part('Panel.Title'),
    message: part('Panel.Message'),
    buttons: part('Panel.Buttons'),
  }
}

function overlayText(overlay: Lightning.Component | undefined): AppSnapshot['overlayText'] {
  const words = (ref: string) => {
    const text = (overlay?.tag(ref) as Lightning.Element | undefined)?.text?.text
    return typeof text === 'string' ? text : ''
  }
  return { title: words('Panel.Title'), message: words('Panel.Message') }
}

function boxOf(element: Lightning.Element | undefined): StageBox | null {
  const corners = element?.core?.getCornerPoints() as number[] | undefined
  if (!corners) return null
  const xs = [corners[0]!, corners[2]!, corners[4]!, corners[6]!]
  const ys = [corners[1]!, corners[3]!, corners[5]!, corners[7]!]
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y }
}

function countElements(element: Lightning.Element): number {
  let count = 1
  for (const child of element.childList?.get() ?? [])
    count += countElements(child as Lightning.Element)
  return count
}
