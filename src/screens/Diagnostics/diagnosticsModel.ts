import type { CatalogueDiagnostics } from '../../app/context'
import type { RenderProfile } from '../../performance/renderProfile'
import type { StorageHealth } from '../../platform/storageHealth'
import type { GuideHealth } from '../../guide/guideHealth'
import type { GuideCoverage } from '../../guide/contract'
import { offlineTimeParts } from '../../catalogue/offlineNotice'
import { clockText, type WallZone } from '../../i18n/wallZone'
import { formatDayWithYear } from '../../i18n/format'
import type { Translate } from '../../catalogue/offers'
import {
  AVAILABILITY_STATES,
  availabilityPhrase,
  isSkippedItem,
  reasonPhrase,
  skippedByReason,
  totalOf,
  type SkipGroupReason,
} from './skipped'
import { isLeftOutPart, leftOutByReason } from './leftOut'

export interface DiagnosticsLine {
  /** 'warning' and 'error' are drawn in their own colour; 'item' lines are indented. */
  kind: 'field' | 'item' | 'warning' | 'error'
  text: string
}

export interface DiagnosticsGroup {
  /** Why the items were skipped, or which availability window holds the titles back. */
  reason: SkipGroupReason | 'expired' | 'upcoming'
  count: number
  /** The first ids, clipped; `more` counts the others. */
  ids: string[]
  more: number
}

export interface DiagnosticsModel {
  title: string
  lines: DiagnosticsLine[]
  skipped: number
  /** Skipped items over all items of the feed (skipped + titles), 0 to 1. */
  skippedShare: number
  groups: DiagnosticsGroup[]
  /** The warning line's text when the share exceeds the threshold, else ''. */
  warning: string
}

export interface DiagnosticsOptions {
  /** appSettings.catalogue.diagnosticsWarnShare */
  warnShare: number
  t: Translate
  /** The household's clock, which times are written in. */
  zone: WallZone
  /** Ids listed per reason; the rest are counted (keeps each reason on one line). */
  maxIds?: number
  /** Longer ids (and URLs, messages) are clipped with an ellipsis. */
  idChars?: number
  /** Problems other than skipped items (a rail page not loaded...) listed before counting. */
  maxOther?: number
  /** How the box's storage is doing: a full quota is said here. */
  storage?: StorageHealth
  /** Whether this box draws in lite mode, and why (src/performance). */
  render?: Pick<RenderProfile, 'lite' | 'reason'>
  /** How the guide source's fetches went. */
  guide?: GuideHealth
  /** Wall-clock ms now: a guide export whose programmes all ended before is out of date. */
  now?: number
  /** The UI language, for dates written out ("mer. 3 déc. 2025"); French by default. */
  language?: string
}

export const MAX_IDS = 4
export const ID_CHARS = 28
const MAX_OTHER = 3
/** Skip groups that also show their first item's message (the page has no scrolling). */
const MAX_EXAMPLES = 3
const URL_CHARS = 100
const MESSAGE_CHARS = 90

/** Cuts a string to `max` characters, the last one an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text
}

const percent = (share: number): number => Math.round(share * 100)

/**
 * The lines of the operator's catalogue diagnostics page, from what the loader recorded: where the
 * catalogue comes from, when it was loaded, what was skipped and why (with ids), other problems,
 * the last error, and a warning when too much of the feed was dropped.
 */
