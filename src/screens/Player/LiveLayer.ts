import { Lightning } from '@lightningjs/sdk'
import { installDigitKeys } from '../../focus/digitKeys'
import type { AppContext } from '../../app/context'
import type { LiveChannel } from '../../catalogue/live'
import { theme } from '../../components/theme'
import { fireUp } from '../../components/fire'
import type { Programme } from '../../guide/contract'
import { programmeAt } from '../../guide/helpers'
import { BANNER_SHOWN_MS, bannerModel, type BannerModel } from '../../player/liveBanner'
import { liveEdgeTarget, liveLag, timeShiftHint } from '../../player/liveLag'
import { liveSeekTarget, restartPlan } from '../../player/liveRestart'
import { DigitEntry, type DigitState } from '../../player/liveZap'
import { SizedImageTexture } from '../../components/Tile/sizedImage'
import { BANNER_LOGO_WIDTH, liveLayerTemplate, LIST_ROWS, MESSAGE_PAD_X } from './liveLayerTemplate'

/** What the live layer needs from the player, and nothing more. */
export interface LiveHost {
  /** Position and seekable range of the live stream, in media seconds. */
  position: () => { current: number; start: number; end: number }
  seek: (seconds: number) => void
  zap: (channelId: string) => void
  /** The programme on air changed: check it may still be watched. */
  recheck: () => void
  /** The banner came or went: the player's own controls stay out of its way meanwhile. */
  bannerShown?: (shown: boolean) => void
  /**
   * The banner was put away (Back) or its time ran out: the picture is wanted clear, not the
   * controls it covered appearing in its place.
   */
  bannerDismissed?: () => void
}

export interface LiveLayerSnapshot {
  channelId: string
  programmeId: string | undefined
  banner: { visible: boolean; now: string; next: string; progress: number; restart: boolean }
  digits: string
  message: string
  /** `drawn`: whether the list is on screen, which `open` (it takes the keys) should match. */
  list: { open: boolean; drawn: boolean; focusedId: string | undefined; shown: string[] }
  /** Seconds behind the live edge (0 at the edge). */
  behindLive: number
}

const LIVE_STEP_S = 30
const SEEK_COMMIT_MS = 350
const WATCH_MS = 15_000
const MESSAGE_MS = 3000
const HOUR = 3_600_000

/**
 * What the player adds for a live channel: the zapping banner (logo, name, now and next with its
 * progress; on every zap and on Info), channel numbers typed on the digits, the channel list
 * (OK), restart of the programme on air (Red) and moving back and forth in the timeshift window
 * (Left/Right). Keys it does not use go on to the player. The timing and the arithmetic live in
 * src/player/liveZap.ts, liveBanner.ts and liveRestart.ts.
 */
export default class LiveLayer extends Lightning.Component {
  private _context?: AppContext
  private _host?: LiveHost
  private _channel?: LiveChannel
  private _channels: readonly LiveChannel[] = []
  private _programmes: readonly Programme[] = []
  /** The channel whose programmes the guide has answered for (until then, the banner says so). */
  private _loadedFor: string | undefined
  private _programmeId: string | undefined
  private _banner?: BannerModel
  private _bannerTimer?: ReturnType<typeof setTimeout>
  private _messageTimer?: ReturnType<typeof setTimeout>
  private _watch?: ReturnType<typeof setInterval>
  private _seekTimer?: ReturnType<typeof setTimeout>
  private _seekTarget: number | undefined
  private _loading?: AbortController
  /** The channel a zap asked for, while this layer still shows the one before. */
  private _zappingTo?: LiveChannel
  private _listOpen = false
  private _listIndex = 0
  private _listFirst = 0
  private _message = ''
  /** Under the channel's error screen (putAway): no banner until the next start. */
  private _putAway = false
  private _digits = new DigitEntry(
    () => this._channels.map((channel) => channel.number),
    (number) => this._tune(number),
    (state) => this._renderDigits(state),
  )

  static override _template(): Lightning.Component.Template {
    return liveLayerTemplate()
  }
  override _init(): void {
    const pill = this.tag('Message')
    const label = pill.tag('Label')
    label.on('txLoaded', () => (pill.w = label.renderWidth + MESSAGE_PAD_X * 2))
  }

