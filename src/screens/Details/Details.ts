import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import type { AppContext } from '../../app/context'
import type { Title } from '../../catalogue/schema'
import ButtonRow, { type ButtonSpec } from '../../components/ButtonRow'
import { fireUp } from '../../components/fire'
import EpisodeTile, { EPISODE_TILE, type EpisodeTileModel } from '../../components/EpisodeTile'
import { metaLine } from '../../components/Hero'
import Rail from '../../components/Rail'
import { billboardArtwork, cardColor, cardGradient } from '../../components/Tile/artwork'
import { decodeBox, SizedImageTexture } from '../../components/Tile/sizedImage'
import NotFound, { type NotFoundSnapshot } from '../NotFound'
import { theme, withAlpha } from '../../components/theme'
import { formatClock } from '../../i18n/format'
import { pickText } from '../../i18n/localize'
import type { ProgressEntry } from '../../state/progress'
import { acquireButtons } from '../../entitlements/accessLabel'
import { episodeModels, infoLines } from './detailsModel'
import { linesIn } from '../../components/textFit'
import { titleColumnItems } from '../../components/titleColumn'
import {
  ACTIONS_TOP,
  BRAND,
  META,
  SYNOPSIS,
  SYNOPSIS_LINES_UNMEASURED,
  synopsisLinesUnmeasured,
  titleStyleFor,
  type TitleStyle,
  synopsisLines,
  TEXT_TOP,
  TEXT_WIDTH,
  TITLE,
} from './detailsLayout'
import { accessEndsAt, canPlay, type Access } from '../../entitlements/access'
import { rightsKnowledge, rightsUnchecked } from '../../entitlements/store'

const SCREEN = { w: 1920, h: 1080 }
/**
 * The backdrop lies dimmed under the text: decoded at two thirds of the screen and scaled up, a
 * feed's full-HD or 4K backdrop costs the texels of 1280x720 and its upload no longer stalls the
 * frame that opens the details.
 */
const BACKDROP_DECODE = 2 / 3

type Area = 'actions' | 'seasons' | 'episodes'

export interface DetailsSnapshot {
  screen: 'details'
  id: string
  area: Area
  action: string | undefined
  season: number
  episodeIndex: number
  episodeId: string | undefined
  /** The meta line and the facts as drawn ("label: value"). */
  meta: string
  facts: string[]
  /** The synopsis as drawn ('' when none shows). */
  synopsis: string
  /** The action buttons' labels, in order. */
  actions: string[]
  /** Where the text column is drawn, so a test can check it ends above the buttons. */
  layout: { titleLines: number; synopsisLines: number; synopsisBottom: number; actionsTop: number }
}

const INFO_X = 1180
/**
 * The buttons scroll rather than run under the facts column, which reaches down past them on a
 * series (nine facts): "S1 E2 · Reprendre à 0:40" pushed "Ajouter à ma liste" over "Gratuit".
 */
const ACTIONS_VIEW_WIDTH = INFO_X - 48 - theme.safe.x
/** Redrawn just after a right ends, so the clock has passed it when access is asked again. */
const ACCESS_END_SLACK_MS = 250
const DAY_MS = 86_400_000

function readyEpisode(title: Title, id: string): { season: number; number: number } | undefined {
  if (title.kind !== 'series') return undefined
  for (const season of title.seasons) {
    const episode = season.episodes.find((e) => e.id === id)
    if (episode) return { season: season.number, number: episode.number }
  }
  return undefined
}

/**
 * A title's details: everything a household needs to decide, and the actions. "Play" is focused
 * on arrival; for series, Down reaches the seasons and episodes.
 */
export default class Details extends Lightning.Component {
  private _context?: AppContext
  private _title?: Title
  /** Set for a title whose availability window has not opened: when it will. */
  private _availableFrom: string | undefined
  private _area: Area = 'actions'
  private _missing?: string
  private _season = 1
  private _subscriptions: Subscription[] = []
  private _accessTimer?: ReturnType<typeof setTimeout>
  private _titleStyle: TitleStyle = TITLE