export function diagnosticsModel(
  diagnostics: CatalogueDiagnostics,
  options: DiagnosticsOptions,
): DiagnosticsModel {
  const { t, zone } = options
  const maxIds = options.maxIds ?? MAX_IDS
  const idChars = options.idChars ?? ID_CHARS
  const maxOther = options.maxOther ?? MAX_OTHER
  const none = t('diagnostics.none')
  const lines: DiagnosticsLine[] = []
  const field = (text: string) => lines.push({ kind: 'field', text })
  const item = (text: string) => lines.push({ kind: 'item', text })

  field(t('diagnostics.backend', { backend: diagnostics.backend }))
  field(t('diagnostics.url', { url: clip(diagnostics.url, URL_CHARS) || none }))
  field(loadedLine(diagnostics, t, zone))
  field(t('diagnostics.titles', { shown: diagnostics.shown ?? 0, count: diagnostics.titles }))

  const skippedGroups = skippedByReason(diagnostics.problems)
  const skipped = totalOf(skippedGroups)
  const all = skipped + diagnostics.titles
  const skippedShare = all > 0 ? skipped / all : 0
  field(t('diagnostics.skipped', { count: skipped, total: all, percent: percent(skippedShare) }))
  const listed = (
    reason: DiagnosticsGroup['reason'],
    ids: readonly string[],
    phrase: string,
  ): DiagnosticsGroup => {
    const group = {
      reason,
      count: ids.length,
      ids: ids.slice(0, maxIds).map((id) => clip(id, idChars)),
      more: Math.max(0, ids.length - maxIds),
    }
    const more = group.more ? ` ${t('diagnostics.more', { count: group.more })}` : ''
    item(t('diagnostics.group', { reason: phrase, ids: `${group.ids.join(', ')}${more}` }))
    return group
  }
  let examples = 0
  const groups = skippedGroups.map((group) => {
    const listedGroup = listed(group.reason, group.ids, reasonPhrase(group, t))
    // What was wrong with the first of them, for the largest groups: the field to fix in the CMS.
    if (group.firstMessage && examples++ < MAX_EXAMPLES) {
      item(`  ${clip(group.ids[0] ?? '', idChars)} · ${clip(group.firstMessage, MESSAGE_CHARS)}`)
    }
    return listedGroup
  })
  const notOffered = diagnostics.notOffered
  for (const state of AVAILABILITY_STATES) {
    const ids = notOffered?.[state] ?? []
    if (ids.length) groups.push(listed(state, ids, availabilityPhrase(state, ids.length, t)))
  }

  // Titles shown without some of their parts: subtitles a household will look for in vain.
  for (const group of leftOutByReason(diagnostics.problems)) {
    const more =
      group.ids.length > maxIds
        ? ` ${t('diagnostics.more', { count: group.ids.length - maxIds })}`
        : ''
    const ids = `${group.ids
      .slice(0, maxIds)
      .map((id) => clip(id, idChars))
      .join(', ')}${more}`
    lines.push({
      kind: group.reason === 'credit-role' ? 'field' : 'warning',
      text: t(`diagnostics.leftOut.${group.reason}`, { count: group.count, ids }),
    })
    item(`  ${clip(group.ids[0] ?? '', idChars)} · ${clip(group.firstDetail, MESSAGE_CHARS)}`)
  }

  const others = diagnostics.problems.filter(
    (problem) => !isSkippedItem(problem) && !isLeftOutPart(problem),
  )
  if (others.length) field(t('diagnostics.otherProblems', { count: others.length }))
  for (const problem of others.slice(0, maxOther)) {
    const where = problem.itemId ? ` · ${clip(problem.itemId, idChars)}` : ''
    item(`${problem.code}${where} · ${clip(problem.message, MESSAGE_CHARS)}`)
  }
  if (others.length > maxOther) item(t('diagnostics.more', { count: others.length - maxOther }))

  const error = diagnostics.lastError
  lines.push(
    error
      ? errorLine('diagnostics.lastError', error, t, zone)
      : { kind: 'field', text: t('diagnostics.noError') },
  )

  const warning =
    skippedShare > options.warnShare
      ? t('diagnostics.warning', {
          percent: percent(skippedShare),
          threshold: percent(options.warnShare),
        })
      : ''
  if (warning) lines.push({ kind: 'warning', text: warning })
  if (diagnostics.live) lines.push(...liveLines(diagnostics.live, t, idChars))
  if (options.guide) {
    lines.push(
      ...guideLines(options.guide, t, zone, {
        idChars,
        maxIds,
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.language !== undefined ? { language: options.language } : {}),
      }),
    )
  }
  if (options.storage) lines.push(...storageLines(options.storage, t, zone, idChars))
  if (options.render) {
    const { lite, reason } = options.render
    lines.push({
      kind: 'field',
      text: t('diagnostics.lite', {
        state: t(lite ? 'diagnostics.lite.on' : 'diagnostics.lite.off'),
        reason: t(`diagnostics.lite.${reason}`),
      }),
    })
  }

  return { title: t('diagnostics.title'), lines, skipped, skippedShare, groups, warning }
}