  get running(): boolean {
    return Boolean(this._channel)
  }

  /** A live channel starts: the banner shows, the programme on air is watched. */
  start(
    context: AppContext,
    channel: LiveChannel,
    channels: readonly LiveChannel[],
    host: LiveHost,
  ): void {
    this.stop()
    this._putAway = false
    this._context = context
    this._channel = channel
    this._channels = channels
    this._host = host
    this._programmeId = undefined
    this._loadedFor = undefined
    this._listIndex = Math.max(0, channels.indexOf(channel))
    this.visible = true
    this.tag('List.Title').text.text = context.t('live.channels')
    this._showBanner()
    void this._refresh()
    this._watch = setInterval(() => void this._refresh(), WATCH_MS)
  }

  stop(): void {
    clearTimeout(this._bannerTimer)
    clearTimeout(this._messageTimer)
    clearTimeout(this._seekTimer)
    clearInterval(this._watch)
    this._loading?.abort()
    this._digits.dispose()
    this._channel = undefined
    this._zappingTo = undefined
    // The list is put away, not only marked closed: a zap with it open left it drawn, its
    // highlight on the channel left.
    this._closeList()
    this._message = ''
    this._seekTarget = undefined
    this.visible = false
    if (this.tag('Banner').visible) this._hideBanner()
  }

  override _detach(): void {
    this.stop()
  }

  snapshot(): LiveLayerSnapshot {
    const digits = this._digits.value
    const position = this._host?.position()
    return {
      channelId: this._channel?.id ?? '',
      programmeId: this._programmeId,
      banner: {
        visible: this.tag('Banner').visible,
        now: this._banner?.now?.title ?? '',
        next: this._banner?.next?.title ?? '',
        progress: this._banner?.progress ?? 0,
        restart: this._banner?.restart ?? false,
      },
      digits: digits.phase === 'typing' ? digits.digits : '',
      message: this._message,
      list: {
        open: this._listOpen,
        drawn: this.tag('List').visible,
        focusedId: this._listOpen ? this._channels[this._listIndex]?.id : undefined,
        shown: this._listOpen
          ? this._channels.slice(this._listFirst, this._listFirst + LIST_ROWS).map((c) => c.id)
          : [],
      },
      behindLive: position ? liveLag(position).behind : 0,
    }
  }

  override _handleEnter(): boolean {
    if (this._digits.typing) this._digits.commit()
    else if (this._listOpen) {
      const channel = this._channels[this._listIndex]
      this._closeList()
      if (channel && channel !== this._channel) this._host?.zap(channel.id)
    } else this._openList()
    return true
  }

  override _handleBack(): boolean {
    if (this._digits.typing) this._digits.clear()
    else if (this._listOpen) this._closeList()
    else if (this.tag('Banner').visible) this._dismissBanner()
    else return false
    return true
  }

  override _handleUp(): boolean {
    if (!this._listOpen) return false
    this._moveList(-1)
    return true
  }

  override _handleDown(): boolean {
    if (!this._listOpen) return false
    this._moveList(1)
    return true
  }

  _handleChannelUp(): boolean {
    if (!this._listOpen) return false
    this._moveList(-LIST_ROWS)
    return true
  }

  _handleChannelDown(): boolean {
    if (!this._listOpen) return false
    this._moveList(LIST_ROWS)
    return true
  }

  _handleInfo(): boolean {
    this._showBanner()
    return true
  }

  /** Red: the programme on air from its start, where the rights and the window allow. */
  _handleRed(): boolean {
    const context = this._context
    const channel = this._channel
    const host = this._host
    if (!context || !channel || !host) return true
    const now = context.platform.wallClock()
    const position = host.position()
    const plan = restartPlan(programmeAt(this._programmes, channel.id, now), channel, now, position)
    if (plan.ok) {
      host.seek(plan.position)
      this._showBanner()
    } else {
      this._say(
        context.t(
          plan.reason === 'beyond'
            ? 'live.restartBeyond'
            : plan.reason === 'rights'
              ? 'live.restartRefused'
              : 'live.noProgramme',
        ),
      )
    }
    return true
  }

