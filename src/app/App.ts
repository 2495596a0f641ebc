import { Lightning, Router, Utils } from '@lightningjs/sdk'
import type { SystemSpeechGlobals } from '../accessibility/systemSpeech'
import { startAccessibility } from '../accessibility/wire'
import { phraseOf, type Announceable } from '../accessibility/phrases'
import { offlineNotice } from '../catalogue/offlineNotice'
import Dialog from '../components/Dialog'
import Notice from '../components/Notice'
import { watchSleep } from '../parental/watchSleep'
import PinOverlay from './PinOverlay'
import { followDroppedHashes, isDroppedHashThrow, type RouterLike } from './droppedHash'
import ConsentOverlay from './ConsentOverlay'
import type { ConfigProblem } from '../config/validate'
import { KeyGate, markRepeat } from '../platform/keyGate'
import { wakeRenderLoop, type LoopPlatform } from './renderLoop'
import { startOnChooser } from '../screens/Profiles/chooserAtStart'
import { loadLanguagePreference } from '../state/preferences'
import type { AppContext } from './context'
import { createRoutes } from './routes'
import { overlayClosesOnRoute, type Overlay } from './exitQuestion'
import { TEST_HOOKS } from './buildFlags'
import { AppProbe } from './appProbe'
import { releaseStaleTexturesOnDeactivate } from './textureRelease'
import { StageBackground } from './stageBackground'
import { textStyle, theme } from '../components/theme'
import { loadingMessage } from './loadingMessage'
import { catalogueErrorHelp } from './catalogueErrorHelp'
import { prepareImageDecoding } from '../components/Tile/sizedImage'
import { mendLocationHash } from './decodableHash'
import { configErrorText } from './configErrorText'
import { toastY, type ToastPlacement } from './toastPlacement'

const TOAST_MS = 3000

interface SdkApplication {
  config: { keys: Record<number, string | string[]> }
  closeApp(): void
  focusBottomUpEvent(events: string[], ...args: unknown[]): boolean
}

export interface AppOptions {
  context: AppContext
  /** Problems found in settings.json before start; shown instead of the app. */
  configProblems: ConfigProblem[]
  /** Told when the SDK makes the app, its start-up files loaded (startWatch.ts). */
  onStarted?: () => void
}

/**
 * Builds the root component class for a context. The class closes over the context instead of
 * reading a global, so tests can mount an App with a context of their own.
 */