  static override _template(): Lightning.Component.Template {
    return {
      // No background rectangle: the stage clears to it (src/app/stageBackground.ts).
      w: 1920,
      h: 1080,
      // Shown when a title has no wide image or it fails: the scrim keeps the text readable on both.
      BackdropFallback: { w: 1920, h: 1080, rect: true, alpha: 0 },
      Backdrop: { w: 1920, h: 1080, alpha: 0.001 },
      Scrim: {
        w: 1920,
        h: 1080,
        rect: true,
        colorLeft: withAlpha(theme.colors.background, 0xf2),
        colorRight: withAlpha(theme.colors.background, 0xcc),
      },
      // A flex column: a one-line title leaves no hole; the synopsis's line count is fitted to the
      // title's drawn height (detailsLayout.ts), so the column never reaches the buttons.
      Text: {
        x: theme.safe.x,
        y: TEXT_TOP,
        w: TEXT_WIDTH,
        flex: { direction: 'column' },
        ...titleColumnItems(
          { brand: BRAND, title: TITLE, meta: META, synopsis: SYNOPSIS },
          {
            titleWidth: TEXT_WIDTH,
            synopsisWidth: TEXT_WIDTH,
            synopsisLines: SYNOPSIS_LINES_UNMEASURED,
          },
        ),
      },
      Actions: { x: theme.safe.x, y: ACTIONS_TOP, type: ButtonRow, viewWidth: ACTIONS_VIEW_WIDTH },
      Info: { x: INFO_X, y: 110, w: 1920 - INFO_X - theme.safe.x },
      Seasons: { x: theme.safe.x, y: 710, type: ButtonRow, visible: false },
      Episodes: { y: 770, type: Rail, visible: false },
      Missing: { type: NotFound, visible: false },
    }
  }

  bind(context: AppContext): void {
    if (this._context === context) return
    this._context = context
    this._subscriptions.push(
      context.ui.select((s) => s.language).subscribe(() => this._render()),
      context.progress.store.select((s) => s.entries).subscribe(() => this._renderActions()),
      context.myList.store.select((s) => s.ids).subscribe(() => this._renderActions()),
      // A rental bought or expired, a pass taken: what to press and "how to watch" change.
      context.entitlements.select((s) => s.holdings).subscribe(() => this._render()),
      // Rights known, still asked or unanswered: what to press changes (details never offers a
      // purchase of what may be held already).
      context.entitlements.select(rightsKnowledge).subscribe(() => this._render()),
    )
  }

  /** Shows a title; arriving on a new title resets focus to Play, coming back keeps it. */
  /** Shows a title; with `availableFrom` (an upcoming title) it says when, instead of Play. */
  show(title: Title, availableFrom?: string): void {
    this._missing = undefined
    this.tag('Missing').visible = false
    if (this._title?.id === title.id && this._availableFrom === availableFrom) return
    this._title = title
    this._availableFrom = availableFrom
    this._area = 'actions'
    this._season = title.kind === 'series' ? title.seasons[0]!.number : 1
    this._showBackdrop(title)
    this._render()
    const actions = this.tag('Actions') as ButtonRow
    // A new title starts on its first action: Play, Resume, Rent or the opening date.
    actions.focusOn(actions.ids[0] ?? 'play')
    ;(this.tag('Episodes') as Rail<EpisodeTileModel>).restore(0, 0)
    this._refocus()
  }

  /** The id is not in the catalogue (stale deep link, removed title): say so, offer home. */
  /** No such title; or, with 'unavailable', the catalogue service could not be asked. */
  showMissing(
    id: string,
    reason: NotFoundSnapshot['reason'] = 'missing',
    values: Record<string, string> = {},
  ): void {
    this._missing = id
    this._title = undefined
    const missing = this.tag('Missing') as NotFound
    if (this._context) missing.show(this._context, `details/${id}`, reason, values)
    missing.visible = true
    this._refocus()
  }

  snapshot(): DetailsSnapshot | ReturnType<NotFound['snapshot']> {
    if (this._missing !== undefined) return (this.tag('Missing') as NotFound).snapshot()
    const episodes = this.tag('Episodes') as Rail<EpisodeTileModel>
    return {
      screen: 'details',
      id: this._title?.id ?? '',
      area: this._area,
      action: (this.tag('Actions') as ButtonRow).focusedId,
      season: this._season,
      episodeIndex: episodes.index,
      episodeId: this._area === 'episodes' ? episodes.focusedModel?.id : undefined,
      meta: this.tag('Text.Meta').text?.text ?? '',
      facts: this._context && this._title ? this._facts(this._context, this._title) : [],
      synopsis: this.tag('Text.Synopsis').visible
        ? String(this.tag('Text.Synopsis').text?.text ?? '')
        : '',
      actions: (this.tag('Actions') as ButtonRow).labels,
      layout: this._layout(),
    }
  }

