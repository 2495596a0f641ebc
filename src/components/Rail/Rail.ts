import type { Announceable } from '../../accessibility/phrases'
import { fireUp } from '../fire'
import { Lightning } from '@lightningjs/sdk'
import type { Rect } from '../../focus/geometry'
import { nearestColumn } from '../../focus/geometry'
import {
  onScreen,
  pitch,
  scrollFor,
  tileRect,
  visibleCount,
  type RailGeometry,
} from '../../focus/railLayout'
import { virtualWindow } from '../../focus/virtualWindow'
import { theme } from '../theme'

/** A rail's items read by index, so a long rail makes only the models it draws. */
export interface ModelList<Model> {
  readonly length: number
  at(index: number): Model | undefined
}

export const listOf = <Model>(models: readonly Model[]): ModelList<Model> => ({
  length: models.length,
  at: (index) => models[index],
})

/** Tiles kept beyond each edge of the viewport, so a scroll step never shows an empty slot. */
const MARGIN = 2

type TileClass = new (...args: never[]) => Lightning.Component

/**
 * A horizontal, virtualised rail. Only the tiles in the visible window plus a margin exist as
 * elements (and so as textures), whatever the length of the list; they are created and destroyed
 * as focus moves. It handles Left/Right itself and lets every other key bubble, so it never needs
 * to know what surrounds it. Focus position is an index (not a tile), so it survives recycling.
 */
export default class Rail<Model extends { id: string }> extends Lightning.Component {
  private _list: ModelList<Model> = listOf<Model>([])
  private _index = 0
  private _first = 0
  private _tiles = new Map<number, Lightning.Component & { model: Model }>()
  private _geometry: RailGeometry = {
    x: theme.safe.x,
    tileWidth: 240,
    tileHeight: 360,
    gap: 28,
    viewportWidth: 1920,
  }
  private _tileType?: TileClass
  /** Properties every tile gets when it is made, before its model (e.g. the Tile's `look`). */
  private _tileSettings: Record<string, unknown> = {}
  railId = ''
  private _label = ''

  static override _template(): Lightning.Component.Template {
    return {
      Label: {
        x: theme.safe.x,
        y: 0,
        color: theme.colors.onBackground,
        text: { text: '', fontFace: theme.font, fontSize: 32, fontStyle: 'bold' },
      },
      Items: { y: 56 },
    }
  }

  set label(value: string) {
    this._label = value
    this.tag('Label').text.text = value
  }

  /** Entering the rail says its title before the tile (src/accessibility). */
  get announcement(): Announceable | undefined {
    return this._label ? { kind: 'rail', title: this._label } : undefined
  }

  set geometry(geometry: RailGeometry) {
    this._geometry = geometry
  }

  /**
   * Hidden tiles load no artwork (Lightning loads textures of drawn elements only), while the
   * label still shows; the tiles themselves are kept, with their focus memory.
   */
  set tilesShown(shown: boolean) {
    this.tag('Items').visible = shown
  }

  get tilesShown(): boolean {
    return this.tag('Items').visible
  }

  get geometry(): RailGeometry {
    return this._geometry
  }

  set tileType(type: TileClass) {
    this._tileType = type
  }

  /** Also given to the tiles that exist already (a look that changes, e.g. fades turned on). */
  set tileSettings(settings: Record<string, unknown>) {
    this._tileSettings = settings
    this._tiles.forEach((tile) => tile.patch(settings))
  }

  /** Replaces the rail's items, keeping the focused index where it still exists. */
  set models(models: readonly Model[]) {
    this.source = listOf(models)
  }

  /**
   * The same, read by index: only the models of the tiles drawn are asked for, so entering a
   * rail of 10,000 titles costs its window, not its length.
   */
  set source(list: ModelList<Model>) {
    this._list = list
    this._index = Math.min(this._index, Math.max(0, list.length - 1))
    this._first = scrollFor(this._index, this._first, list.length, this._geometry)
    this._tiles.forEach((tile, index) => {
      const model = list.at(index)
      if (model) tile.model = model
    })
    this._render(false)
    this._refocus()
  }

  /** Every model, made if need be: for short rails (search results), not for a catalogue's. */
  get models(): Model[] {
    const list = this._list
    return Array.from({ length: list.length }, (_, index) => list.at(index)!)
  }

