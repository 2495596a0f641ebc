import { FULL_PROFILE } from '../../performance/renderProfile'
import { fireUp } from '../../components/fire'
import { Lightning, Router, Utils } from '@lightningjs/sdk'
import { BehaviorSubject, type Subscription } from 'rxjs'
import { readyCatalogue, type AppContext } from '../../app/context'
import type { RailSpec } from '../../catalogue/rails'
import type { Title } from '../../catalogue/schema'
import ButtonRow from '../../components/ButtonRow'
import Hero, { HERO_INFO_BOTTOM, heroModel } from '../../components/Hero'
import MessagePanel from '../../components/MessagePanel'
import Rail, { listOf, type ModelList } from '../../components/Rail'
import { theme, SAFE_WIDTH } from '../../components/theme'
import Tile, { TILE, tileModel, type TileLook, type TileModel } from '../../components/Tile'
import { TileModelCache } from './tileModelCache'
import { FocusMemory } from '../../focus/FocusMemory'
import type { RailGeometry } from '../../focus/railLayout'
import { refocusRails } from '../../focus/railsChange'
import { homeView$, unknownSavedIds$, type HomeView } from '../../state/selectors'
import { emptyHomeModel, type EmptyHomeAction } from './emptyHomeModel'
import { isSvg, measureImage } from '../../brand/logo'
import { brandWrapWidth } from './brandWidth'
import { rightsKnowledge } from '../../entitlements/store'

const EMPTY_ACTION_LABELS: Record<EmptyHomeAction, string> = {
  live: 'menu.live',
  retry: 'error.retry',
  settings: 'menu.settings',
}

/** The focused rail's label: just below the billboard's text, which is bounded to end above it. */
const RAILS_TOP = HERO_INFO_BOTTOM + 20
const RAIL_PITCH = 430
const GEOMETRY: RailGeometry = {
  x: theme.safe.x,
  tileWidth: TILE.w,
  tileHeight: TILE.h,
  gap: 26,
  viewportWidth: 1920,
}
/** The billboard follows focus after this pause, so scrolling fast loads no backdrops. */
const HERO_DELAY_MS = 160
/**
 * A rail's next page is asked for when focus comes this close to its last tile: about two screens
 * ahead, so on a normal connection the page is there before the household reaches the end.
 */
const GROW_AHEAD = 14
/**
 * OK on a tile acts on release, so that holding it can add the title to My list instead. A box that
 * never sends the release still opens the title after this long.
 */
const ENTER_RELEASE_FALLBACK_MS = 1500
/** Posters a screen shows of the focused rail (the ninth starts past the right edge). */
const POSTERS_ON_SCREEN = Math.floor(
  (GEOMETRY.viewportWidth - GEOMETRY.x) / (GEOMETRY.tileWidth + GEOMETRY.gap),
)
/** The rails below the first screen get their tiles after this long even if artwork is slow. */
const HOLD_BELOW_MAX_MS = 2500

type TileRail = Rail<TileModel>
/** 'empty': the catalogue loaded but has nothing to show, and a message says why. */
type Area = 'rails' | 'topbar' | 'empty'

export interface HomeSnapshot {
  screen: 'home'
  area: Area
  /** The top bar's focused button ('live', 'guide', 'settings'...) while the top bar has focus. */
  topBar: string | undefined
  /** The top bar's buttons, in order. */
  topBarIds: string[]
  railIndex: number
  railId: string
  index: number
  first: number
  itemId: string | undefined
  heroId: string | undefined
  /** What the billboard says of the focused title's offer ("Louer 5,99 € · 48 h"). */
  heroOffer: string | undefined
  /** The badges of the focused rail's first tiles, '' where a tile has none. */
  badges: string[]
  /** Where the billboard's text ends and the focused rail's label starts. */
  heroLayout: { titleLines: number; synopsisLines: number; bottom: number; railsTop: number }
  /** What a long OK just did ("Ajouté à ma liste"), until focus moves. */
  listNotice: string
  rails: {
    id: string
    label: string
    count: number
    rendered: number
    complete: boolean
    /** False while the rail waits for the first screen's artwork before drawing its tiles. */
    tilesShown: boolean
    /** The first title ids of the rail, for tests to check what is on offer. */
    ids: string[]
  }[]
  /** The message shown instead of rails, or null while there are rails (or nothing loaded yet). */
  empty: {
    title: string
    lines: string[]
    focused: string | undefined
    /** Where the panel draws its parts, to check that none is drawn over another. */
    layout: MessagePanel['layout']
  } | null
}