  private _layout(): DetailsSnapshot['layout'] {
    const title = this.tag('Text.Title')
    const synopsis = this.tag('Text.Synopsis')
    return {
      titleLines: linesIn(this._titleStyle, title.renderHeight),
      synopsisLines: synopsis.visible ? linesIn(SYNOPSIS, synopsis.renderHeight) : 0,
      synopsisBottom: this.tag('Text').finalY + synopsis.finalY + synopsis.renderHeight,
      actionsTop: this.tag('Actions').finalY,
    }
  }

  override _init(): void {
    // The title's height is known once drawn: one line leaves room for more synopsis than two.
    this.tag('Text.Title').on('txLoaded', () =>
      this._fitSynopsis(synopsisLines(this.tag('Text.Title').renderHeight)),
    )
    const backdrop = this.tag('Backdrop')
    backdrop.on('txLoaded', () =>
      backdrop.setSmooth('alpha', 0.85, { duration: theme.duration.fade }),
    )
    backdrop.on('txError', () => {
      // No retry: the gradient stands in for this title's backdrop.
      backdrop.texture = null
      this.tag('BackdropFallback').setSmooth('alpha', 1, { duration: theme.duration.fade })
    })
    const episodes = this.tag('Episodes') as Rail<EpisodeTileModel>
    episodes.geometry = {
      x: theme.safe.x,
      tileWidth: EPISODE_TILE.w,
      tileHeight: EPISODE_TILE.h,
      gap: 28,
      viewportWidth: 1920,
    }
    episodes.tileType = EpisodeTile
    episodes.railId = 'episodes'
  }

  /**
   * A wide image, cropped to the screen (never stretched); a poster alone would be blown up far
   * beyond its size, so without a wide image the title's gradient is the backdrop.
   */
  private _showBackdrop(title: Title): void {
    const artwork = billboardArtwork(title.artwork)
    const src = artwork?.shape === 'landscape' ? artwork.src : undefined
    const backdrop = this.tag('Backdrop')
    backdrop.setSmooth('alpha', 0.001, { duration: 0 })
    backdrop.alpha = 0.001
    backdrop.texture = src
      ? {
          type: SizedImageTexture,
          src,
          decode: decodeBox('landscape', SCREEN, BACKDROP_DECODE),
          resizeMode: { type: 'cover', w: SCREEN.w, h: SCREEN.h },
        }
      : null
    const fallback = this.tag('BackdropFallback')
    fallback.patch(cardGradient(cardColor(title.id)))
    fallback.setSmooth('alpha', src ? 0 : 1, { duration: 0 })
    fallback.alpha = src ? 0 : 1
  }

  /**
   * A rental that runs out while its page is open: "Loué jusqu'au..." and Watch must turn into
   * Rent at that moment, not at the next visit.
   */
  private _redrawWhenAccessEnds(access: Access, now: number): void {
    clearTimeout(this._accessTimer)
    this._accessTimer = undefined
    const endsAt = accessEndsAt(access)
    if (endsAt === undefined) return
    const wait = endsAt - now + ACCESS_END_SLACK_MS
    // Beyond a day the page is seen again long before (and setTimeout's range is 24.8 days).
    if (wait > 0 && wait < DAY_MS) this._accessTimer = setTimeout(() => this._render(), wait)
  }

  override _detach(): void {
    clearTimeout(this._accessTimer)
    this._accessTimer = undefined
    this._subscriptions.forEach((subscription) => subscription.unsubscribe())
    this._subscriptions = []
    this._context = undefined
  }

  override _getFocused(): Lightning.Component {
    if (this._missing !== undefined) return this.tag('Missing')
    if (this._area === 'seasons') return this.tag('Seasons')
    if (this._area === 'episodes') return this.tag('Episodes')
    return this.tag('Actions')
  }