  get count(): number {
    return this._list.length
  }

  /**
   * Adds items at the end (a further page arrived), leaving focus, scroll and existing tiles as
   * they are, so a page landing mid-scroll does not disturb the animation.
   */
  append(models: readonly Model[]): void {
    if (!models.length) return
    const before = this._list
    this.grow({
      length: before.length + models.length,
      at: (index) => (index < before.length ? before.at(index) : models[index - before.length]),
    })
  }

  /** Takes a longer list whose first items are the ones shown (a further page arrived). */
  grow(list: ModelList<Model>): void {
    this._list = list
    this._renderTiles()
  }

  get index(): number {
    return this._index
  }

  get first(): number {
    return this._first
  }

  get focusedModel(): Model | undefined {
    return this._list.at(this._index)
  }

  /** How many tile elements exist right now (the virtualisation figure tests look at). */
  get renderedCount(): number {
    return this._tiles.size
  }

  /** Restores a remembered position without animation (e.g. when the rail is rebuilt). */
  restore(index: number, first: number): void {
    const last = Math.max(0, this._list.length - 1)
    this._index = Math.min(Math.max(0, index), last)
    this._first = scrollFor(this._index, Math.min(first, last), this._list.length, this._geometry)
    this._render(false)
    this._refocus()
  }

  select(index: number, animate = true): void {
    if (index < 0 || index >= this._list.length) return
    this._index = index
    this._first = scrollFor(index, this._first, this._list.length, this._geometry)
    this._render(animate)
    this._refocus()
    fireUp(this, '$railFocusChanged', this)
  }

  /** On-screen rectangle of the focused tile, for nearest-column moves into another rail. */
  focusedRect(): Rect {
    return tileRect(this._index, this._first, this._geometry)
  }

  /** Focuses the on-screen tile nearest to `from` horizontally, keeping this rail's scroll. */
  enterNearest(from: Rect): void {
    const candidates = onScreen(this._first, this._list.length, this._geometry)
    const rects = candidates.map((i) => tileRect(i, this._first, this._geometry))
    const pick = nearestColumn(from, rects)
    const target = candidates[pick] ?? this._index
    // A partly visible tile on the far edge would make the rail jump; prefer a whole one.
    const lastWhole = this._first + visibleCount(this._geometry) - 1
    this.select(Math.min(target, lastWhole), false)
  }

  override _getFocused(): Lightning.Component | undefined {
    return this._tiles.get(this._index)
  }

  override _handleLeft(): boolean {
    if (this._index === 0) return false
    this.select(this._index - 1)
    return true
  }

  override _handleRight(): boolean {
    if (this._index >= this._list.length - 1) return false
    this.select(this._index + 1)
    return true
  }

  override _detach(): void {
    // Texture memory follows the rails on screen: release this rail's tiles when it leaves.
    this._tiles.forEach((tile) => this.tag('Items').childList.remove(tile))
    this._tiles.clear()
  }

  override _attach(): void {
    this._render(false)
  }

  private _render(animate: boolean): void {
    this._renderTiles()
    const x = -this._first * pitch(this._geometry)
    const items = this.tag('Items')
    if (animate) items.setSmooth('x', x, { duration: theme.duration.scroll })
    else {
      items.setSmooth('x', x, { duration: 0 })
      items.x = x
    }
  }

  /** Creates the tiles of the virtual window and drops the others. */
  private _renderTiles(): void {
    const g = this._geometry
    const [start, end] = virtualWindow(this._first, visibleCount(g), this._list.length, MARGIN)
    const items = this.tag('Items')
    this._tiles.forEach((tile, index) => {
      if (index < start || index >= end) {
        items.childList.remove(tile)
        this._tiles.delete(index)
      }
    })
    for (let index = start; index < end; index++) {
      if (this._tiles.has(index) || !this._tileType) continue
      const model = this._list.at(index)!
      const tile = this.stage.c({
        ...this._tileSettings,
        type: this._tileType,
        x: g.x + index * pitch(g),
      }) as Lightning.Component & {
        model: Model
      }
      tile.model = model
      items.childList.add(tile)
      this._tiles.set(index, tile)
    }
  }
}
