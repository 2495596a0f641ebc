import { Lightning } from '@lightningjs/sdk'
import type { Announceable } from '../../accessibility/phrases'
import { keepInView } from '../../focus/virtualWindow'
import { fireUp } from '../fire'
import { textStyle, theme } from '../theme'

export interface TrackMenuItem {
  key: string
  label: string
  active: boolean
}

export interface TrackMenuColumn {
  heading: string
  items: TrackMenuItem[]
}

const COLUMN_W = 420
const ROW_H = 58
/** Rows the 420 px panel holds under its headings; a longer list scrolls, with arrows. */
const VISIBLE_ROWS = 6
const MORE_ABOVE = '▲'
const MORE_BELOW = '▼'

/**
 * Audio and subtitle choice: one column each, Up/Down within a column, Left/Right between them.
 * OK fires `$trackChosen(key)`; the owner applies it and sends back the new active state, so the
 * menu stays open and the viewer sees (and hears) the change at once. Back bubbles to the owner.
 * The focus stays on the menu as a whole, so it says each line it moves to (`$announce`).
 */
export default class TrackMenu extends Lightning.Component {
  private _columns: TrackMenuColumn[] = []
  private _column = 0
  private _rows: number[] = []
  /** First row shown, per column. */
  private _tops: number[] = []

  static override _template(): Lightning.Component.Template {
    return {
      w: COLUMN_W * 2 + 80,
      h: 420,
      rect: true,
      color: 0xee10161d,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: 20 },
      Columns: { x: 40, y: 32 },
    }
  }

  set columns(columns: TrackMenuColumn[]) {
    const first = this._columns.length === 0
    const before = this._columns
    const wasChosen = this.announcement?.selected
    this._columns = columns
    this._rows = columns.map((column, i) => {
      const active = column.items.findIndex((item) => item.active)
      // A language joining while the menu is open (a late subtitle file) shifts the rows: focus
      // stays on the line it was on, not on its index, so OK does not choose another language.
      const focusedKey = before[i]?.items[this._rows[i] ?? -1]?.key
      const sameLine = column.items.findIndex((item) => item.key === focusedKey)
      const kept = first ? undefined : sameLine >= 0 ? sameLine : this._rows[i]
      return Math.min(kept ?? Math.max(0, active), Math.max(0, column.items.length - 1))
    })
    this._column = Math.min(this._column, Math.max(0, columns.length - 1))
    this._tops = columns.map((column, i) =>
      keepInView(
        first ? 0 : (this._tops[i] ?? 0),
        this._rows[i]!,
        VISIBLE_ROWS,
        column.items.length,
      ),
    )
    this._render()
    // The line just chosen is now ticked: said, as the household cannot see it.
    const now = this.announcement
    if (!first && now?.selected && !wasChosen) fireUp(this, '$announce', now)
  }

  /** The focused line, for the announcer: its column, its label, whether it is the one playing. */
  get announcement(): Extract<Announceable, { kind: 'choice' }> | undefined {
    const column = this._columns[this._column]
    const item = column?.items[this._rows[this._column] ?? 0]
    if (!column || !item) return undefined
    return { kind: 'choice', group: column.heading, label: item.label, selected: item.active }
  }

  /** Every line as shown, for the test hook. */
  get items(): TrackMenuItem[] {
    return this._columns.flatMap((column) => column.items)
  }

  /** Where focus is, for the test hook: "audio:nl" style keys. */
  get focusedKey(): string | undefined {
    return this._columns[this._column]?.items[this._rows[this._column] ?? 0]?.key
  }

  override _handleUp(): boolean {
    this._move(-1)
    return true
  }

  override _handleDown(): boolean {
    this._move(1)
    return true
  }

  override _handleLeft(): boolean {
    if (this._column > 0) {
      this._column--
      this._said()
    }
    this._render()
    return true
  }

  override _handleRight(): boolean {
    if (this._column < this._columns.length - 1) {
      this._column++
      this._said()
    }
    this._render()
    return true
  }

  override _handleEnter(): boolean {
    const key = this.focusedKey
    if (key) fireUp(this, '$trackChosen', key)
    return true
  }

  private _move(delta: number): void {
    const items = this._columns[this._column]?.items ?? []
    const row = (this._rows[this._column] ?? 0) + delta
    if (row >= 0 && row < items.length) {
      this._rows[this._column] = row
      this._said()
      this._tops[this._column] = keepInView(
        this._tops[this._column] ?? 0,
        row,
        VISIBLE_ROWS,
        items.length,
      )
    }
    this._render()
  }

  private _said(): void {
    const line = this.announcement
    if (line) fireUp(this, '$announce', line)
  }

  private _render(): void {
    this.tag('Columns').children = this._columns.map((column, c) => {
      const top = this._tops[c] ?? 0
      const shown = column.items.slice(top, top + VISIBLE_ROWS)
      const more = `${top > 0 ? MORE_ABOVE : ''}${top + VISIBLE_ROWS < column.items.length ? MORE_BELOW : ''}`
      return {
        x: c * (COLUMN_W + 20),
        Heading: { color: theme.colors.textDim, ...textStyle(24, { fontStyle: 'bold' }) },
        More: {
          x: COLUMN_W - 20,
          mountX: 1,
          color: theme.colors.textDim,
          ...textStyle(22, { text: more }),
        },
        Items: {
          y: 44,
          children: shown.map((item, i) => {
            const focused = c === this._column && top + i === this._rows[c]
            return {
              y: i * ROW_H,
              w: COLUMN_W,
              h: ROW_H - 8,
              rect: true,
              color: focused ? theme.colors.surfaceFocused : 0x00000000,
              shader: { type: Lightning.shaders.RoundedRectangle, radius: 10 },
              Label: {
                x: 20,
                y: 25,
                mountY: 0.5,
                color: focused ? theme.colors.textOnFocus : theme.colors.text,
                ...textStyle(28, {
                  text: `${item.active ? '✓ ' : '   '}${item.label}`,
                  wordWrapWidth: COLUMN_W - 40,
                  maxLines: 1,
                  textOverflow: 'ellipsis',
                }),
              },
            }
          }),
        },
      }
    })
    this._columns.forEach((column, c) => {
      this.tag('Columns').children[c]!.tag('Heading').text.text = column.heading
    })
  }
}
