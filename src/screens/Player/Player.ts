import { Lightning, Router } from '@lightningjs/sdk'
import type { AppContext } from '../../app/context'
import type { Episode, Title } from '../../catalogue/schema'
import ButtonRow from '../../components/ButtonRow'
import { theme } from '../../components/theme'
import { formatClock } from '../../i18n/format'
import { pickText } from '../../i18n/localize'
import type { PlaybackError } from '../../player/errors'
import { PlaybackController } from '../../player/PlaybackController'
import NotFound from '../NotFound'
import { chooseManifest } from '../../player/streamChoice'

export interface PlayerSnapshot {
  screen: 'player'
  id: string
  state: PlayerState
  url: string
  currentTime: number
  duration: number
  error?: PlaybackError
}

type PlayerState = 'loading' | 'playing' | 'paused' | 'buffering' | 'ended' | 'error'

const BAR = { x: theme.safe.x, y: 960, w: 1920 - theme.safe.x * 2, h: 8 }
const OVERLAY_HIDE_MS = 4000
const SEEK_STEP_S = 10

export interface PlayTarget {
  title: Title
  episode?: { episode: Episode; season: number }
}

/**
 * Full-screen playback: the video plays behind the (transparent) canvas, with a small overlay for
 * title, progress and time. Back stops playback and returns to the previous screen.
 */
export default class Player extends Lightning.Component {
  private _context?: AppContext
  private _controller?: PlaybackController
  private _target?: PlayTarget
  private _url = ''
  private _playerState: PlayerState = 'loading'
  private _error?: PlaybackError
  private _hideTimer?: ReturnType<typeof setTimeout>

  static override _template(): Lightning.Component.Template {
    const text = (fontSize: number, extra: Record<string, unknown> = {}) => ({
      text: { text: '', fontFace: theme.font, fontSize, ...extra },
    })
    return {
      w: 1920,
      h: 1080,
      Overlay: {
        TopShade: { w: 1920, h: 240, rect: true, colorTop: 0xcc000000, colorBottom: 0x00000000 },
        BottomShade: {
          y: 760,
          w: 1920,
          h: 320,
          rect: true,
          colorTop: 0x00000000,
          colorBottom: 0xdd000000,
        },
        Title: {
          x: theme.safe.x,
          y: 60,
          ...text(44, { fontStyle: 'bold', wordWrapWidth: 1500, maxLines: 1 }),
        },
        Subtitle: { x: theme.safe.x, y: 118, color: theme.colors.textDim, ...text(28) },
        State: {
          x: theme.safe.x,
          y: 890,
          color: theme.colors.accent,
          ...text(28, { fontStyle: 'bold' }),
        },
        Time: { x: 1920 - theme.safe.x, y: 890, mountX: 1, ...text(28) },
        Track: { ...BAR, rect: true, color: 0x55ffffff },
        Progress: { x: BAR.x, y: BAR.y, w: 0, h: BAR.h, rect: true, color: theme.colors.accent },
      },
      ErrorPanel: {
        visible: false,
        w: 1920,
        h: 1080,
        rect: true,
        color: 0xee0b0f14,
        Title: { x: 960, y: 380, mountX: 0.5, ...text(52, { fontStyle: 'bold' }) },
        Help: { x: 960, y: 460, mountX: 0.5, color: theme.colors.textDim, ...text(30) },
        Detail: { x: 960, y: 510, mountX: 0.5, color: 0xff6b7785, ...text(22) },
        Buttons: { x: 960, y: 600, mountX: 0.5, type: ButtonRow },
      },
      Missing: { type: NotFound, visible: false },
    }
  }

  bind(context: AppContext): void {
    this._context = context
  }

  /** Nothing to play under this id: say so rather than show a black screen. */
  showMissing(id: string): void {
    this.stop()
    const missing = this.tag('Missing') as NotFound
    if (this._context) missing.show(this._context, `play/${id}`)
    missing.visible = true
    this._refocus()
  }

  play(target: PlayTarget): void {
    const context = this._context
    if (!context) return
    this.tag('Missing').visible = false
    this._target = target
    this._error = undefined
    this.tag('ErrorPanel').visible = false
    const order = context.contentOrder()
    const title = pickText(target.title.title, order)
    this.tag('Overlay.Title').text.text = title
    this.tag('Overlay.Subtitle').text.text = target.episode
      ? `${context.t('details.season', { n: target.episode.season })} · ${target.episode.episode.number}. ${pickText(target.episode.episode.title, order)}`
      : ''
    const stream = target.episode
      ? target.episode.episode.stream
      : target.title.kind === 'film'
        ? target.title.stream
        : undefined
    const url = stream ? chooseManifest(stream, context.config.player.preferredFormat) : undefined
    this._controller ??= new PlaybackController(context.config.player, (error) =>
      this._showError(error),
    )
    if (!url) {
      this._showError({
        code: 2006,
        category: 'player',
        severity: 'critical',
        detail: 'no stream for this title',
      })
      return
    }
    this._url = url
    this._setPlayerState('loading')
    this._controller.open(this, url)
    this._showOverlay()
  }

