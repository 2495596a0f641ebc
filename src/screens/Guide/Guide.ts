import { clockText, midnightOf, shiftDays, wallZone, type WallZone } from '../../i18n/wallZone'
import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../app/context'
import { dayStartOf, nextDayStart } from '../../app/guideCache'
import type { LiveChannel } from '../../catalogue/live'
import ButtonRow from '../../components/ButtonRow'
import { screenBackground, textStyle, theme } from '../../components/theme'
import type { Programme } from '../../guide/contract'
import { pickText } from '../../i18n/localize'
import { loadLastChannel } from '../../player/lastChannel'
import { DigitEntry, type DigitState } from '../../player/liveZap'
import { installDigitKeys } from '../../focus/digitKeys'
import { dayOffset, guideDays, type GuideDay } from './dayPicker'
import {
  backToNow,
  cellAt,
  cellsBetween,
  jumpDays,
  moveAcross,
  moveDown,
  isGuidePlace,
  openingFocus,
  restoredFocus,
  type Cell,
  type GridFocus,
  type GuideBounds,
  type GuidePlace,
} from './gridFocus'
import { GRID, ROW_PITCH, cellBox, headerSlots, nowLineX, rowY, visibleRows } from './gridLayout'
import { enterAction } from './enterAction'
import { guideDetails, relativeDay, type GuideDetails } from './guideDetails'
import GuideRow, { type CellView } from './GuideRow'
import { replayState } from '../../guide/helpers'
import { testMark } from '../../app/testHook'
import { withoutWatching } from '../../app/watchHistory'

const HOUR = 60 * 60 * 1000
/** How far the guide reaches: a week back (the longest replay rights) and a week ahead. */
const DAYS_BACK = 7
const DAYS_AHEAD = 7
/**
 * Programmes are loaded for screens of channels: the one on screen and one either side, asked
 * again only when the top row enters another screen, so holding Down asks once per ten rows.
 */
const ROW_CHUNK = GRID.rows
const TIME_MARGIN = 3 * HOUR
/** The now line and the details' status follow the clock at this pace. */
const CLOCK_MS = 30_000
const HEADER_LABELS = 5
/**
 * The details panel follows focus after this pause: its texts are the costliest to draw, and
 * while a key is held nobody reads them (as home's billboard).
 */
const DETAILS_DELAY_MS = 120

/** 'barred': a kids profile, which has no live TV, reached the guide by a link. */
type Status = 'loading' | 'ready' | 'empty' | 'failed' | 'barred'

export interface GuideSnapshot {
  screen: 'guide'
  status: Status
  channels: number
  row: number
  channelId: string | undefined
  firstRow: number
  viewStart: number
  focusTime: number
  focused: { id: string; title: string; start: number; end: number } | null
  cell: { start: number; end: number }
  details: GuideDetails
  /** What OK just said (no replay, starts at...), until the focus moves. */
  message: string
  /** A channel number being typed, '' when none. */
  digits: string
  day: string
  /** The day strip (Blue key): its days and the one focused, while it is open. */
  dayPicker: { open: boolean; days: string[]; focused: string | undefined }
  /** Elements that exist: rows and cells drawn (the grid is virtualised). */
  renderedRows: number
  renderedCells: number
  /** Channels whose programmes are held for the rows around the screen. */
  loadedChannels: number
}

/** Plays a channel or a replay picked in the guide, with Back leading to the guide (watchHistory). */
function watch(path: string): void {
  Router.setHistory(withoutWatching(Router.getHistory()))
  Router.navigate(path)
}

/**
 * The programme guide: channels down, time across in half-hours, a "now" line, and the focused
 * programme's details above. Left/Right go programme by programme (across days), Up/Down change
 * channel at the same time, Red/Green a day back or forward, Yellow back to now, Blue a strip of
 * days to jump to, channel up/down a screen of channels. OK watches what is on air, replays what
 * aired where rights allow (or says why not), and says when an upcoming programme starts
 * (enterAction.ts). A guide that failed to load is asked again by OK and by itself every
 * half-minute.
 *
 * Only the rows on screen exist, and in them only the cells in view: the layout and the moves
 * are pure functions (gridLayout.ts, gridFocus.ts); this screen draws their results and loads
 * the programmes around the view through the context's cached guide.
 */