  override _handleDown(): boolean {
    if (this._title?.kind !== 'series') return true
    if (this._area === 'actions') this._area = this._hasSeasonChoice() ? 'seasons' : 'episodes'
    else if (this._area === 'seasons') this._area = 'episodes'
    return true
  }

  override _handleUp(): boolean {
    if (this._area === 'episodes') this._area = this._hasSeasonChoice() ? 'seasons' : 'actions'
    else if (this._area === 'seasons') this._area = 'actions'
    return true
  }

  override _handleEnter(): boolean {
    if (this._area === 'episodes') {
      const episode = (this.tag('Episodes') as Rail<EpisodeTileModel>).focusedModel
      if (episode) Router.navigate(`play/${episode.id}`)
    }
    return true
  }

  override _handleBack(): boolean {
    if (this._area !== 'actions') {
      this._area = 'actions'
      return true
    }
    return false
  }

  $railFocusChanged(): void {}

  /** Moving along the seasons shows that season's episodes at once, no OK needed. */
  $rowFocusChanged(id: string): void {
    if (!id.startsWith('season-')) return
    const season = Number(id.slice('season-'.length))
    if (season === this._season) return
    this._season = season
    this._renderEpisodes()
    ;(this.tag('Episodes') as Rail<EpisodeTileModel>).restore(0, 0)
  }

  $buttonPressed(id: string): void {
    const title = this._title
    const context = this._context
    if (!title || !context) return
    const saved = this._saved()
    if (id === 'resume' && saved) {
      Router.navigate(`play/${saved.id}`)
    } else if (id === 'startover' && saved) {
      context.progress.requestStartOver(saved.id)
      Router.navigate(`play/${saved.id}`)
    } else if (id === 'play') {
      const target = title.kind === 'series' ? this._firstEpisodeId(title) : title.id
      if (target) Router.navigate(`play/${target}`)
    } else if (id === 'rent' || id === 'subscribe') {
      Router.navigate(`buy/${title.id}/${id === 'rent' ? 'rental' : 'pass'}`)
    } else if (id === 'recheck') {
      void context.entitlements.refresh().then(() => {
        // Still nothing known: the page stays as it was, so say why.
        if (rightsUnchecked(context.entitlements.value))
          fireUp(this, '$toast', context.t('access.unchecked'))
      })
    } else if (id === 'mylist') {
      context.myList.toggle(title.id)
    } else if (id.startsWith('season-')) {
      this._area = 'episodes'
    }
  }

  private _facts(context: AppContext, title: Title): string[] {
    const language = context.contentOrder()[0] ?? 'fr'
    return infoLines(
      title,
      context.entitlements.access(title),
      context.t,
      language,
      context.zone,
    ).map((line) => `${line.label}: ${line.value}`)
  }

  private _hasSeasonChoice(): boolean {
    return this._title?.kind === 'series' && this._title.seasons.length > 1
  }

  private _firstEpisodeId(title: Title): string | undefined {
    return this._firstEpisode(title)?.id
  }

  /** What Play starts on a series: the first episode the chosen season has (not always its 1). */
  private _firstEpisode(title: Title) {
    if (title.kind !== 'series') return undefined
    const season = title.seasons.find((s) => s.number === this._season) ?? title.seasons[0]
    return season?.episodes[0]
  }