  /** Green: back to live from a restart or steps back; nothing to do at the live point. */
  _handleGreen(): boolean {
    const host = this._host
    if (!host) return true
    const position = host.position()
    clearTimeout(this._seekTimer)
    this._seekTarget = undefined
    if (liveLag(position).live) {
      this._showBanner()
      return true
    }
    host.seek(liveEdgeTarget(position))
    this._showBanner()
    if (this._context) this._say(this._context.t('live.backToLive'))
    return true
  }

  override _handleLeft(): boolean {
    this._seekBy(-LIVE_STEP_S)
    return true
  }

  override _handleRight(): boolean {
    this._seekBy(LIVE_STEP_S)
    return true
  }

  /** A number key typed towards a channel number (held, once: not channel 11 or 111). */
  typeDigit(digit: string): void {
    this._digits.press(Number(digit))
  }

  private _tune(number: number): void {
    const channel = this._channels.find((c) => c.number === number)
    // Against the channel last asked for: until its route starts this layer again, the one on
    // screen is still the old one, and a quick "1 2" from channel 2 stopped on 1.
    const current = this._zappingTo ?? this._channel
    if (channel && channel !== current) {
      this._zappingTo = channel
      this._host?.zap(channel.id)
    } else if (channel) this._showBanner()
  }

  private _seekBy(step: number): void {
    const host = this._host
    if (!host) return
    const position = host.position()
    this._seekTarget = liveSeekTarget(this._seekTarget ?? position.current, step, position)
    this._showBanner()
    clearTimeout(this._seekTimer)
    this._seekTimer = setTimeout(() => {
      const target = this._seekTarget
      this._seekTarget = undefined
      if (target !== undefined) this._host?.seek(target)
    }, SEEK_COMMIT_MS)
  }

  /** The channel's programmes around now, then the banner; a new programme on air is checked. */
  private async _refresh(): Promise<void> {
    const context = this._context
    const channel = this._channel
    if (!context || !channel) return
    const now = context.platform.wallClock()
    this._loading?.abort()
    const controller = new AbortController()
    this._loading = controller
    try {
      const load = await context.guide(
        [channel.id],
        now - 3 * HOUR,
        now + 3 * HOUR,
        controller.signal,
      )
      if (controller.signal.aborted || channel !== this._channel) return
      this._programmes = load.programmes
    } catch {
      if (controller.signal.aborted) return
      this._programmes = []
    }
    const id = programmeAt(this._programmes, channel.id, now)?.id
    const changed = this._programmeId !== undefined && id !== this._programmeId
    const known = this._loadedFor === channel.id
    this._loadedFor = channel.id
    this._programmeId = id
    this._renderBanner()
    // The banner was said before the guide answered: what is on is said once it is known.
    if (!known && this.tag('Banner').visible) this._announceBanner()
    if (changed) this._host?.recheck()
  }

  /**
   * The channel's error screen is up: the banner and the list go, and stay away, so that only the
   * number being typed and what it says (an unknown channel) show above the error.
   */
  putAway(): void {
    this._putAway = true
    this._closeList()
    if (this.tag('Banner').visible) this._hideBanner()
  }

  private _showBanner(): void {
    if (this._putAway) return
    this.tag('Banner').visible = true
    this._host?.bannerShown?.(true)
    this._renderBanner()
    this._announceBanner()
    clearTimeout(this._bannerTimer)
    this._bannerTimer = setTimeout(() => this._dismissBanner(), BANNER_SHOWN_MS)
  }

  /** The banner for the announcer: the focus never moves when the channel changes. */
  private _announceBanner(): void {
    const banner = this._banner
    if (!banner) return
    const parts = [`${banner.number} ${banner.name}`, banner.now?.title]
    fireUp(this, '$announce', { kind: 'item', parts })
  }

  private _dismissBanner(): void {
    this._hideBanner()
    this._host?.bannerDismissed?.()
  }

  private _hideBanner(): void {
    clearTimeout(this._bannerTimer)
    this.tag('Banner').visible = false
    this._host?.bannerShown?.(false)
  }

