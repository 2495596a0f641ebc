import { Lightning } from '@lightningjs/sdk'
import { textStyle, theme } from '../../components/theme'
import { SizedImageTexture } from '../../components/Tile/sizedImage'
import { GRID } from './gridLayout'
import { cellLabelWrap } from './cellLabel'

/** One cell as the row draws it: where, what, and how it is marked. */
export interface CellView {
  x: number
  w: number
  label: string
  focused: boolean
  /** On air now: a shade lighter than the rest. */
  live: boolean
  /** Aired and not offered again: drawn dimmer. */
  dim: boolean
}

export interface RowView {
  number: string
  name: string
  logo?: string
  cells: CellView[]
  focusedRow: boolean
}

const CELL_GAP = 4
const LOGO = { w: 64, h: 40 }

const cellColor = (cell: CellView): number =>
  cell.focused
    ? theme.colors.surfaceFocused
    : cell.live
      ? theme.colors.surfaceLive
      : theme.colors.surface

/**
 * A channel's row of the guide: its logo, number and name, then the programme cells in view.
 * Drawn from a RowView only; the screen reuses the same rows and cells as the grid scrolls, so
 * scrolling creates no elements once the screen is full.
 */
export default class GuideRow extends Lightning.Component {
  private _logo: string | undefined

  static override _template(): Lightning.Component.Template {
    return {
      h: GRID.rowHeight,
      Channel: {
        w: GRID.channelWidth - CELL_GAP,
        h: GRID.rowHeight,
        rect: true,
        color: theme.colors.surface,
        Logo: { x: 12, y: (GRID.rowHeight - LOGO.h) / 2, w: LOGO.w, h: LOGO.h },
        Number: {
          x: 96,
          y: 12,
          color: theme.colors.textDim,
          ...textStyle(26, { fontStyle: 'bold' }),
        },
        Name: {
          x: 152,
          y: 14,
          color: theme.colors.onSurface,
          ...textStyle(24, { wordWrapWidth: 136, maxLines: 1 }),
        },
      },
      Cells: { x: GRID.channelWidth },
    }
  }

  set view(view: RowView) {
    const channel = this.tag('Channel')
    channel.color = view.focusedRow ? theme.colors.surfaceSelected : theme.colors.surface
    // Text is drawn into a texture each time it is set: set only what changed.
    setText(channel.tag('Number'), view.number)
    setText(channel.tag('Name'), view.name)
    if (view.logo !== this._logo) {
      this._logo = view.logo
      channel.tag('Logo').texture = view.logo
        ? { type: SizedImageTexture, src: view.logo, decode: { resizeWidth: LOGO.w } }
        : null
    }
    this._cells(view.cells)
  }

  get cellCount(): number {
    return this.tag('Cells').children.length
  }

  private _cells(cells: CellView[]): void {
    const holder = this.tag('Cells')
    // Grown once to the most cells a row has shown; extra cells are hidden, not destroyed.
    while (holder.children.length < cells.length) {
      holder.childList.a({
        h: GRID.rowHeight,
        rect: true,
        Label: { x: 14, y: 13, ...textStyle(24, { maxLines: 1 }) },
      })
    }
    holder.children.forEach((element: Lightning.Component, i: number) => {
      const cell = cells[i]
      element.visible = Boolean(cell)
      if (!cell) return
      const w = Math.max(1, cell.w - CELL_GAP)
      element.patch({ x: cell.x, w, color: cellColor(cell) })
      const label = element.tag('Label')
      const wrap = cellLabelWrap(w)
      if (wrap === null) {
        label.visible = false
        return
      }
      label.color = cell.focused
        ? theme.colors.textOnFocus
        : cell.dim
          ? theme.colors.textDim
          : theme.colors.text
      // Width and text before it shows: becoming visible draws the text at once, and a cell that
      // last held a narrow programme still has that programme's width.
      if (label.text.wordWrapWidth !== wrap) label.text.wordWrapWidth = wrap
      setText(label, cell.label)
      label.visible = true
    })
  }
}

function setText(element: Lightning.Component, text: string): void {
  const texture = element.text
  if (texture && texture.text !== text) texture.text = text
}
