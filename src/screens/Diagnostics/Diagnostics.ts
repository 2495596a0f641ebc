import { Lightning, Router } from '@lightningjs/sdk'
import { merge, type Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import ButtonRow from '../../components/ButtonRow'
import { screenBackground, textStyle, theme, SAFE_WIDTH } from '../../components/theme'
import { diagnosticsModel, type DiagnosticsGroup, type DiagnosticsLine } from './diagnosticsModel'

const LINES_TOP = 180
const LINE_PITCH = 38
const INDENT = 40
const LINE_WIDTH = SAFE_WIDTH

// Read when the lines are drawn, not at import: the operator's palette is applied after that.
const lineColor = (kind: DiagnosticsLine['kind']): number =>
  ({
    field: theme.colors.text,
    item: theme.colors.textDim,
    error: theme.colors.danger,
    warning: theme.colors.rental,
  })[kind]

export interface DiagnosticsSnapshot {
  screen: 'diagnostics'
  lines: string[]
  warning: string
  skipped: number
  groups: DiagnosticsGroup[]
  focused: string | undefined
}

/**
 * The operator's view of the catalogue (Settings > Catalogue diagnostics): where it comes from,
 * when it loaded, what was skipped and why with the ids, the last error; then the guide's source
 * and fetches, the box's storage and its drawing mode. Reads the diagnostics
 * store the loader fills; the household's screens never show these details.
 */
export default class Diagnostics extends Lightning.Component {
  private _context?: AppContext
  private _subscription?: Subscription
  /** The guide asked for on opening, given up when the page goes. */
  private _guideAsk?: AbortController
  private _snapshot: Omit<DiagnosticsSnapshot, 'focused'> = {
    screen: 'diagnostics',
    lines: [],
    warning: '',
    skipped: 0,
    groups: [],
  }

  static override _template(): Lightning.Component.Template {
    return {
      ...screenBackground,
      Title: {
        x: theme.safe.x,
        y: 70,
        color: theme.colors.onBackground,
        ...textStyle(56, { fontStyle: 'bold' }),
      },
      Buttons: { x: 1920 - theme.safe.x, y: 66, mountX: 1, type: ButtonRow },
      Lines: { x: theme.safe.x, y: LINES_TOP },
      Hint: { x: theme.safe.x, y: 1020, color: theme.colors.textDim, ...textStyle(22) },
    }
  }

  bind(context: AppContext): void {
    if (this._context === context) return
    this._subscription?.unsubscribe()
    this._context = context
    // Measured when the page opens: walking every entry is not worth doing on each save.
    const usedChars = context.platform.storage.usedChars?.()
    if (usedChars !== undefined) context.storageHealth.update({ usedChars })
    // Read once, when live TV first opens: asked here too, so its skipped channels show. The
    // guide too (today, every channel): it is otherwise first fetched when the guide or a channel
    // opens, and what its export covers (out of date, channels unmatched) is what is looked for.
    this._guideAsk?.abort()
    const ask = new AbortController()
    this._guideAsk = ask
    void context
      .liveChannels()
      .then((list) => {
        if (ask.signal.aborted || list.status !== 'ok' || !list.channels.length) return undefined
        const now = context.platform.wallClock()
        const ids = list.channels.map((channel) => channel.id)
        return context.guide(ids, now, now + 60_000, ask.signal)
      })
      // Said on the page by the guide's health record, which every fetch updates.
      .catch(() => undefined)
    this._subscription = merge(
      context.diagnostics.select((s) => s),
      context.storageHealth.select((s) => s),
      context.guideHealth.select((s) => s),
      context.ui.select((s) => s.language),
    ).subscribe(() => this._render())
  }

  snapshot(): DiagnosticsSnapshot {
    return { ...this._snapshot, focused: (this.tag('Buttons') as ButtonRow).focusedId }
  }

  override _detach(): void {
    this._guideAsk?.abort()
    this._guideAsk = undefined
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    return this.tag('Buttons')
  }

  $buttonPressed(id: string): void {
    if (id === 'reload') void this._context?.reloadCatalogue()
  }

  override _handleBack(): boolean {
    Router.back()
    return true
  }

  private _render(): void {
    const context = this._context
    if (!context) return
    const { t } = context
    const model = diagnosticsModel(context.diagnostics.value, {
      warnShare: context.config.catalogue.diagnosticsWarnShare,
      t,
      zone: context.zone,
      storage: context.storageHealth.value,
      guide: context.guideHealth.value,
      now: context.platform.wallClock(),
      language: context.ui.value.language,
      render: context.render,
    })
    this.tag('Title').text.text = model.title
    ;(this.tag('Buttons') as ButtonRow).buttons = [{ id: 'reload', label: t('diagnostics.reload') }]
    // The row's button may be new: the focus path must reach it for OK to work.
    this._refocus()
    this.tag('Hint').text.text = t('diagnostics.hint')
    // One line each, clipped by the renderer as a last resort: the model already keeps them short.
    this.tag('Lines').children = model.lines.map((line, i) => {
      const indent = line.kind === 'item' ? INDENT : 0
      return {
        x: indent,
        y: i * LINE_PITCH,
        color: lineColor(line.kind),
        ...textStyle(26, {
          text: line.text,
          wordWrapWidth: LINE_WIDTH - indent,
          maxLines: 1,
          maxLinesSuffix: '…',
        }),
      }
    })
    this._snapshot = {
      screen: 'diagnostics',
      lines: model.lines.map((line) => line.text),
      warning: model.warning,
      skipped: model.skipped,
      groups: model.groups,
    }
  }
}