  private _renderBanner(): void {
    const context = this._context
    const channel = this._channel
    if (!context || !channel) return
    const now = context.platform.wallClock()
    const model = bannerModel(
      channel,
      this._programmes,
      now,
      context.contentOrder(),
      context.t,
      context.zone,
      this._loadedFor !== channel.id,
    )
    this._banner = model
    const banner = this.tag('Banner')
    banner.tag('Number').text.text = model.number
    banner.tag('Name').text.text = model.name
    banner.tag('Logo').texture = model.logo
      ? { type: SizedImageTexture, src: model.logo, decode: { resizeWidth: BANNER_LOGO_WIDTH } }
      : null
    banner.tag('Now').text.text = model.now ? `${model.now.time}  ${model.now.title}` : ''
    banner.tag('Next').text.text = model.next
      ? `${context.t('live.next')} · ${model.next.time}  ${model.next.title}`
      : ''
    banner.tag('Bar.Played').w = banner.tag('Bar').w * model.progress
    const position = this._host?.position()
    const lag = position ? liveLag(position, this._seekTarget ?? position.current) : undefined
    banner.tag('Hint').text.text = lag && !lag.live ? timeShiftHint(lag, context.t) : model.hint
  }

  private _renderDigits(state: DigitState): void {
    const context = this._context
    const digits = this.tag('Digits')
    digits.visible = state.phase === 'typing'
    digits.text.text = state.phase === 'typing' ? state.digits : ''
    if (state.phase === 'unknown' && context) {
      this._say(context.t('live.unknownChannel', { number: state.number }))
    }
  }

  private _say(message: string): void {
    fireUp(this, '$announce', { kind: 'item', parts: [message] })
    this._message = message
    const pill = this.tag('Message')
    const label = pill.tag('Label')
    label.text.text = message
    // A first guess until the text texture reports its real width (txLoaded, _init).
    pill.w = message.length * 18 + MESSAGE_PAD_X * 2
    pill.visible = true
    clearTimeout(this._messageTimer)
    this._messageTimer = setTimeout(() => {
      this._message = ''
      this.tag('Message').visible = false
    }, MESSAGE_MS)
  }

  private _openList(): void {
    this._listOpen = true
    this._listIndex = Math.max(0, this._channel ? this._channels.indexOf(this._channel) : 0)
    this._renderList()
    this._announceRow()
  }

  private _closeList(): void {
    this._listOpen = false
    this.tag('List').visible = false
  }

  private _moveList(delta: number): void {
    const count = this._channels.length
    const index = Math.max(0, Math.min(count - 1, this._listIndex + delta))
    // At either end the row stays: said again, it would only repeat itself.
    if (index === this._listIndex) return
    this._listIndex = index
    this._renderList()
    this._announceRow()
  }

  /** The focus stays on the layer while the list moves, so each row is said as it is reached. */
  private _announceRow(): void {
    const channel = this._channels[this._listIndex]
    if (!channel || !this._context) return
    fireUp(this, '$announce', {
      kind: 'choice',
      group: this._context.t('live.channels'),
      label: `${channel.number} ${channel.name}`,
      selected: channel === this._channel,
    })
  }

  /** Only LIST_ROWS lines exist, whatever the number of channels. */
  private _renderList(): void {
    const list = this.tag('List')
    list.visible = true
    const count = this._channels.length
    if (this._listIndex < this._listFirst) this._listFirst = this._listIndex
    if (this._listIndex >= this._listFirst + LIST_ROWS)
      this._listFirst = this._listIndex - LIST_ROWS + 1
    this._listFirst = Math.max(0, Math.min(this._listFirst, count - LIST_ROWS))
    for (let i = 0; i < LIST_ROWS; i++) {
      const row = list.tag(`Row${i}`)
      const channel = this._channels[this._listFirst + i]
      row.visible = Boolean(channel)
      if (!channel) continue
      const focused = this._listFirst + i === this._listIndex
      row.color = focused ? theme.colors.surfaceFocused : 0x00000000
      row.tag('Label').color = focused ? theme.colors.textOnFocus : theme.colors.text
      row.tag('Label').text.text = `${channel.number}  ${channel.name}`
    }
  }
}

installDigitKeys(LiveLayer, (component, digit) => component.typeDigit(digit))