/**
 * Home: a billboard for the focused title and rails of titles. Rails are virtualised both ways:
 * only rails near the focused one exist, and inside each only tiles near the viewport. Focus is
 * remembered per rail (index and scroll) and survives going to details and back.
 */
export default class Home extends Lightning.Component {
  private _context?: AppContext
  private _specs: RailSpec[] = []
  private _railIndex = 0
  private _area: Area = 'rails'
  private _memory = new FocusMemory()
  private _rails = new Map<number, TileRail>()
  private _heroTimer?: ReturnType<typeof setTimeout>
  private _subscriptions: Subscription[] = []
  private _tiles = new TileModelCache((title) => {
    const context = this._context!
    return tileModel(title, context.contentOrder(), context.t, context.entitlements.access(title))
  })
  private _view: HomeView = { ready: false, rails: [] }
  /** Saved titles on no loaded rail that were asked of the backend (once each). */
  private _lookedUp = new Set<string>()
  /** Re-derives home once a saved title was found by asking the backend. */
  private readonly _found$ = new BehaviorSubject<void>(undefined)
  private _growth?: Subscription
  /** The tile OK went down on, until its release (details) or long-press (My list). */
  private _pressedId: string | undefined
  private _enterTimer?: ReturnType<typeof setTimeout>
  /** "Ajouté à ma liste": said after a long OK, cleared by the next move. */
  private _listNotice = ''
  /** The first live channel of the operator's list: the Live TV button tunes to it. */
  private _firstChannel?: string
  /**
   * Until the household first moves, artwork shows without a fade: the first screen appears as a
   * whole, and fades only put off the moment home looks finished. Later images fade in.
   */
  private _fadeIn = false
  /**
   * Until the first screen's artwork has settled (billboard and the posters on screen), rails
   * below it show their label but not their tiles: the next rail peeks in by a few pixels, and its
   * posters were fetched, decoded and uploaded with the first screen's, making home look finished
   * later. They get their tiles once that screen is done, at the first key, or after a delay.
   */
  private _holdBelow = true
  private _firstScreen = { posters: 0, backdrop: false }
  private _holdTimer?: ReturnType<typeof setTimeout>

