import { Router } from '@lightningjs/sdk'
import Accessibility from '../screens/Accessibility'
import Details from '../screens/Details'
import Diagnostics from '../screens/Diagnostics'
import Guide from '../screens/Guide'
import Home from '../screens/Home'
import NotFound from '../screens/NotFound'
import ProfileEdit, { ProfileList } from '../screens/ProfileEdit'
import Player from '../screens/Player'
import Profiles from '../screens/Profiles'
import Purchase from '../screens/Purchase'
import Search from '../screens/Search'
import Settings from '../screens/Settings'
import WhyAd from '../screens/WhyAd'
import { readyCatalogue, type AppContext } from './context'
import { offeredEpisode, offeredTitle } from './offered'
import { decidePlay, requestPlay, RIGHTS_FRESH_MS } from './requestPlay'
import { requestLive, requestReplay } from './requestLive'
import { visibleTo, viewerOf } from '../state/homeRails'
import { screenOf } from '../analytics/usage'
import { readableHash } from './decodableHash'

type RouterConfig = Parameters<typeof Router.startRouter>[0]

/** A hash part as typed in a link ("h%C3%A9ro%C3%AFne"); a malformed escape is kept as it is. */
function decodedQuery(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

interface RouteSpec {
  path: string
  component: unknown
  // Each route's hook takes its own page and params types.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  before?: (page: any, params: any) => Promise<unknown>
}

/**
 * A parental unlock lasts while its title plays: any route other than playback relocks, and so
 * does every live channel (a channel change). Watching the next episode keeps the unlock.
 */
function relockingOutsidePlayback(context: AppContext, routes: RouteSpec[]): RouteSpec[] {
  return routes.map((route) => {
    if (route.path === 'play/:id') return route
    const before = route.before as
      ((page: unknown, params: unknown) => Promise<unknown>) | undefined
    return {
      ...route,
      before: async (page: unknown, params: unknown) => {
        context.parental.relockAll()
        return before?.(page, params)
      },
    }
  })
}

/** Routes, with each screen given the context and its data before it shows. */
export function createRoutes(context: AppContext, boot: () => Promise<void>): RouterConfig {
  return {
    root: 'home',
    boot,
    // Audience measurement: each screen shown (a name and the id it shows, never typed text).
    afterEachRoute: (request: { hash?: string }) =>
      context.analytics.record({ type: 'screen_view', ...screenOf(request.hash ?? '') }),
    routes: relockingOutsidePlayback(context, [
      {
        path: 'home',
        component: Home,
        before: async (page: Home) => page.bind(context),
      },
      {
        path: 'details/:id',
        component: Details,
        before: async (page: Details, { id }: { id: string }) => {
          page.bind(context)
          const found = await context.findTitle(id)
          // An episode id finds its series, but details pages are for titles.
          if (found.status === 'found' && found.title.id === found.id) {
            const offered = offeredTitle(found.title, context.platform.wallClock(), context.zone)
            if (offered.state === 'expired') page.showMissing(id, 'expired')
            else if (!visibleTo(found.title, viewerOf(context.profiles.active)))
              page.showMissing(id, 'kids')
            else page.show(offered.title, offered.state === 'upcoming' ? offered.from : undefined)
          } else page.showMissing(id, found.status === 'failed' ? 'unavailable' : 'missing')
        },
      },
      {
        path: 'play/:id',
        component: Player,
        before: async (page: Player, { id }: { id: string }) => {
          page.bind(context)
          const found = await context.findTitle(id)
          const catalogue = readyCatalogue(context)
          const known = found.status === 'found' ? found.id : id
          const episode = catalogue?.episode(known)
          const title = episode?.series ?? catalogue?.title(known)
          if (!title) return page.showMissing(id)
          const now = context.platform.wallClock()
          const offered = offeredTitle(title, now, context.zone)
          const refusal = episode ? offeredEpisode(episode.episode, now, context.zone) : offered
          // Outside its window a title does not play, whatever the route (deep links included).
          if (offered.state === 'expired' || refusal.state === 'expired') {
            page.showMissing(id, 'play', 'expired')
          } else if (refusal.state === 'upcoming') {
            page.showMissing(id, 'play', 'upcoming', { date: refusal.from })
          } else if (offered.state === 'upcoming') {
            page.showMissing(id, 'play', 'upcoming', { date: offered.from })
          } else {
            await requestPlay(
              context,
              page,
              { title: offered.title, ...(episode ? { episode } : {}) },
              known,
            )
          }
        },
      },
      {
        path: 'live/:id',
        component: Player,
        before: async (page: Player, { id }: { id: string }) => {
          page.bind(context)
          const list = await context.liveChannels()
          if (list.status === 'failed') page.showMissing(id, 'live', 'unavailable')
          else if (!list.channels.some((channel) => channel.id === id)) page.showMissing(id, 'live')
          // No live TV for a kids profile; otherwise the programme on air decides (CSA rules).
          else await requestLive(context, page, id, list.channels)
        },
      },
      {
        // A past programme from the guide: its channel and its start (ms).
        path: 'replay/:channel/:start',
        component: Player,
        before: async (page: Player, params: { channel: string; start: string }) => {
          page.bind(context)
          const path = `${params.channel}/${params.start}`
          const list = await context.liveChannels()
          const channel =
            list.status === 'ok' ? list.channels.find((c) => c.id === params.channel) : undefined
          const start = Number(params.start)
          if (list.status === 'failed') page.showMissing(path, 'replay', 'unavailable')
          else if (!channel || !Number.isFinite(start)) page.showMissing(path, 'replay')
          else await requestReplay(context, page, channel, start)
        },
      },
      {
        path: 'buy/:id/:kind',
        component: Purchase,
        before: async (page: Purchase, { id, kind }: { id: string; kind: string }) => {
          const found = await context.findTitle(id)
          const title =
            found.status === 'found' && found.title.id === found.id ? found.title : undefined
          const rental = title?.offers.find((offer) => offer.type === 'rental')
          const pass = title?.offers.find((offer) => offer.type === 'subscription')
          // Rights not known yet (start-up without a kept copy) are waited for, as to play.
          if (title) await context.entitlements.refreshIfStale(RIGHTS_FRESH_MS)
          // Only what this household lacks and this profile may watch is for sale here: a link
          // to a title already held, or one a kids profile may not see, leads to its details.
          const forSale = title && decidePlay(context, { title }).kind === 'acquire'
          if (!forSale) {
            Router.navigate(`details/${id}`, false)
          } else if (kind === 'rental' && rental?.type === 'rental') {
            page.show(context, title, { kind: 'rental', titleId: id, offer: rental })
          } else if (kind === 'pass' && pass?.type === 'subscription') {
            page.show(context, title, { kind: 'pass', titleId: id, passId: pass.pass })
          } else {
            // Nothing of that kind to buy for that id (a stale or hand-made link): its details.
            Router.navigate(`details/${id}`, false)
          }
        },
      },
      {
        path: 'search',
        component: Search,
        before: async (page: Search) => page.bind(context),
      },
      {
        // A deep link with the text already typed: #search/heroine
        path: 'search/:query',
        component: Search,
        before: async (page: Search, { query }: { query: string }) =>
          page.bind(context, decodedQuery(query)),
      },
      {
        path: 'settings',
        component: Settings,
        before: async (page: Settings) => page.bind(context),
      },
      {
        path: 'profiles',
        component: Profiles,
        before: async (page: Profiles) => page.bind(context),
      },
      {
        path: 'settings/profiles',
        component: ProfileList,
        before: async (page: ProfileList) => page.bind(context),
      },
      {
        // 'settings/profiles/new' creates a profile; profile ids are never 'new'.
        path: 'settings/profiles/:id',
        component: ProfileEdit,
        before: async (page: ProfileEdit, { id }: { id: string }) => page.bind(context, id),
      },
      {
        path: 'settings/accessibility',
        component: Accessibility,
        before: async (page: Accessibility) => page.bind(context),
      },
      {
        // The same screen focused on one row: where the high-contrast restart comes back to.
        path: 'settings/accessibility/:row',
        component: Accessibility,
        before: async (page: Accessibility, { row }: { row: string }) => page.bind(context, row),
      },
      {
        path: 'settings/diagnostics',
        component: Diagnostics,
        before: async (page: Diagnostics) => page.bind(context),
      },
      {
        // "Pourquoi cette publicité ?": from Settings, or the Info key during an ad.
        path: 'why-ad',
        component: WhyAd,
        before: async (page: WhyAd) => page.bind(context),
      },
      {
        path: 'guide',
        component: Guide,
        before: async (page: Guide) => page.bind(context),
      },
      {
        path: '*',
        component: NotFound,
        before: async (page: NotFound, params: { failedHash?: string }) =>
          page.show(context, readableHash(params.failedHash ?? '')),
      },
    ]),
  } as unknown as RouterConfig
}
