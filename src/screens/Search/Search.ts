import { Lightning, Router } from '@lightningjs/sdk'
import { from, Subject, tap, type Subscription } from 'rxjs'
import { readyCatalogue, type AppContext } from '../../app/context'
import type { Title } from '../../catalogue/schema'
import ButtonRow from '../../components/ButtonRow'
import Keyboard, { type KeyboardSnapshot, type LayoutName } from '../../components/Keyboard'
import type { KeyPosition } from '../../components/Keyboard/navigation'
import { typedCharacter } from '../../components/Keyboard/typing'
import Rail from '../../components/Rail'
import { textStyle, theme, SAFE_WIDTH } from '../../components/theme'
import Tile, { TILE, tileModel, type TileModel } from '../../components/Tile'
import type { RailGeometry } from '../../focus/railLayout'
import { searchableBy } from '../../search/offered'
import { searchStates, type SearchState } from '../../search/pipeline'
import { viewerOf } from '../../state/homeRails'
import { queryLine, searchView, type SearchView } from './searchModel'
import { textWidth } from '../../components/textMeasure'
import { rightsKnowledge } from '../../entitlements/store'

/** The query field: one line, left of the message that counts the results. */
const QUERY_FONT_SIZE = 44
const QUERY_WIDTH = 960

/** Long enough to let a word be typed on a remote, short enough to feel like live results. */
export const SEARCH_DEBOUNCE_MS = 250
/** Suggestions taken from the head of the catalogue's first rail. */
const SUGGESTIONS = 12
const QUERY_MAX = 40

const GEOMETRY: RailGeometry = {
  x: theme.safe.x,
  tileWidth: TILE.w,
  tileHeight: TILE.h,
  gap: 26,
  viewportWidth: 1920,
}

type Area = 'keyboard' | 'recent' | 'results'

export interface SearchSnapshot {
  screen: 'search'
  area: Area
  query: string
  status: SearchState['status']
  message: string
  showing: SearchView['showing']
  railLabel: string
  /** Ids of the titles on the rail, in order. */
  ids: string[]
  /** How many tiles exist as elements (virtualisation). */
  rendered: number
  /** The badges of the first results, '' where a tile has none. */
  badges: string[]
  itemId: string | undefined
  recent: string[]
  recentFocused: string | undefined
  keyboard: KeyboardSnapshot
  /** performance.now() when the query was sent and when its results were put on screen. */
  timing: { query: string; sentAt: number; shownAt: number } | null
}

/**
 * Search: the on-screen keyboard, the query above it, results as a rail of tiles below it, and
 * above it the profile's recent searches while nothing is typed. Results follow typing (see
 * search/pipeline.ts); Down leaves the keyboard for the results, Up comes back to the key last
 * typed, and so does Back; OK on a result opens its details and remembers the search.
 */
export default class Search extends Lightning.Component {
  private _context?: AppContext
  private _area: Area = 'keyboard'
  private readonly _queries = new Subject<string>()
  private _searchState: SearchState = { status: 'empty' }
  private _view?: SearchView
  private _subscriptions: Subscription[] = []
  /** The key that last changed the text: where Up from the results lands. */
  private _lastKey?: KeyPosition
  /** Up just came from the results: a Down now goes straight back (_captureDown). */
  private _upFromResults = false
  private _sent = { query: '', at: 0 }
  private _timing: SearchSnapshot['timing'] = null

  static override _template(): Lightning.Component.Template {
    return {
      // No background rectangle: the stage clears to it (src/app/stageBackground.ts).
      w: 1920,
      h: 1080,
      Query: {
        x: theme.safe.x,
        y: 40,
        color: theme.colors.onBackground,
        ...textStyle(QUERY_FONT_SIZE, {
          wordWrapWidth: QUERY_WIDTH,
          maxLines: 1,
          textOverflow: 'ellipsis',
        }),
      },
      Message: {
        x: 1110,
        y: 54,
        color: theme.colors.textDim,
        ...textStyle(28, { wordWrapWidth: 1920 - 1110 - theme.safe.x, maxLines: 2 }),
      },
      RecentLabel: { x: theme.safe.x, y: 112, color: theme.colors.textDim, ...textStyle(22) },
      Recent: {
        x: theme.safe.x,
        y: 140,
        w: SAFE_WIDTH,
        h: 90,
        clipping: true,
        Row: { y: 6, type: ButtonRow },
      },
      Keyboard: { type: Keyboard, x: theme.safe.x, y: 246 },
      Results: { type: Rail, y: 664 },
    }
  }

  override _init(): void {
    const rail = this._rail()
    rail.geometry = GEOMETRY
    rail.tileType = Tile
    rail.railId = 'search'
  }