export default class Guide extends Lightning.Component {
  private _context?: AppContext
  private _channels: LiveChannel[] = []
  private _programmes = new Map<string, Programme[]>()
  private _at: GridFocus = { row: 0, time: 0, viewStart: 0, firstRow: 0 }
  private _bounds: GuideBounds = { from: 0, to: 0 }
  private _status: Status = 'loading'
  private _message = ''
  /** What was said of a number no channel has, until the entry forgets it. */
  private _unknownNumber = ''
  /** Number keys go to the channel of that number, as on the box's own guide and in live TV. */
  private _digits = new DigitEntry(
    () => this._channels.map((channel) => channel.number),
    (number) => this._goToNumber(number),
    (state) => this._renderDigits(state),
  )
  private _loading?: AbortController
  private _loadedKey = ''
  private _clock?: ReturnType<typeof setInterval>
  private _opened = 0
  /** The place to come back to, given by the Router on Back (historyState). */
  private _returnTo?: GuidePlace
  private _detailsTimer?: ReturnType<typeof setTimeout>
  /** The day strip is open (Blue) and has the focus. */
  private _picking = false
  private _days: GuideDay[] = []
  private _daysLaidOut = new WeakSet<Lightning.Component>()
  /** Which channel (index) each row element shows. */
  private _rowChannel = new WeakMap<GuideRow, number>()

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Heading: {
        x: GRID.x,
        y: 48,
        color: theme.colors.accent,
        ...textStyle(30, { fontStyle: 'bold' }),
      },
      Day: {
        x: 1920 - GRID.x,
        y: 48,
        mountX: 1,
        color: theme.colors.onBackground,
        ...textStyle(30, { fontStyle: 'bold' }),
      },
      Details: {
        x: GRID.x,
        y: 100,
        Title: {
          color: theme.colors.onBackground,
          ...textStyle(44, { fontStyle: 'bold', wordWrapWidth: 1400, maxLines: 1 }),
        },
        Meta: { y: 62, color: theme.colors.textDim, ...textStyle(26, { wordWrapWidth: 1728 }) },
        Rating: { y: 100, color: theme.colors.accent, ...textStyle(24) },
        Synopsis: {
          y: 136,
          color: theme.colors.onBackground,
          ...textStyle(26, { wordWrapWidth: 1728, maxLines: 2, lineHeight: 34 }),
        },
        Status: {
          y: 212,
          color: theme.colors.onBackground,
          ...textStyle(26, { fontStyle: 'bold' }),
        },
        Message: { x: 1728, y: 212, mountX: 1, color: theme.colors.danger, ...textStyle(26) },
      },
      // A channel number typed on the remote, while the guide waits for its next digit.
      Digits: {
        x: 1920 - GRID.x,
        y: 96,
        mountX: 1,
        visible: false,
        color: theme.colors.accent,
        ...textStyle(64, { fontStyle: 'bold' }),
      },
      Hint: {
        x: 1920 - GRID.x,
        y: 1032,
        mountX: 1,
        color: theme.colors.textDim,
        ...textStyle(22),
      },
      Header: {
        x: GRID.x + GRID.channelWidth,
        y: GRID.headerY,
        ...Object.fromEntries(
          Array.from({ length: HEADER_LABELS }, (_, i) => [
            `Slot${i}`,
            { color: theme.colors.textDim, ...textStyle(24) },
          ]),
        ),
      },
      Rows: { x: GRID.x },
      NowLine: {
        x: GRID.x + GRID.channelWidth,
        y: GRID.headerY + 30,
        w: 3,
        h: GRID.top - GRID.headerY - 30,
        rect: true,
        color: theme.colors.danger,
        visible: false,
      },
      DayPicker: {
        x: GRID.x,
        y: 96,
        zIndex: 10,
        visible: false,
        Backdrop: {
          x: -24,
          y: -16,
          w: 1920 - GRID.x * 2 + 48,
          h: 236,
          rect: true,
          color: theme.colors.surface,
        },
        Label: { color: theme.colors.textDim, ...textStyle(26) },
        Strip: {
          y: 48,
          w: 1920 - GRID.x * 2,
          h: 110,
          clipping: true,
          Row: { type: ButtonRow },
        },
      },
      Empty: {
        x: 960,
        y: 640,
        mountX: 0.5,
        visible: false,
        color: theme.colors.textDim,
        ...textStyle(32, { textAlign: 'center', wordWrapWidth: 1400 }),
      },
    }
  }

  /** Called by the route; loads the channel list and opens on the programme on air. */
  bind(context: AppContext): void {
    this._context = context
    this._opened = context.platform.now()
    this.tag('Heading').text.text = context.t('guide.title')
    this.tag('Hint').text.text = context.t('guide.hint')
    this._status = 'loading'
    this._message = ''
    this._returnTo = undefined
    this._closeDays()
    this._render()
    void this._open(context)
  }

  /**
   * The SDK Router's history state: without an argument, what to keep when the household leaves
   * for what it picked; with one, on Back, the place to return to instead of what is on air now.
   */
  override historyState(
    state?: Record<string, unknown> | null,
  ): Record<string, unknown> | undefined {
    if (state === undefined) {
      const channel = this._channels[this._at.row]
      if (this._status !== 'ready' || !channel) return undefined
      const place: GuidePlace = { channelId: channel.id, time: this._at.time }
      return { ...place }
    }
    if (!isGuidePlace(state)) return undefined
    this._returnTo = state
    // The channel list may have come before the Router gave the place.
    if (this._status === 'ready') {
      this._goBackToPlace()
      this._loadedKey = ''
      this._render()
      this._load()
    }
    return undefined
  }

  private _goBackToPlace(): void {
    const place = this._returnTo
    this._returnTo = undefined
    if (!place) return
    const ids = this._channels.map((channel) => channel.id)
    this._at = restoredFocus(place, ids, this._bounds) ?? this._at
  }

  snapshot(): GuideSnapshot {
    const cell = this._cell()
    const programme = cell.programme
    const rows = this._rows()
    return {
      screen: 'guide',
      status: this._status,
      channels: this._channels.length,
      row: this._at.row,
      channelId: this._channels[this._at.row]?.id,
      firstRow: this._at.firstRow,
      viewStart: this._at.viewStart,
      focusTime: this._at.time,
      focused: programme
        ? {
            id: programme.id,
            title: pickText(programme.title, this._order()),
            start: programme.start,
            end: programme.end,
          }
        : null,
      cell: { start: cell.start, end: cell.end },
      details: this._details(),
      message: this._message,
      digits: this.tag('Digits').text.text,
      day: this.tag('Day').text.text,
      renderedRows: rows.filter((row) => row.visible).length,
      renderedCells: rows.reduce(
        (sum, row) =>
          sum +
          (row.visible
            ? row.tag('Cells').children.filter((c: Lightning.Component) => c.visible).length
            : 0),
        0,
      ),
      loadedChannels: this._programmes.size,
      dayPicker: {
        open: this._picking,
        days: this._days.map((day) => day.label),
        focused: this._picking ? this._dayRow().focusedId : undefined,
      },
    }
  }

  override _getFocused(): Lightning.Component {
    return this._picking ? this._dayRow() : this
  }

  override _active(): void {
    clearInterval(this._clock)
    this._clock = setInterval(() => {
      // A box left on a guide that failed to load heals itself once the backend is back.
      if (this._status === 'failed') this._retry()
      else this._render()
    }, CLOCK_MS)
  }

  override _inactive(): void {
    clearInterval(this._clock)
    clearTimeout(this._detailsTimer)
    this._loading?.abort()
    this._digits.clear()
  }

  override _detach(): void {
    clearInterval(this._clock)
    clearTimeout(this._detailsTimer)
    this._loading?.abort()
    this._digits.clear()
  }

  /** A number key typed towards a channel number (held, once: not channel 11 or 111). */
  typeDigit(digit: string): void {
    if (this._picking) return
    this._digits.press(Number(digit))
  }

  private _goToNumber(number: number): void {
    const row = this._channels.findIndex((channel) => channel.number === number)
    if (row >= 0) this._move(moveDown(this._at, row - this._at.row, this._channels.length))
  }

  private _renderDigits(state: DigitState): void {
    const digits = this.tag('Digits')
    digits.visible = state.phase === 'typing'
    digits.text.text = state.phase === 'typing' ? state.digits : ''
    const context = this._context
    if (!context) return
    if (state.phase === 'unknown') {
      this._message = this._unknownNumber = context.t('live.unknownChannel', {
        number: state.number,
      })
      this._renderDetails()
    } else if (
      state.phase === 'idle' &&
      this._unknownNumber &&
      this._message === this._unknownNumber
    ) {
      // Said for a moment, as in live TV: not left standing over the programme's details.
      this._message = this._unknownNumber = ''
      this._renderDetails()
    }
  }

  override _handleLeft(): boolean {
    if (this._picking) return true
    return this._move(moveAcross(this._at, this._rowProgrammes(), -1, this._bounds))
  }

  override _handleRight(): boolean {
    if (this._picking) return true
    return this._move(moveAcross(this._at, this._rowProgrammes(), 1, this._bounds))
  }

  override _handleUp(): boolean {
    if (this._picking) return true
    return this._move(moveDown(this._at, -1, this._channels.length))
  }

  override _handleDown(): boolean {
    if (this._picking) return this._closeDays()
    return this._move(moveDown(this._at, 1, this._channels.length))
  }

  /** A screen of channels at a time: 100 channels are ten presses, not a hundred. */
  _handleChannelUp(): boolean {
    return this._move(moveDown(this._at, -GRID.rows, this._channels.length))
  }

  _handleChannelDown(): boolean {
    return this._move(moveDown(this._at, GRID.rows, this._channels.length))
  }

  _handleRed(): boolean {
    this._closeDays()
    return this._move(jumpDays(this._at, -1, this._bounds, this._zone()))
  }

  _handleGreen(): boolean {
    this._closeDays()
    return this._move(jumpDays(this._at, 1, this._bounds, this._zone()))
  }

  /** Back to what is on air, on the same channel. */
  _handleYellow(): boolean {
    const context = this._context
    if (!context || !this._channels.length) return true
    this._closeDays()
    const now = context.platform.wallClock()
    return this._move(backToNow(this._at, now, this._channels.length, this._bounds))
  }

  /** The day strip: opens on the day in focus; Blue again, Back or Down close it. */
  _handleBlue(): boolean {
    if (this._picking) return this._closeDays()
    const context = this._context
    if (!context || this._status !== 'ready') return true
    const now = context.platform.wallClock()
    this._days = guideDays(this._bounds, now, this._order()[0] ?? 'fr', context.t, context.zone)
    const row = this._dayRow()
    row.buttons = this._days.map((day) => ({ id: day.id, label: day.label }))
    // Button widths are known once their labels are drawn: the strip slides again then.
    for (const button of row.tag('Buttons').children as Lightning.Component[]) {
      if (this._daysLaidOut.has(button)) continue
      this._daysLaidOut.add(button)
      button.tag('Label')?.on('txLoaded', () => this._scrollDays())
    }
    row.focusOn(`day-${dayOffset(this._at.time, now, context.zone)}`)
    this.tag('DayPicker.Label').text.text = context.t('guide.pickDay')
    this.tag('DayPicker').visible = true
    this._picking = true
    this._refocus()
    this._scrollDays()
    return true
  }

  override _handleBack(): boolean {
    // Digits being typed are forgotten, and the open strip is closed; otherwise Back leaves the
    // guide as on every screen.
    if (this._digits.typing) {
      this._digits.clear()
      return true
    }
    return this._picking ? this._closeDays() : false
  }

  /** A day chosen in the strip: the same time of day on that day. */
  $buttonPressed(id: string): void {
    const context = this._context
    const day = this._days.find((entry) => entry.id === id)
    this._closeDays()
    if (!context || !day) return
    const from = dayOffset(this._at.time, context.platform.wallClock(), context.zone)
    this._move(jumpDays(this._at, day.offset - from, this._bounds, context.zone))
  }

  $rowFocusChanged(): void {
    this._scrollDays()
  }

  /** Already in the guide: the Guide key does nothing more. */
  _handleGuide(): boolean {
    return true
  }

  override _handleEnter(): boolean {
    // OK after digits goes to that channel now, rather than acting on the programme focused.
    if (this._digits.typing) {
      this._digits.commit()
      return true
    }
    const context = this._context
    if (this._status === 'failed' && !this._channels.length) {
      this._retry()
      return true
    }
    const channel = this._channels[this._at.row]
    if (!context || !channel) return true
    const action = enterAction(this._cell(), channel, context.platform.wallClock())
    if ('watch' in action) {
      watch(action.watch)
      return true
    }
    this._message = action.say === 'status' ? this._details().status : context.t(action.key)
    this._render()
    return true
  }

  private async _open(context: AppContext): Promise<void> {
    if (context.profiles.active.kids) {
      // Not even the grid: its programme titles and ratings are not for this profile either.
      this._channels = []
      this._status = 'barred'
      this._render()
      return
    }
    const list = await context.liveChannels()
    if (list.status === 'failed' || !list.channels.length) {
      this._channels = []
      this._status = list.status === 'failed' ? 'failed' : 'empty'
      this._render()
      return
    }
    this._channels = list.channels
    const now = context.platform.wallClock()
    // Whole days on the household's clock, so the first and last days of the strip start at 00:00.
    this._bounds = {
      from: shiftDays(context.zone, midnightOf(context.zone, now), -DAYS_BACK),
      to: shiftDays(context.zone, midnightOf(context.zone, now), DAYS_AHEAD + 1),
    }
    const last = loadLastChannel(context.platform.storage, context.profiles.active.id)
    const row = Math.max(
      0,
      this._channels.findIndex((channel) => channel.id === last),
    )
    this._at = openingFocus(row, now, this._channels.length, this._bounds)
    this._goBackToPlace()
    this._status = 'ready'
    this._loadedKey = ''
    this._render()
    this._load()
  }

  /** Asks again for what failed: the channel list, or the programmes around the view. */
  private _retry(): void {
    const context = this._context
    if (!context) return
    if (!this._channels.length) {
      this._status = 'loading'
      this._render()
      void this._open(context)
    } else {
      this._loadedKey = ''
      this._load()
    }
  }

  private _closeDays(): boolean {
    if (!this._picking) return false
    this._picking = false
    this.tag('DayPicker').visible = false
    this._refocus()
    return true
  }

  private _dayRow(): ButtonRow {
    return this.tag('DayPicker.Strip.Row') as ButtonRow
  }

  /**
   * Fifteen days are wider than the screen: the strip slides to keep the focused day in, with
   * its neighbour in sight so the household sees there is more.
   */
  private _scrollDays(): void {
    const row = this._dayRow()
    const buttons = row.tag('Buttons').children as Lightning.Component[]
    const button = buttons[row.index]
    if (!button) return
    const width = 1920 - GRID.x * 2
    const next = buttons[row.index + 1]
    const right = next ? next.x + next.w / 2 : button.x + button.w
    const left = row.index > 0 ? buttons[row.index - 1]!.x + buttons[row.index - 1]!.w / 2 : 0
    const last = buttons[buttons.length - 1]!
    const maxShift = Math.max(0, last.x + last.w - width)
    let shift = -row.x
    if (right - shift > width) shift = right - width
    if (left - shift < 0) shift = left
    row.x = -Math.max(0, Math.min(shift, maxShift))
  }

  private _move(next: GridFocus): boolean {
    if (next !== this._at) {
      this._at = next
      this._message = ''
      this._render(false)
      this._load()
    }
    return true
  }

  /**
   * Asks for the programmes of the rows around the screen over whole days around the view.
   * Nothing is asked while the same rows and days are held or on their way.
   */
  private _load(): void {
    const context = this._context
    if (!context || !this._channels.length) return
    const chunk = Math.floor(this._at.firstRow / ROW_CHUNK) * ROW_CHUNK
    const [start, end] = visibleRows(chunk - ROW_CHUNK, this._channels.length, 3 * ROW_CHUNK)
    const ids = this._channels.slice(start, end).map((channel) => channel.id)
    const zone = context.zone
    const from = dayStartOf(zone, this._at.viewStart - TIME_MARGIN)
    const to = nextDayStart(zone, dayStartOf(zone, this._at.viewStart + GRID.span + TIME_MARGIN))
    const key = `${start}-${end}|${from}|${to}`
    if (key === this._loadedKey) return
    this._loadedKey = key
    this._loading?.abort()
    const controller = new AbortController()
    this._loading = controller
    context.guide(ids, from, to, controller.signal).then(
      (load) => {
        if (controller.signal.aborted) return
        // Only the rows around the screen are held: an hour of scrolling keeps no more.
        const programmes = new Map<string, Programme[]>(ids.map((id) => [id, []]))
        for (const programme of load.programmes)
          programmes.get(programme.channelId)?.push(programme)
        this._programmes = programmes
        if (this._status === 'failed') this._status = 'ready'
        this._markOpened()
        this._render()
      },
      (error: unknown) => {
        if (controller.signal.aborted || (error as Error | undefined)?.name === 'AbortError') return
        console.warn(`guide: programmes not loaded (${String(error)})`)
        this._loadedKey = ''
        this._status = 'failed'
        this._render()
      },
    )
  }

  /** The first programmes drawn: the benchmark's "guide open" moment. */
  private _markOpened(): void {
    if (this._opened && this._context) {
      testMark('guideOpen')
      testMark('guideOpenMs', this._context.platform.now() - this._opened)
      this._opened = 0
    }
  }

  private _rowProgrammes(row = this._at.row): readonly Programme[] {
    const channel = this._channels[row]
    return (channel && this._programmes.get(channel.id)) ?? []
  }

  private _cell(): Cell {
    return cellAt(this._rowProgrammes(), this._at.time)
  }

  private _order(): string[] {
    return this._context?.contentOrder() ?? ['fr']
  }

  private _zone(): WallZone {
    return this._context?.zone ?? wallZone('brussels')
  }

  private _details(): GuideDetails {
    const context = this._context
    const channel = this._channels[this._at.row]
    if (!context || !channel) {
      return { title: '', meta: '', synopsis: '', rating: '', status: '' }
    }
    // The row's programmes are on their way (a slow guide): not "no information" yet.
    if (!this._programmes.has(channel.id) && this._status !== 'failed') {
      return {
        title: context.t('guide.loading'),
        meta: channel.name,
        synopsis: '',
        rating: '',
        status: '',
      }
    }
    return guideDetails(
      this._cell(),
      channel,
      context.platform.wallClock(),
      this._order(),
      context.t,
      context.zone,
    )
  }

  private _rows(): GuideRow[] {
    return this.tag('Rows').children as GuideRow[]
  }

  /** `details` false: the details panel is drawn after DETAILS_DELAY_MS without another move. */
  private _render(details = true): void {
    const context = this._context
    if (!context) return
    const empty =
      this._status === 'empty' ||
      this._status === 'barred' ||
      (this._status === 'failed' && !this._channels.length)
    const emptyText = this.tag('Empty')
    emptyText.visible = empty || this._status === 'loading'
    emptyText.text.text = context.t(
      this._status === 'loading'
        ? 'guide.loading'
        : this._status === 'failed'
          ? 'guide.failed'
          : this._status === 'barred'
            ? 'guide.kids'
            : 'guide.noChannels',
    )
    this.tag('Details').visible = !empty && this._status !== 'loading'
    this.tag('Header').visible = !empty && this._status !== 'loading'
    if (empty || this._status === 'loading') {
      this._rows().forEach((row) => {
        row.visible = false
        this._rowChannel.delete(row)
      })
      this.tag('NowLine').visible = false
      this.tag('Day').text.text = ''
      return
    }
    const now = context.platform.wallClock()
    const language = this._order()[0] ?? 'fr'
    this.tag('Day').text.text = relativeDay(this._at.time, now, language, context.t, context.zone)
    clearTimeout(this._detailsTimer)
    if (details) this._renderDetails()
    else this._detailsTimer = setTimeout(() => this._renderDetails(), DETAILS_DELAY_MS)
    this._renderHeader()
    this._renderRows(now)
    const line = nowLineX(now, this._at.viewStart)
    const nowLine = this.tag('NowLine')
    nowLine.visible = line !== null
    if (line !== null) {
      const [start, end] = visibleRows(this._at.firstRow, this._channels.length)
      nowLine.patch({
        x: GRID.x + GRID.channelWidth + line,
        h: GRID.top - GRID.headerY - 30 + (end - start) * ROW_PITCH,
      })
    }
  }

  private _renderDetails(): void {
    const details = this._details()
    const panel = this.tag('Details')
    panel.tag('Title').text.text = details.title
    panel.tag('Meta').text.text = details.meta
    panel.tag('Rating').text.text = details.rating
    panel.tag('Synopsis').text.text = details.synopsis
    panel.tag('Status').text.text = this._status === 'failed' ? '' : details.status
    panel.tag('Message').text.text =
      this._message ||
      (this._status === 'failed' ? (this._context?.t('guide.programmesFailed') ?? '') : '')
  }

  private _renderHeader(): void {
    const slots = headerSlots(this._at.viewStart)
    for (let i = 0; i < HEADER_LABELS; i++) {
      const label = this.tag('Header').tag(`Slot${i}`)
      const slot = slots[i]
      label.visible = Boolean(slot)
      if (slot) {
        label.x = slot.x
        label.text.text = clockText(this._zone(), slot.at)
      }
    }
  }

  /**
   * Each row element keeps its channel while that channel stays on screen (scrolling one row
   * redraws the texts of one row, not ten); rows that leave the screen take the new channels.
   */
  private _assignRows(start: number, end: number): Map<number, GuideRow> {
    const holder = this.tag('Rows')
    while (holder.children.length < end - start) holder.childList.a({ type: GuideRow })
    const assigned = new Map<number, GuideRow>()
    const free: GuideRow[] = []
    for (const row of this._rows()) {
      const index = this._rowChannel.get(row)
      if (index !== undefined && index >= start && index < end && !assigned.has(index)) {
        assigned.set(index, row)
      } else free.push(row)
    }
    for (let index = start; index < end; index++) {
      if (assigned.has(index)) continue
      const row = free.pop()
      if (!row) break
      assigned.set(index, row)
    }
    free.forEach((row) => {
      row.visible = false
      this._rowChannel.delete(row)
    })
    assigned.forEach((row, index) => this._rowChannel.set(row, index))
    return assigned
  }

  private _renderRows(now: number): void {
    const [start, end] = visibleRows(this._at.firstRow, this._channels.length)
    const viewStart = this._at.viewStart
    const viewEnd = viewStart + GRID.span
    const focusedCell = this._cell()
    this._assignRows(start, end).forEach((row, index) => {
      const channel = this._channels[index]
      row.visible = Boolean(channel)
      if (!channel) return
      row.y = rowY(index, this._at.firstRow)
      const focusedRow = index === this._at.row
      const cells: CellView[] = []
      for (const cell of cellsBetween(this._rowProgrammes(index), viewStart, viewEnd)) {
        const box = cellBox(cell.start, cell.end, viewStart)
        if (!box) continue
        const programme = cell.programme
        cells.push({
          ...box,
          label: programme ? pickText(programme.title, this._order()) : '',
          focused: focusedRow && cell.start === focusedCell.start && cell.end === focusedCell.end,
          live: cell.start <= now && now < cell.end,
          dim: Boolean(programme && replayState(programme, channel, now).state === 'no-replay'),
        })
      }
      ;(row as GuideRow).view = {
        number: String(channel.number),
        name: channel.name,
        ...(channel.logo ? { logo: channel.logo } : {}),
        cells,
        focusedRow,
      }
    })
  }
}

installDigitKeys(Guide, (component, digit) => component.typeDigit(digit))