  static override _template(): Lightning.Component.Template {
    return {
      // No background rectangle: the stage clears to the background (src/app/stageBackground.ts).
      w: 1920,
      h: 1080,
      Hero: { type: Hero },
      Rails: { y: RAILS_TOP },
      TopBar: {
        x: theme.safe.x,
        y: theme.safe.y - 20,
        w: SAFE_WIDTH,
        Brand: {
          y: 16,
          color: theme.colors.accent,
          text: {
            text: '',
            fontFace: theme.font,
            fontSize: 34,
            fontStyle: 'bold',
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
        // The operator's logo (appSettings.brand.logo) at its own size, in place of the name.
        Logo: { visible: false },
        Menu: { x: SAFE_WIDTH, mountX: 1, type: ButtonRow },
      },
      Empty: { type: MessagePanel, x: 960, y: 560, mount: 0.5, visible: false },
    }
  }

  /** The logo replaces the name once drawn; a file that does not load leaves the name. */
  private _showLogo(logo: string): void {
    if (!logo) return
    const element = this.tag('TopBar.Logo')
    element.on('txLoaded', () => {
      element.alpha = 1
      this.tag('TopBar.Brand').visible = false
    })
    element.on('txError', () => {
      element.visible = false
      this.tag('TopBar.Brand').visible = true
    })
    // Not quite transparent: Lightning loads no texture for an element it does not draw.
    element.patch({ visible: true, alpha: 0.001 })
    const url = Utils.asset(logo)
    if (!isSvg(logo)) {
      element.src = url
      return
    }
    measureImage(url).then(
      ({ w, h }) => {
        element.patch({ w, h, texture: Lightning.Tools.getSvgTexture(url, w, h) })
      },
      () => element.emit('txError'),
    )
  }

  /** Called by the route with the app context; idempotent. */
  bind(context: AppContext): void {
    if (this._context === context) return
    this._context = context
    ;(this.tag('Hero') as Hero).lite = context.render.lite
    ;(this.tag('Hero') as Hero).fadeIn = this._fadeIn
    const brand = this.tag('TopBar.Brand')
    brand.text.text = context.config.brand.name
    // An operator's long name is cut short of the menu rather than drawn under it; a name that
    // fits is drawn once, as it is.
    const fitBrand = () => {
      const wrap = brandWrapWidth(
        SAFE_WIDTH,
        this.tag('TopBar.Menu').w,
        brand.renderWidth,
        brand.text.wordWrapWidth,
      )
      if (wrap !== undefined) brand.text.wordWrapWidth = wrap
    }
    brand.on('txLoaded', fitBrand)
    this.tag('TopBar.Menu').on('resized', fitBrand)
    this._showLogo(context.config.brand.logo)
    this._subscriptions.push(
      homeView$(context, this._found$).subscribe((view) => {
        this._view = view
        this._loadRails()
      }),
      unknownSavedIds$(context).subscribe((ids) => this._lookUpSaved(ids)),
      context.profiles.active$.subscribe(() => this._translate()),
      // Badges say what applies to the household: a rental or a pass changes them, and so do
      // rights becoming known (no badge to buy while they are not) or failing to be.
      context.entitlements.select((s) => s.holdings).subscribe(() => this._translate()),
      context.entitlements.select(rightsKnowledge).subscribe(() => this._translate()),
      context.ui.select((s) => s.language).subscribe(() => this._translate()),
      context.catalogue
        .select((s) => s.state.status)
        .subscribe((status) => {
          if (status === 'ready') void this._findLiveTv(context)
        }),
    )
  }

  snapshot(): HomeSnapshot {
    const rail = this._rails.get(this._railIndex)
    return {
      screen: 'home',
      area: this._area,
      topBar:
        this._area === 'topbar' ? (this.tag('TopBar.Menu') as ButtonRow).focusedId : undefined,
      topBarIds: (this.tag('TopBar.Menu') as ButtonRow).ids,
      railIndex: this._railIndex,
      railId: this._specs[this._railIndex]?.id ?? '',
      index: rail?.index ?? 0,
      first: rail?.first ?? 0,
      itemId: rail?.focusedModel?.id,
      heroId: (this.tag('Hero') as Hero).model?.id,
      heroOffer: (this.tag('Hero') as Hero).model?.offer,
      badges: (this._specs[this._railIndex]?.items.slice(0, 10) ?? []).map(
        (title) => this._tiles.model(title).badge?.label ?? '',
      ),
      heroLayout: {
        ...(this.tag('Hero') as Hero).layout,
        railsTop: this.tag('Rails').finalY + (rail?.finalY ?? 0),
      },
      listNotice: this._listNotice,
      rails: this._specs.map((spec, i) => ({
        id: spec.id,
        label: this._railLabel(spec),
        count: spec.items.length,
        rendered: this._rails.get(i)?.renderedCount ?? 0,
        complete: !spec.next,
        tilesShown: this._rails.get(i)?.tilesShown ?? false,
        ids: spec.items.slice(0, 40).map((title) => title.id),
      })),
      empty: this._emptyShown()
        ? {
            title: this._emptyPanel().content.title,
            lines: this._emptyPanel().content.lines,
            focused: this._emptyPanel().focusedId,
            layout: this._emptyPanel().layout,
          }
        : null,
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._area === 'topbar') return this.tag('TopBar.Menu')
    if (this._area === 'empty') return this._emptyPanel()
    return this._rails.get(this._railIndex)
  }

  override _detach(): void {
    clearTimeout(this._holdTimer)
    clearTimeout(this._heroTimer)
    clearTimeout(this._enterTimer)
    this._pressedId = undefined
  }

  override _inactive(): void {
    clearTimeout(this._heroTimer)
    clearTimeout(this._enterTimer)
    this._pressedId = undefined
  }

  override _handleUp(): boolean {
    if (this._area === 'topbar') return true
    if (this._railIndex === 0) {
      this._area = 'topbar'
      this._refocus()
      return true
    }
    this._moveToRail(this._railIndex - 1)
    return true
  }

  override _handleDown(): boolean {
    if (this._area === 'topbar') {
      this._area = this._contentArea()
      this._refocus()
      return true
    }
    if (this._railIndex < this._specs.length - 1) this._moveToRail(this._railIndex + 1)
    return true
  }

  override _handleEnter(event?: KeyboardEvent): boolean {
    const item = this._rails.get(this._railIndex)?.focusedModel
    // Auto-repeats of a held OK are the long-press on its way, not new presses.
    if (this._area !== 'rails' || !item || event?.repeat) return true
    this._pressedId = item.id
    clearTimeout(this._enterTimer)
    this._enterTimer = setTimeout(() => this._openPressed(), ENTER_RELEASE_FALLBACK_MS)
    return true
  }

  override _handleEnterRelease(): boolean {
    this._openPressed()
    return true
  }

  /** A long OK on a tile puts the title in My list, or takes it out. */
  _handleEnterLong(): boolean {
    const id = this._pressedId
    this._pressedId = undefined
    clearTimeout(this._enterTimer)
    if (!id || !this._context) return true
    const added = this._context.myList.toggle(id)
    this._listNotice = this._t(added ? 'myList.added' : 'myList.removed')
    fireUp(this, '$toast', this._listNotice)
    return true
  }

  private _openPressed(): void {
    clearTimeout(this._enterTimer)
    const id = this._pressedId
    this._pressedId = undefined
    if (id) Router.navigate(`details/${id}`)
  }

  _handleMenu(): boolean {
    Router.navigate('settings')
    return true
  }

  override _handleBack(): boolean {
    if (this._area === 'topbar') {
      this._area = this._contentArea()
      this._refocus()
      return true
    }
    fireUp(this, '$requestExit')
    return true
  }

  $buttonPressed(id: string): void {
    if (id === 'settings') Router.navigate('settings')
    else if (id === 'profiles') Router.navigate('profiles')
    else if (id === 'search') Router.navigate('search')
    else if (id === 'retry') void this._context?.reloadCatalogue()
    else if (id === 'live' && this._firstChannel) Router.navigate(`live/${this._firstChannel}`)
    else if (id === 'guide') Router.navigate('guide')
  }

  /** Artwork of the first screen settles; the app hears of it too (start marks). */
  $artworkLoaded(kind: 'poster' | 'backdrop'): void {
    this._artworkSettled(kind)
    fireUp(this, '$artworkLoaded', kind)
  }

  $artworkFailed(kind: 'poster' | 'backdrop'): void {
    this._artworkSettled(kind)
    fireUp(this, '$artworkFailed', kind)
  }

  private _artworkSettled(kind: 'poster' | 'backdrop'): void {
    if (!this._holdBelow) return
    if (kind === 'backdrop') this._firstScreen.backdrop = true
    else this._firstScreen.posters++
    const onScreen = Math.min(POSTERS_ON_SCREEN, this._specs[this._railIndex]?.items.length ?? 0)
    if (this._firstScreen.backdrop && this._firstScreen.posters >= onScreen) this._releaseBelow()
  }

  private _releaseBelow(): void {
    clearTimeout(this._holdTimer)
    if (!this._holdBelow) return
    this._holdBelow = false
    this._rails.forEach((rail) => (rail.tilesShown = true))
  }

  $railFocusChanged(rail: TileRail): void {
    this._releaseBelow()
    this._startFading()
    this._listNotice = ''
    this._memory.set(rail.railId, { index: rail.index, first: rail.first })
    this._scheduleHero()
    this._growIfNearEnd(rail)
  }

  private _growIfNearEnd(rail: TileRail): void {
    const context = this._context
    if (!context || rail.count - rail.index > GROW_AHEAD) return
    if (context.canGrowRail(rail.railId)) void context.growRail(rail.railId)
  }

  /** A further page arrived: the rail on screen gets the new tiles, nothing else is rebuilt. */
  private _railGrew(spec: RailSpec): void {
    const index = this._specs.indexOf(spec)
    const rail = this._rails.get(index)
    if (!rail) return
    rail.grow(this._tileList(spec.items))
    fireUp(this, '$homeUpdated')
  }

  /** Offers Live TV on the top bar when the operator has channels (without live TV: no button). */
  private async _findLiveTv(context: AppContext): Promise<void> {
    const list = await context.liveChannels()
    const first = list.status === 'ok' ? list.channels[0]?.id : undefined
    if (first === this._firstChannel) return
    this._firstChannel = first
    this._translate()
  }

  private _t(key: string, values?: Record<string, string | number>): string {
    return this._context ? this._context.t(key, values) : key
  }

  private _railLabel(spec: RailSpec): string {
    return this._t(spec.titleKey, spec.titleValues)
  }

  private _loadRails(): void {
    // New rails from the catalogue, My list or progress: badges made again (a rental may have
    // ended since); moving between rails afterwards reuses them.
    this._tiles.clear()
    const catalogue = this._context && readyCatalogue(this._context)
    this._growth?.unsubscribe()
    this._growth = catalogue?.railGrew.subscribe((spec) => this._railGrew(spec))
    this._keepFocus(this._specs, this._view.rails)
    this._rails.forEach((rail) => this.tag('Rails').childList.remove(rail))
    this._rails.clear()
    this._renderRails(false)
    this._renderEmpty()
    this._updateHero()
    if (this._holdBelow && this._specs.length && this._holdTimer === undefined) {
      this._holdTimer = setTimeout(() => this._releaseBelow(), HOLD_BELOW_MAX_MS)
    }
  }

  /**
   * Rails came, went or changed (Continue watching after the player, My list after a long OK):
   * the focused rail and title keep focus where they now are, so the rail stays where it was on
   * screen (src/focus/railsChange.ts). The new position is what the rail is rebuilt with.
   */
  private _keepFocus(before: readonly RailSpec[], after: RailSpec[]): void {
    const previous = before[this._railIndex]
    const rail = this._rails.get(this._railIndex)
    this._specs = after
    const next = previous
      ? refocusRails(
          before,
          {
            railId: previous.id,
            itemId: rail?.focusedModel?.id,
            ...(rail ? { index: rail.index, first: rail.first } : this._memory.get(previous.id)),
          },
          after,
          (id) => this._memory.get(id),
          GEOMETRY,
        )
      : null
    this._railIndex = next?.railIndex ?? 0
    if (next) this._memory.set(after[next.railIndex]!.id, { index: next.index, first: next.first })
  }

  private _emptyPanel(): MessagePanel {
    return this.tag('Empty') as MessagePanel
  }

  private _emptyShown(): boolean {
    return this._emptyPanel().visible
  }

  private _contentArea(): Area {
    return this._emptyShown() ? 'empty' : 'rails'
  }

  /**
   * A loaded catalogue with nothing to show gets a message saying why (skipped items, titles out
   * of their window) with Retry focused, never a bare top bar.
   */
  private _renderEmpty(): void {
    const context = this._context
    const catalogue = context && readyCatalogue(context)
    const empty = Boolean(catalogue) && this._specs.length === 0
    const panel = this._emptyPanel()
    panel.visible = empty
    this.tag('Hero').visible = !empty
    if (context && catalogue && empty) {
      // A kids profile with nothing for its age is not a catalogue problem: say so, offer profiles.
      const kids = context.profiles.active.kids && catalogue.size > 0
      const model = kids
        ? {
            title: context.t('home.kidsEmpty.title'),
            lines: [context.t('home.kidsEmpty.help')],
          }
        : emptyHomeModel(
            catalogue,
            context.t,
            Boolean(this._firstChannel) && !context.profiles.active.kids,
          )
      const row = panel.content.buttons
      const labels =
        'actions' in model
          ? model.actions.map((id) => ({ id, label: context.t(EMPTY_ACTION_LABELS[id]) }))
          : [{ id: 'profiles', label: context.t('profile.switch') }]
      // Same buttons again (a language change, a retry): keep the one the household is on.
      panel.content = {
        title: model.title,
        lines: model.lines,
        buttons: labels,
        ...(row.length && row[0]!.id === labels[0]!.id ? {} : { focus: labels[0]!.id }),
      }
    }
    if (this._area !== 'topbar') this._area = this._contentArea()
    this._refocus()
  }

  /**
   * Saved titles that are on no loaded rail (a rail page not reached yet) are asked of the backend
   * once; when one is found, Continue watching is rebuilt with it.
   */
  private _lookUpSaved(ids: string[]): void {
    const context = this._context
    if (!context) return
    for (const id of ids) {
      if (this._lookedUp.has(id)) continue
      this._lookedUp.add(id)
      void context.findTitle(id).then((found) => {
        // An outage is asked again at the next rebuild; a missing title is not.
        if (found.status === 'failed') this._lookedUp.delete(id)
        if (found.status === 'found') this._found$.next()
      })
    }
  }

  private _tileList(items: readonly Title[]): ModelList<TileModel> {
    return this._context ? this._tiles.list(items) : listOf<TileModel>([])
  }

  private _translate(): void {
    this._tiles.clear()
    const profile = this._context?.profiles.active
    // Live channels carry no age rating per channel yet: a kids profile does not get Live TV.
    const live = this._firstChannel && !profile?.kids
    this.tag('TopBar.Menu').buttons = [
      ...(live ? [{ id: 'live', label: this._t('menu.live') }] : []),
      { id: 'settings', label: this._t('menu.settings') },
      // After the items earlier versions had, so the household's habits (and tests) still hold.
      { id: 'search', label: this._t('search.menu') },
      // After the items earlier versions had, as Search is.
      ...(live ? [{ id: 'guide', label: this._t('guide.menu') }] : []),
      // Last, where the big streaming apps put who is watching.
      ...(profile
        ? [{ id: 'profiles', label: profile.name || this._t('profile.defaultName') }]
        : []),
    ]
    this._rails.forEach((rail, i) => {
      const spec = this._specs[i]!
      rail.label = this._railLabel(spec)
      rail.source = this._tileList(spec.items)
    })
    this._renderEmpty()
    this._updateHero()
  }

  private _moveToRail(target: number): void {
    this._releaseBelow()
    this._startFading()
    const from = this._rails.get(this._railIndex)
    const fromRect = from?.focusedRect()
    this._railIndex = target
    this._renderRails(true)
    const rail = this._rails.get(target)
    if (rail && fromRect) rail.enterNearest(fromRect)
    this._refocus()
    this._scheduleHero()
  }

  /** Creates the rails in the vertical window, drops the others, and scrolls the column. */
  private _renderRails(animate: boolean): void {
    const host = this.tag('Rails')
    // Rails kept as elements around the focused one (fewer in lite mode); the others do not exist.
    const { railsBefore, railsAfter } = this._context?.render ?? FULL_PROFILE
    const first = Math.max(0, this._railIndex - railsBefore)
    const end = Math.min(this._specs.length, this._railIndex + railsAfter + 1)
    this._rails.forEach((rail, i) => {
      if (i < first || i >= end) {
        this._memory.set(rail.railId, { index: rail.index, first: rail.first })
        host.childList.remove(rail)
        this._rails.delete(i)
      }
    })
    for (let i = first; i < end; i++) {
      const spec = this._specs[i]!
      let rail = this._rails.get(i)
      if (!rail) {
        rail = this.stage.c({ type: Rail, y: i * RAIL_PITCH }) as TileRail
        rail.railId = spec.id
        rail.geometry = GEOMETRY
        rail.tileType = Tile
        rail.tileSettings = { look: this._tileLook() }
        if (this._holdBelow && i > this._railIndex) rail.tilesShown = false
        rail.label = this._railLabel(spec)
        host.childList.add(rail)
        rail.source = this._tileList(spec.items)
        const memory = this._memory.get(spec.id)
        rail.restore(memory.index, memory.first)
        this._rails.set(i, rail)
      }
      const alpha = i < this._railIndex ? 0 : 1
      if (animate) rail.setSmooth('alpha', alpha, { duration: theme.duration.scroll })
      else rail.alpha = alpha
    }
    const y = RAILS_TOP - this._railIndex * RAIL_PITCH
    if (animate) host.setSmooth('y', y, { duration: theme.duration.scroll })
    else host.patch({ smooth: { y: [y, { duration: 0 }] }, y })
  }

  private _tileLook(): TileLook {
    const render = this._context?.render ?? FULL_PROFILE
    return { posterScale: render.posterScale, captions: render.tileCaptions, fadeIn: this._fadeIn }
  }

  /** The household has moved: images from now on fade in, on the tiles already made too. */
  private _startFading(): void {
    if (this._fadeIn) return
    this._fadeIn = true
    ;(this.tag('Hero') as Hero).fadeIn = true
    this._rails.forEach((rail) => (rail.tileSettings = { look: this._tileLook() }))
  }

  private _scheduleHero(): void {
    clearTimeout(this._heroTimer)
    this._heroTimer = setTimeout(() => this._updateHero(), HERO_DELAY_MS)
  }

  private _updateHero(): void {
    const context = this._context
    const catalogue = context && readyCatalogue(context)
    const id = this._rails.get(this._railIndex)?.focusedModel?.id
    const title = id ? catalogue?.title(id) : undefined
    if (context && title) {
      ;(this.tag('Hero') as Hero).model = heroModel(
        title,
        context.contentOrder(),
        context.t,
        context.entitlements.access(title),
        context.zone,
      )
    }
    fireUp(this, '$homeUpdated')
  }
}