  /** Called by the route; `query` comes from a deep link (#search/<query>). */
  bind(context: AppContext, query?: string): void {
    if (this._context !== context) {
      this._context = context
      this._keyboard().layout = keyboardLayout(context.config)
      this._keyboard().maxLength = QUERY_MAX
      this._subscriptions.push(
        searchStates(
          this._queries,
          (text, signal) => {
            this._sent = { query: text, at: performance.now() }
            return from(context.search(text, signal))
          },
          { debounceMs: SEARCH_DEBOUNCE_MS },
        )
          .pipe(tap((state) => this._apply(state)))
          .subscribe(),
        context.recentSearches.store.select((s) => s.queries).subscribe(() => this._renderRecent()),
        context.ui.select((s) => s.language).subscribe(() => this._translate()),
        context.profiles.active$.subscribe(() => this._render()),
        context.catalogue.select((s) => s.state).subscribe(() => this._render()),
        // Badges: none to buy until the household's rights are known; a rental or a pass taken
        // from the results' details (or bought on another screen) changes them.
        context.entitlements.select(rightsKnowledge).subscribe(() => this._render()),
        context.entitlements.select((s) => s.holdings).subscribe(() => this._render()),
      )
      context.prepareSearch()
    }
    if (query !== undefined) this._setQuery(query)
  }

  snapshot(): SearchSnapshot {
    const view = this._view
    const row = this.tag('Recent.Row') as ButtonRow
    return {
      screen: 'search',
      area: this._area,
      query: this._keyboard().value,
      status: this._searchState.status,
      message: view?.message ?? '',
      showing: view?.showing ?? 'none',
      railLabel: view?.railLabel ?? '',
      ids: this._rail().models.map((model) => model.id),
      rendered: this._rail().renderedCount,
      badges: this._rail()
        .models.slice(0, 10)
        .map((model) => model.badge?.label ?? ''),
      itemId: this._rail().focusedModel?.id,
      recent: this._recentQueries(),
      recentFocused: this._area === 'recent' ? this._recentAt(row.index) : undefined,
      keyboard: this._keyboard().snapshot(),
      timing: this._timing,
    }
  }

  override _getFocused(): Lightning.Component | undefined {
    if (this._area === 'results') return this._rail()
    if (this._area === 'recent') return this.tag('Recent.Row')
    return this._keyboard()
  }

  /** Bubbled from the keyboard's bottom row, or from the recent searches. */
  override _handleDown(): boolean {
    if (this._area === 'recent') this._moveTo('keyboard')
    else if (this._area === 'keyboard' && this._rail().models.length) this._moveTo('results')
    return true
  }

  override _handleUp(): boolean {
    if (this._area === 'results') {
      if (this._lastKey) this._keyboard().position = this._lastKey
      this._moveTo('keyboard')
      this._upFromResults = true
    } else if (this._area === 'keyboard' && this._recentShown()) this._moveTo('recent')
    return true
  }

  /**
   * Down right after Up from the results goes back to them, whichever row the key last typed is
   * on: Up and Down are a glance at the query, not a walk through the keyboard. Any other key
   * ends that (the keyboard then takes Down as a move between its rows).
   */
  override _captureDown(): boolean {
    const back = this._upFromResults && this._area === 'keyboard' && this._rail().models.length > 0
    this._upFromResults = false
    if (back) this._moveTo('results')
    return back
  }

  override _captureKey(): boolean {
    this._upFromResults = false
    return false
  }

  /**
   * Back from the results or the recent searches returns to the keyboard, as Up does, so a
   * household that browsed the results can refine its search; Back on the keyboard leaves search.
   */
  override _handleBack(): boolean {
    if (this._area === 'keyboard') return false
    if (this._area === 'results' && this._lastKey) this._keyboard().position = this._lastKey
    this._moveTo('keyboard')
    return true
  }

  /** A letter or sign typed on a plugged-in keyboard while browsing the results refines the search. */
  override _handleKey(event?: KeyboardEvent): boolean {
    const letter = event && this._area !== 'keyboard' ? typedCharacter(event) : null
    if (letter === null) return false
    if (this._area === 'results' && this._lastKey) this._keyboard().position = this._lastKey
    this._moveTo('keyboard')
    this._keyboard().typeKey(letter, true)
    return true
  }

  override _handleEnter(): boolean {
    const id = this._rail().focusedModel?.id
    if (this._area !== 'results' || !id) return false
    if (this._view?.showing === 'results' && this._searchState.status === 'results')
      this._context?.recentSearches.remember(this._searchState.query)
    Router.navigate(`details/${id}`)
    return true
  }

  /** A held OK on a recent search removes it, as the Red key does. */
  _handleEnterLong(): boolean {
    return this._forgetFocusedRecent()
  }

  _handleRed(): boolean {
    return this._forgetFocusedRecent()
  }

  $keyboardInput(value: string): void {
    this._lastKey = this._keyboard().snapshot().position
    this._queries.next(value)
    this._renderQuery()
  }

  $keyboardDone(): void {
    if (this._rail().models.length) this._moveTo('results')
  }