  private _render(): void {
    const context = this._context
    const title = this._title
    if (!context || !title) return
    const t = context.t
    const order = context.contentOrder()
    const language = order[0] ?? 'fr'
    this.tag('Text.Brand').text.text = title.brand.name.toUpperCase()
    const heading = pickText(title.title, order)
    if (this.tag('Text.Title').text.text !== heading) {
      const style = titleStyleFor(heading)
      this._titleStyle = style
      this.tag('Text.Title').patch({
        text: {
          text: heading,
          fontSize: style.fontSize,
          lineHeight: style.lineHeight,
          maxLines: style.maxLines,
        },
      })
      // Until the new title is drawn, the synopsis assumes it takes all its lines.
      this._fitSynopsis(synopsisLinesUnmeasured(style))
    }
    this.tag('Text.Meta').text.text =
      `${t(title.kind === 'series' ? 'kind.series' : 'kind.film')}  ·  ${metaLine(title, t, language)}`
    this.tag('Text.Synopsis').text.text = pickText(title.synopsis, order)

    this._renderActions()
    const access = context.entitlements.access(title)
    this._redrawWhenAccessEnds(access, context.entitlements.now())

    this.tag('Info').children = infoLines(title, access, t, language, context.zone).map(
      (line, i) => ({
        // Nine facts must end above the episode cards (y 766) on a series.
        y: i * 64,
        Label: {
          color: theme.colors.textDim,
          text: { text: line.label, fontFace: theme.font, fontSize: 22 },
        },
        Value: {
          y: 28,
          color: theme.colors.onBackground,
          text: {
            text: line.value,
            fontFace: theme.font,
            fontSize: 26,
            wordWrapWidth: 1920 - INFO_X - theme.safe.x,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
      }),
    )

    const isSeries = title.kind === 'series'
    this.tag('Seasons').visible = this._hasSeasonChoice()
    this.tag('Episodes').visible = isSeries
    if (isSeries) {
      ;(this.tag('Seasons') as ButtonRow).buttons = title.seasons.map((season) => ({
        id: `season-${season.number}`,
        label: t('details.season', { n: season.number }),
      }))
      this.tag('Episodes').y = this._hasSeasonChoice() ? 800 : 710
      this._renderEpisodes()
    }
  }

  private _fitSynopsis(lines: number): void {
    const synopsis = this.tag('Text.Synopsis')
    // maxLines 0 would mean "no limit" to Lightning.
    synopsis.visible = lines > 0
    synopsis.text.maxLines = Math.max(lines, 1)
  }

  private _renderEpisodes(): void {
    const context = this._context
    const title = this._title
    if (!context || !title) return
    const episodes = this.tag('Episodes') as Rail<EpisodeTileModel>
    episodes.label = ''
    episodes.models = episodeModels(title, this._season, context.contentOrder(), context.t)
    this._renderActions()
  }

  /** Where the household stopped in this title (or one of its episodes), if anywhere. */
  private _saved(): ProgressEntry | undefined {
    const context = this._context
    const title = this._title
    return context && title ? context.progress.forTitle(title.id) : undefined
  }

  /** "Resume from 12:34" and "Start over" when a position is saved, else "Play". */
  private _renderActions(): void {
    const context = this._context
    const title = this._title
    if (!context || !title) return
    const t = context.t
    const saved = this._saved()
    const buttons: ButtonSpec[] = []
    const access = context.entitlements.access(title)
    if (this._availableFrom) {
      buttons.push({ id: 'upcoming', label: t('availability.from', { date: this._availableFrom }) })
    } else if (access.kind === 'unknown') {
      // Nothing is known of the household's rights: what looks for sale may be paid for already,
      // so nothing is offered to buy. While the service is asked, that is said (pressing it does
      // nothing); once it failed, checking again is what there is to do.
      buttons.push(
        access.failed
          ? { id: 'recheck', label: t('details.recheckRights') }
          : { id: 'checking', label: t('access.checking') },
      )
    } else if (!canPlay(access)) {
      buttons.push(...acquireButtons(title, t, context.contentOrder()[0] ?? 'fr'))
    } else if (saved) {
      const episode = title.kind === 'series' ? readyEpisode(title, saved.id) : undefined
      const where = episode ? `S${episode.season} E${episode.number} · ` : ''
      buttons.push(
        {
          id: 'resume',
          label: `${where}${t('details.resume', { time: formatClock(saved.position) })}`,
        },
        { id: 'startover', label: t('details.startOver') },
      )
    } else {
      buttons.push(
        title.kind === 'series'
          ? {
              id: 'play',
              label: t('details.playEpisode', {
                season: this._season,
                episode: this._firstEpisode(title)?.number ?? 1,
              }),
            }
          : { id: 'play', label: t('details.play') },
      )
    }
    // Played with ads because the passes could not be checked: a pass holder can ask again.
    if (!this._availableFrom && context.entitlements.adsUnchecked(title))
      buttons.push({ id: 'recheck', label: t('details.recheckRights') })
    buttons.push({
      id: 'mylist',
      label: t(context.myList.has(title.id) ? 'myList.remove' : 'myList.add'),
    })
    ;(this.tag('Actions') as ButtonRow).buttons = buttons
    // New buttons replace the focused one: the focus path must follow.
    this._refocus()
  }
}