export function createApp(options: AppOptions) {
  const { context } = options
  releaseStaleTexturesOnDeactivate()

  return class App extends Router.App {
    private _overlay: Overlay = null
    private _configProblems: ConfigProblem[] = [...options.configProblems]
    private _gate = new KeyGate(context.config.input)
    /** Marks and counters for the tests and the benchmark; absent from operator packages. */
    private _probe?: AppProbe
    private _background?: StageBackground
    private _toastTimer?: ReturnType<typeof setTimeout>
    /** The App is made as the SDK launches, with the catalogue's first request. */
    private readonly _loadingSince = performance.now()
    private _loadingTimer?: ReturnType<typeof setInterval>
    private _loadingText = ''
    private _stopSleepWatch?: () => void
    private _stopRightsRefresh?: () => void
    private _stopConsentWatch?: () => void
    private _stopAccessibility?: () => void
    private readonly _onBlur = () => this._gate.reset()
    /** The route a PIN question was asked on: the Router sets the hash before it asks. */
    private _pinRoute = ''
    /** Before the Router's own listener: it cannot read a hash that does not decode. */
    private readonly _mendHash = () => mendLocationHash(window.location, window.history)
    private readonly _followDroppedHash = followDroppedHashes(
      Router as unknown as RouterLike,
      window.location,
    )

    private readonly _onRejection = (event: PromiseRejectionEvent) => {
      if (isDroppedHashThrow(event.reason)) event.preventDefault()
    }

    private readonly _onHashChange = () => {
      if (overlayClosesOnRoute(this._overlay, window.location.hash)) this._showOverlay(null)
      if (window.location.hash !== this._pinRoute) (this.tag('Pin') as PinOverlay).cancel()
    }

    /**
     * Called by the SDK while it builds the Application: after its Storage is ready and before
     * any text is drawn, the moment to bring back the household's language.
     */
    static language() {
      const stored = loadLanguagePreference(context.platform, context.config.language.available)
      if (stored) context.ui.update({ language: stored })
      return {
        file: Utils.asset('translations.json'),
        language: context.ui.value.language,
      }
    }

    static override _template(): Lightning.Component.Template {
      return {
        ...super._template(),
        // Until the first catalogue arrives nothing else is drawn: say that it is loading.
        Loading: {
          x: 960,
          y: 540,
          mount: 0.5,
          zIndex: 140,
          visible: false,
          color: theme.colors.textDim,
          ...textStyle(32),
        },
        // Catalogue notice: "offline, showing content from <time>" while the last good copy shows.
        CatalogueNotice: { type: Notice, zIndex: 150 },
        // Short confirmations ("Ajouté à ma liste"), above the catalogue notice.
        Toast: { type: Notice, zIndex: 160, y: toastY('bottom') },
        Overlay: { type: Dialog, visible: false, zIndex: 200 },
        // The consent question (GDPR), after the first-start PIN and whenever it must be asked.
        Consent: { type: ConsentOverlay, zIndex: 250 },
        // Above everything: a PIN asked for by any screen, or the first-start PIN choice.
        Pin: { type: PinOverlay, zIndex: 300 },
      }
    }

    override _setup(): void {
      options.onStarted?.()
      // Started before home's first frame, which asks for the posters in one long task.
      prepareImageDecoding()
      this._background = new StageBackground(this.stage, () => theme.colors.background)
      if (TEST_HOOKS) {
        this._probe = new AppProbe(this, context, () => ({
          overlay: this._overlay,
          configProblems: this._configProblems,
          pin: (this.tag('Pin') as PinOverlay).snapshot(),
          consent: (this.tag('Consent') as ConsentOverlay).snapshot(),
          notice: (this.tag('CatalogueNotice') as Notice).message,
          toast: (this.tag('Toast') as Notice).message,
          loading: this._loadingText,
        }))
      }
      window.addEventListener('blur', this._onBlur)
      this._mendHash()
      window.addEventListener('hashchange', this._mendHash)
      window.addEventListener('hashchange', this._onHashChange)
      window.addEventListener('hashchange', this._followDroppedHash)
      window.addEventListener('unhandledrejection', this._onRejection)
      const pin = this.tag('Pin') as PinOverlay
      pin.context = context
      ;(this.tag('Consent') as ConsentOverlay).context = context
      context.setPinPrompter((kind, prompt, mode) => {
        this._pinRoute = window.location.hash
        return pin.ask(kind, prompt, mode)
      })
      this._stopSleepWatch = watchSleep(document, context.parental)
      this._stopAccessibility = startAccessibility(
        context,
        document,
        globalThis as SystemSpeechGlobals,
      )
      context.catalogue
        .select((s) => s.state)
        .subscribe((state) => {
          if (state.status === 'error') this._showOverlay('catalogue-error')
          else if (this._overlay === 'catalogue-error') this._showOverlay(null)
          this._renderCatalogueNotice()
          this._renderLoading()
        })
      context.ui
        .select((s) => s.language)
        .subscribe(() => {
          this._renderOverlay()
          this._renderCatalogueNotice()
          this._renderLoading()
        })
      // The chooser comes first when several people share the box and the app starts on home.
      Router.startRouter(
        startOnChooser(
          createRoutes(context, () => this._boot()),
          () => context.profiles.profiles.length,
        ),
        this,
      )
    }

    override _detach(): void {
      window.removeEventListener('blur', this._onBlur)
      window.removeEventListener('hashchange', this._onHashChange)
      window.removeEventListener('hashchange', this._followDroppedHash)
      window.removeEventListener('unhandledrejection', this._onRejection)
      window.removeEventListener('hashchange', this._mendHash)
      context.setPinPrompter(null)
      this._stopSleepWatch?.()
      this._stopRightsRefresh?.()
      this._stopConsentWatch?.()
      this._stopAccessibility?.()
      clearTimeout(this._toastTimer)
      clearInterval(this._loadingTimer)
    }

    override _getFocused(): Lightning.Component | null | undefined {
      const pin = this.tag('Pin') as PinOverlay
      if (pin.open) return pin
      const consent = this.tag('Consent') as ConsentOverlay
      if (consent.open) return consent
      if (this._overlay) return this.tag('Overlay')
      return super._getFocused()
    }

    /**
     * Lightning calls this on each focus change below the root: the announcer gets the new path
     * (it speaks later, once focus settles, and only when speech is on).
     */
    override _focusChange(): void {
      context.announcer.focusChanged(this.application.focusPath ?? [])
    }

    /**
     * What a component says of a change that keeps the focus where it is (a menu's line, a
     * channel zapped to, an ad starting), which the focus path alone would never say.
     */
    $announce(item: Announceable): void {
      context.announcer.say(phraseOf(item, context.t))
    }

    /** Every key passes the gate first: auto-repeat is throttled by dropping, and long-presses noticed. */
    override _captureKey(event: KeyboardEvent): boolean {
      wakeRenderLoop((this.stage as unknown as { platform?: LoopPlatform }).platform)
      const action = this._actionOf(event)
      // A key the app acts on is the app's: no page scroll under the canvas, and the engine's
      // own handling of it (caret browsing, scrolling, which first lays the page out) not run.
      if (action) event.preventDefault()
      const decision = this._gate.keyDown(event.keyCode, performance.now(), event.repeat)
      if (decision.repeat) markRepeat(event)
      if (!decision.pass) {
        this._probe?.keyDropped()
        return true
      }
      const longPress = decision.longPress && action ? action : null
      this._probe?.keyPassed(action ?? `unmapped:${event.keyCode}`, longPress)
      if (longPress) {
        this._sdkApplication().focusBottomUpEvent([`_handle${action}Long`], event)
      }
      // The PIN dialog keeps every key to itself; zapping past a locked channel is the exception.
      if (action === 'ChannelUp' || action === 'ChannelDown') {
        return this._zapPastPin(`_handle${action}`)
      }
      return false
    }

    override _captureKeyRelease(event: KeyboardEvent): boolean {
      this._gate.keyUp(event.keyCode)
      return false
    }

    /** The Router calls this when Back has no history left. */
    override _handleAppClose(): void {
      const hash = Router.getActiveHash() ?? ''
      if (this._overlay) return
      if (hash === 'home' || hash === '') this._showOverlay('exit')
      else Router.navigate('home', false)
    }

    /**
     * Channel up and down while the PIN is asked over a live channel: the household zaps past
     * the locked programme instead of having to answer or leave first. False: not that case.
     */
    private _zapPastPin(handler: '_handleChannelUp' | '_handleChannelDown'): boolean {
      const pin = this.tag('Pin') as PinOverlay
      const page = Router.getActivePage() as Partial<Record<typeof handler, () => boolean>> | null
      if (!pin.open || !(Router.getActiveHash() ?? '').startsWith('live/') || !page?.[handler])
        return false
      pin.cancel()
      return page[handler]()
    }

    /** The remote's Search key, from anywhere a screen does not use it itself. */
    _handleSearch(): boolean {
      if (this._overlay) return true
      if (!(Router.getActiveHash() ?? '').startsWith('search')) Router.navigate('search')
      return true
    }

    /**
     * Shows a short confirmation for a few seconds; a newer one replaces it. 'top' keeps it clear
     * of a screen's own bottom row (the player's times and progress bar).
     */
    $toast(message: string, placement: ToastPlacement = 'bottom'): void {
      const toast = this.tag('Toast') as Notice
      toast.y = toastY(placement)
      toast.message = message
      clearTimeout(this._toastTimer)
      this._toastTimer = setTimeout(() => (toast.message = ''), TOAST_MS)
    }

    $pinOverlayChanged(): void {
      this._refocus()
    }

    $consentOverlayChanged(): void {
      this._refocus()
    }

    /** Settings > Vie privée: the profile's choices, changeable at any time. */
    $manageConsent(): void {
      void (this.tag('Consent') as ConsentOverlay).ask('settings')
    }

    $requestExit(): void {
      this._showOverlay('exit')
    }

    /** The remote's Guide key, from any screen that does not use it itself. */
    _handleGuide(): boolean {
      if (this._overlay) return true
      // As Live TV on home: a kids profile is not offered the channels' schedules.
      if (!context.profiles.active.kids && Router.getActiveHash() !== 'guide') {
        Router.navigate('guide')
      }
      return true
    }

    $dialogChoice(choice: string): void {
      if (this._overlay === 'exit') {
        if (choice !== 'quit') return this._showOverlay(null)
        // The platform closes the app (webOS, Tizen, HbbTV, an Android host); a browser tab or a
        // missing API closes nothing, and the household is told so instead of a blank screen.
        const outcome = context.platform.exit()
        if (outcome.closed) return this._showOverlay(null)
        // Why, in the operator's terms and in English, is for the log; the household gets its
        // own words and what to do.
        console.warn(`exit: the app could not close itself (${outcome.reason}: ${outcome.detail})`)
        this._showOverlay('exit-unavailable')
      } else if (this._overlay === 'exit-unavailable') {
        this._showOverlay(null)
      } else if (this._overlay === 'catalogue-error' && choice === 'retry') {
        void context.reloadCatalogue()
      } else if (this._overlay === 'catalogue-error' && choice === 'diagnostics') {
        // What failed, where and when, for the operator's support on the phone; home (and its
        // Retry) is where Back leads from there.
        this._showOverlay(null)
        Router.navigate('settings/diagnostics')
      }
    }

    /**
     * Home counts as drawn with artwork once the billboard backdrop and a screenful of posters
     * have loaded: the moment a viewer sees a finished home, which the benchmark reports.
     */
    $artworkLoaded(kind: 'poster' | 'backdrop'): void {
      this._probe?.artwork(kind, true)
    }

    /**
     * Artwork that will not come (no URL, or it failed) is drawn as a generated card at once: it
     * counts towards "home drawn" so that mark does not wait forever, but not as a loaded image.
     */
    $artworkFailed(kind: 'poster' | 'backdrop'): void {
      this._probe?.artwork(kind, false)
    }

    /** A screen (the player) starts or stops showing video under the canvas. */
    $videoShown(screen: object, shown: boolean): void {
      this._background?.video(screen, shown)
    }

    $homeUpdated(): void {
      this._probe?.homeUpdated()
    }

    private async _boot(): Promise<void> {
      if (this._configProblems.length) {
        for (const p of this._configProblems) console.error(`[settings] ${p.path}: ${p.message}`)
        this._showOverlay('config-error')
      } else {
        // Rights load beside the catalogue; a play route waits for them if they are late.
        void context.entitlements.refresh()
        // Rentals bought on another screen or on the operator's web shop show without a restart.
        this._stopRightsRefresh = context.entitlements.startAutoRefresh()
        await context.startCatalogue()
        // Consent is asked once the PIN is chosen, never over it: one question at a time.
        void this._firstStartPin().then(() => this._askConsentWhenNeeded())
      }
      this._probe?.booted()
    }

    /**
     * The parental PIN is chosen at first start (the CSA wants locking on from the start); "Later"
     * takes the operator's default PIN. Not awaited: the home is ready behind it.
     */
    private async _firstStartPin(): Promise<void> {
      if (context.parental.status('parental') !== 'unset') return
      const length = context.config.parental.pinLength
      const choose = {
        kind: 'choose' as const,
        pin: 'parental' as const,
        length,
      }
      await (this.tag('Pin') as PinOverlay).ask('parental', choose, 'setup')
    }

    /**
     * The profile watching is asked for its consent when it has not answered the current text:
     * at first start, on a switch to a profile that never answered, after a new consent text.
     */
    private _askConsentWhenNeeded(): void {
      this._stopConsentWatch?.()
      const subscription = context.consent.needsAnswer$.subscribe((needed) => {
        const overlay = this.tag('Consent') as ConsentOverlay
        if (needed && !overlay.open) void overlay.ask('first')
      })
      this._stopConsentWatch = () => subscription.unsubscribe()
    }

    private _actionOf(event: KeyboardEvent): string | undefined {
      const keymap = this._sdkApplication().config.keys
      const action = keymap[event.keyCode]
      return Array.isArray(action) ? action[0] : action
    }

    /** The SDK's Application: core's typings do not describe what the SDK adds to it. */
    private _sdkApplication(): SdkApplication {
      return this.stage.application as unknown as SdkApplication
    }

    private _showOverlay(overlay: Overlay): void {
      this._overlay = overlay
      this.tag('Overlay').visible = overlay !== null
      this._renderOverlay()
      this._refocus()
    }

    /** Runs every quarter second until the first catalogue (or its error) is there. */
    private _renderLoading(): void {
      const { status } = context.catalogue.value.state
      const message = loadingMessage(
        status,
        performance.now() - this._loadingSince,
        context.config.catalogue.timeoutMs,
        context.t,
      )
      const label = this.tag('Loading') as Lightning.Element
      label.visible = message !== ''
      if (message && message !== this._loadingText) label.patch({ text: { text: message } })
      this._loadingText = message
      if (status === 'loading') this._loadingTimer ??= setInterval(() => this._renderLoading(), 250)
      else {
        clearInterval(this._loadingTimer)
        this._loadingTimer = undefined
      }
    }

    private _renderCatalogueNotice(): void {
      ;(this.tag('CatalogueNotice') as Notice).message = offlineNotice(
        context.catalogue.value.state,
        context.t,
        context.zone,
      )
    }

    private _renderOverlay(): void {
      const dialog = this.tag('Overlay') as Dialog
      const t = context.t
      const brand = context.config.brand.name
      switch (this._overlay) {
        case 'exit':
          dialog.content = {
            title: t('exit.title', { brand }),
            message: t('exit.message'),
            buttons: [
              { id: 'stay', label: t('exit.stay') },
              { id: 'quit', label: t('exit.quit') },
            ],
            focus: 'stay',
          }
          break
        case 'exit-unavailable':
          dialog.content = {
            title: t('exit.unavailable.title', { brand }),
            message: t('exit.unavailable.message'),
            buttons: [{ id: 'ok', label: t('exit.unavailable.ok') }],
          }
          break
        case 'config-error':
          dialog.content = {
            title: t('error.config.title'),
            message: configErrorText(this._configProblems, t),
            buttons: [],
          }
          break
        case 'catalogue-error': {
          const { state } = context.catalogue.value
          const problem = state.status === 'error' ? state.problem : undefined
          const detail = problem ? `${problem.code} · ${problem.message}` : ''
          dialog.content = {
            title: t('error.catalogue.title'),
            message: `${t(catalogueErrorHelp(problem), {
              support: context.config.device.support || t('device.yourOperator'),
            })}\n${detail}`,
            buttons: [
              { id: 'retry', label: t('error.retry') },
              { id: 'diagnostics', label: t('settings.diagnostics') },
            ],
          }
          break
        }
      }
    }
  }
}

/** Elements in a subtree, the root included. */