  /** A recent search chosen: it is typed again, and its results follow. */
  $buttonPressed(id: string): void {
    const query = this._recentAt(Number(id.replace('recent-', '')))
    if (query === undefined) return
    this._setQuery(query)
    this._moveTo('keyboard')
    // Up or Back from its results comes back here, not to the key typed before the recall: one OK
    // on that key ("Tout effacer", after clearing the search to see the recent ones) wiped it.
    this._lastKey = this._keyboard().snapshot().position
  }

  $rowFocusChanged(): void {
    this._scrollRecent()
  }

  private _setQuery(query: string): void {
    this._keyboard().value = query
    this._queries.next(this._keyboard().value)
    this._renderQuery()
  }

  private _forgetFocusedRecent(): boolean {
    if (this._area !== 'recent' || !this._context) return false
    const row = this.tag('Recent.Row') as ButtonRow
    const query = this._recentAt(row.index)
    if (query !== undefined) this._context.recentSearches.forget(query)
    if (!this._recentShown()) this._moveTo('keyboard')
    return true
  }

  private _apply(state: SearchState): void {
    this._searchState = state
    this._render()
    if (state.status === 'results' || state.status === 'failed') {
      this._timing = {
        query: state.query,
        sentAt: this._sent.query === state.query ? this._sent.at : 0,
        shownAt: performance.now(),
      }
    }
  }

  private _translate(): void {
    const t = this._t
    this._keyboard().labels = {
      space: t('keyboard.space'),
      delete: t('keyboard.delete'),
      clear: t('keyboard.clear'),
      done: t('keyboard.done'),
    }
    this.tag('RecentLabel').text.text = t('search.recent')
    this._renderQuery()
    this._render()
  }

  private readonly _t = (key: string, values?: Record<string, string | number>): string =>
    this._context ? this._context.t(key, values) : key

  private _renderQuery(): void {
    const value = this._keyboard().value
    const query = this.tag('Query')
    query.text.text = value
      ? queryLine(value, QUERY_WIDTH, (text) => textWidth(text, theme.font, QUERY_FONT_SIZE))
      : this._t('search.placeholder')
    query.color = value ? theme.colors.text : theme.colors.textDim
    this._renderRecent()
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const view = searchView(this._searchState, this._view, this._suggestions(context), this._t)
    this._view = view
    this.tag('Message').text.text = view.message
    const rail = this._rail()
    rail.visible = view.showing !== 'none'
    rail.label = view.railLabel
    rail.models = view.titles.map((title) => this._tile(context, title))
    if (this._area === 'results' && rail.models.length === 0) this._moveTo('keyboard')
  }

  private _tile(context: AppContext, title: Title): TileModel {
    return tileModel(title, context.contentOrder(), context.t, context.entitlements.access(title))
  }

  /** A few titles of the catalogue's first rail that this profile may see. */
  private _suggestions(context: AppContext): Title[] {
    const catalogue = readyCatalogue(context)
    const first = catalogue?.rails[0]
    if (!first) return []
    const accept = searchableBy(
      viewerOf(context.profiles.active),
      context.platform.wallClock(),
      context.config.catalogue.upcoming,
    )
    return first.items.filter(accept).slice(0, SUGGESTIONS)
  }

  private _recentQueries(): string[] {
    return this._context?.recentSearches.queries ?? []
  }

  private _recentAt(index: number): string | undefined {
    return this._recentQueries()[index]
  }

  /** Recent searches show while nothing is typed, as the big apps do. */
  private _recentShown(): boolean {
    return this._keyboard().value === '' && this._recentQueries().length > 0
  }

  private _renderRecent(): void {
    const shown = this._recentShown()
    this.tag('Recent').visible = shown
    this.tag('RecentLabel').visible = shown
    const row = this.tag('Recent.Row') as ButtonRow
    const focused = row.index
    row.buttons = this._recentQueries().map((query, i) => ({ id: `recent-${i}`, label: query }))
    if (shown) row.focusOn(`recent-${Math.min(focused, this._recentQueries().length - 1)}`)
    if (!shown && this._area === 'recent') this._moveTo('keyboard')
    this._scrollRecent()
  }

  /** The row is wider than the screen with ten searches: it slides to keep the focused one in. */
  private _scrollRecent(): void {
    const row = this.tag('Recent.Row') as ButtonRow
    const button = row.tag('Buttons').children[row.index]
    const width = SAFE_WIDTH
    const right = button ? button.x + button.w : 0
    row.x = right > width ? width - right : 0
  }

  private _moveTo(area: Area): void {
    this._area = area
    this._refocus()
  }

  private _keyboard(): Keyboard {
    return this.tag('Keyboard') as Keyboard
  }

  private _rail(): Rail<TileModel> {
    return this.tag('Results') as Rail<TileModel>
  }
}

/** The operator's layout; an unknown name falls back to Belgian AZERTY. */
function keyboardLayout(config: AppContext['config']): LayoutName {
  return config.search.keyboardLayout === 'qwerty' ? 'qwerty' : 'azerty'
}