export interface GuideLineOptions {
  idChars?: number
  /** Channel ids listed per line; the rest are counted. */
  maxIds?: number
  /** Wall-clock ms now; without it, an export is not judged out of date. */
  now?: number
  language?: string
}

/**
 * The guide's lines: its source, its last fetch, what its export covers (out of date, channels
 * on either side that found no match), programmes it dropped (counted, the first named with why)
 * and its last error. A guide that fails otherwise only shows as empty cells to the household.
 */
export function guideLines(
  guide: GuideHealth,
  t: Translate,
  zone: WallZone,
  options: GuideLineOptions = {},
): DiagnosticsLine[] {
  const idChars = options.idChars ?? ID_CHARS
  const url = clip(guide.url, URL_CHARS) || t('diagnostics.none')
  const lines: DiagnosticsLine[] = [
    { kind: 'field', text: t('diagnostics.guide', { source: guide.source, url }) },
    {
      kind: 'field',
      text:
        guide.loadedAt === undefined
          ? t('diagnostics.guideNotLoaded')
          : t('diagnostics.guideLoaded', {
              ...offlineTimeParts(guide.loadedAt, zone),
              programmes: guide.programmes,
              channels: guide.channels,
            }),
    },
  ]
  if (guide.coverage) lines.push(...coverageLines(guide.coverage, t, zone, options))
  if (guide.skipped && guide.firstSkipped) {
    const { placement, message } = guide.firstSkipped
    lines.push({
      kind: 'warning',
      text: t('diagnostics.guideSkipped', {
        count: guide.skipped,
        itemId: clip(guide.firstSkipped.itemId, idChars),
        // Why it found no place in the schedule, in words; a field's fault as the reader said it.
        message: placement
          ? t(`diagnostics.guidePlacement.${placement}`)
          : clip(message, MESSAGE_CHARS),
      }),
    })
  }
  if (guide.unansweredSince !== undefined) {
    lines.push({
      kind: 'warning',
      text: t('diagnostics.guideUnanswered', offlineTimeParts(guide.unansweredSince, zone)),
    })
  }
  if (guide.lastError) lines.push(errorLine('diagnostics.guideError', guide.lastError, t, zone))
  return lines
}

/**
 * What a whole export covers: a file that holds nothing, or whose last programme has ended (the
 * grabber stopped refreshing it), and the channel ids that matched nothing on either side, the
 * first few named, so the operator can fix the export or appSettings.guide.channelMap.
 */