  snapshot(): PlayerSnapshot {
    return {
      screen: 'player',
      id: this._target?.episode?.episode.id ?? this._target?.title.id ?? '',
      state: this._playerState,
      url: this._url,
      currentTime: this._controller?.currentTime ?? 0,
      duration: this._controller?.duration ?? 0,
      error: this._error,
    }
  }

  /** Stops playback and releases the player; safe to call twice. */
  stop(): void {
    clearTimeout(this._hideTimer)
    this._controller?.close()
    this._setPlayerState('ended')
  }

  override _inactive(): void {
    this.stop()
  }

  override _detach(): void {
    this.stop()
  }

  override _getFocused(): Lightning.Component {
    if (this.tag('Missing').visible) return this.tag('Missing')
    return this._error ? this.tag('ErrorPanel.Buttons') : this
  }

  override _handleBack(): boolean {
    this.stop()
    Router.back()
    return true
  }

  override _handleEnter(): boolean {
    this._togglePause()
    return true
  }

  _handlePlayPause(): boolean {
    this._togglePause()
    return true
  }

  override _handleLeft(): boolean {
    this._controller?.skip(-SEEK_STEP_S)
    this._showOverlay()
    return true
  }

  override _handleRight(): boolean {
    this._controller?.skip(SEEK_STEP_S)
    this._showOverlay()
    return true
  }

  override _handleKey(): boolean {
    this._showOverlay()
    return true
  }

  $buttonPressed(id: string): void {
    if (id === 'retry' && this._target) this.play(this._target)
    else if (id === 'back') this._handleBack()
  }

  $videoPlayerPlaying(): void {
    this._setPlayerState('playing')
  }

  $videoPlayerPause(): void {
    if (this._playerState !== 'ended') this._setPlayerState('paused')
    this._showOverlay()
  }

  $videoPlayerWaiting(): void {
    this._setPlayerState('buffering')
  }

  $videoPlayerEnded(): void {
    this._setPlayerState('ended')
    this._handleBack()
  }

  $videoPlayerTimeUpdate(): void {
    this._renderProgress()
  }

  $videoPlayerError(): void {
    // Media element errors without a Shaka error (e.g. decode failure) still deserve a message.
    if (!this._error)
      this._showError({
        code: 2004,
        category: 'media',
        severity: 'critical',
        detail: 'media error',
      })
  }

  private _togglePause(): void {
    this._controller?.playPause()
    this._showOverlay()
  }

  private _setPlayerState(state: PlayerState): void {
    this._playerState = state
    const context = this._context
    if (!context) return
    const label =
      state === 'loading' || state === 'buffering'
        ? context.t('player.loading')
        : state === 'paused'
          ? context.t('player.paused')
          : ''
    this.tag('Overlay.State').text.text = label
  }

  private _renderProgress(): void {
    const time = this._controller?.currentTime ?? 0
    const duration = this._controller?.duration ?? 0
    const ratio = duration > 0 ? Math.min(1, time / duration) : 0
    this.tag('Overlay.Progress').w = BAR.w * ratio
    this.tag('Overlay.Time').text.text = `${formatClock(time)} / ${formatClock(duration)}`
  }

  private _showOverlay(): void {
    clearTimeout(this._hideTimer)
    this.tag('Overlay').setSmooth('alpha', 1, { duration: 0.2 })
    this._hideTimer = setTimeout(() => {
      if (this._playerState === 'playing')
        this.tag('Overlay').setSmooth('alpha', 0, { duration: 0.4 })
    }, OVERLAY_HIDE_MS)
  }

  private _showError(error: PlaybackError): void {
    if (error.severity === 'recoverable') return
    const context = this._context
    this._error = error
    this._playerState = 'error'
    this._controller?.close()
    const panel = this.tag('ErrorPanel')
    panel.visible = true
    panel.tag('Title').text.text = context?.t('player.error.title') ?? ''
    panel.tag('Help').text.text = context?.t('player.error.help') ?? ''
    panel.tag('Detail').text.text = `${error.code} · ${error.detail}`
    ;(panel.tag('Buttons') as ButtonRow).buttons = [
      { id: 'retry', label: context?.t('error.retry') ?? 'Retry' },
      { id: 'back', label: context?.t('error.back') ?? 'Back' },
    ]
    this._refocus()
  }
}