function coverageLines(
  coverage: GuideCoverage,
  t: Translate,
  zone: WallZone,
  options: GuideLineOptions,
): DiagnosticsLine[] {
  const idChars = options.idChars ?? ID_CHARS
  const maxIds = options.maxIds ?? MAX_IDS
  const lines: DiagnosticsLine[] = []
  const { lastEnd, unmatched, unfed } = coverage
  if (lastEnd === undefined) {
    lines.push({ kind: 'warning', text: t('diagnostics.guideFileEmpty') })
  } else if (options.now !== undefined && lastEnd <= options.now) {
    const date = formatDayWithYear(lastEnd, options.language ?? 'fr', zone)
    lines.push(
      {
        kind: 'warning',
        text: t('diagnostics.guideStale', { date, time: clockText(zone, lastEnd) }),
      },
      { kind: 'item', text: t('diagnostics.guideStaleHelp') },
    )
  }
  const ids = (list: readonly string[]) => {
    const shown = list.slice(0, maxIds).map((id) => clip(id, idChars))
    const more =
      list.length > maxIds ? ` ${t('diagnostics.more', { count: list.length - maxIds })}` : ''
    return `${shown.join(', ')}${more}`
  }
  if (unfed.length) {
    lines.push({
      kind: 'warning',
      text: t('diagnostics.guideUnfed', { count: unfed.length, ids: ids(unfed) }),
    })
  }
  if (unmatched.length) {
    // Exports list many channels an operator does not carry: a concern only when some channel
    // of the app is left without programmes.
    lines.push({
      kind: unfed.length ? 'warning' : 'field',
      text: t('diagnostics.guideUnmatched', { count: unmatched.length, ids: ids(unmatched) }),
    })
  }
  if (unfed.length && unmatched.length) {
    lines.push({ kind: 'item', text: t('diagnostics.guideChannelMapHelp') })
  }
  return lines
}

/**
 * The live channel list's lines once it was read: the channels kept, and the ones skipped (the
 * first named with why), which the household only sees as a channel missing from the guide.
 */
export function liveLines(
  live: NonNullable<CatalogueDiagnostics['live']>,
  t: Translate,
  idChars = ID_CHARS,
): DiagnosticsLine[] {
  const lines: DiagnosticsLine[] = [
    { kind: 'field', text: t('diagnostics.live', { count: live.channels }) },
  ]
  const first = live.problems[0]
  if (first) {
    lines.push({
      kind: 'warning',
      text: t('diagnostics.liveSkipped', {
        count: live.problems.length,
        itemId: clip(first.itemId ?? '?', idChars),
        message: clip(first.message, MESSAGE_CHARS),
      }),
    })
  }
  return lines
}

/** A last error as its line: when, its code, its message clipped. */
function errorLine(
  key: string,
  error: { code: number | string; message: string; at: number },
  t: Translate,
  zone: WallZone,
): DiagnosticsLine {
  return {
    kind: 'error',
    text: t(key, {
      code: error.code,
      message: clip(error.message, MESSAGE_CHARS),
      ...offlineTimeParts(error.at, zone),
    }),
  }
}

/** The storage's lines: what the app's entries take, writes refused, copies removed for room. */
export function storageLines(
  storage: StorageHealth,
  t: Translate,
  zone: WallZone,
  idChars = ID_CHARS,
): DiagnosticsLine[] {
  const lines: DiagnosticsLine[] = []
  if (storage.usedChars !== null) {
    const kilo = Math.round(storage.usedChars / 1000)
    lines.push({ kind: 'field', text: t('diagnostics.storage', { kilo }) })
  }
  if (storage.reclaimed.length) {
    lines.push({
      kind: 'warning',
      text: t('diagnostics.storageReclaimed', { count: storage.reclaimed.length }),
    })
  }
  const failure = storage.lastFailure
  if (failure) {
    lines.push({
      kind: 'error',
      text: t('diagnostics.storageFull', {
        count: storage.failedWrites,
        key: clip(failure.key, idChars),
        ...offlineTimeParts(failure.at, zone),
      }),
    })
  }
  return lines
}

function loadedLine(diagnostics: CatalogueDiagnostics, t: Translate, zone: WallZone): string {
  if (diagnostics.loadedAt === undefined) return t('diagnostics.notLoaded')
  const source =
    diagnostics.source === 'cache'
      ? t(
          'diagnostics.source.cache',
          offlineTimeParts(diagnostics.cachedAt ?? diagnostics.loadedAt, zone),
        )
      : t('diagnostics.source.network')
  return t('diagnostics.loaded', { ...offlineTimeParts(diagnostics.loadedAt, zone), source })
}
