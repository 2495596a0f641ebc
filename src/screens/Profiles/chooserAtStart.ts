import type { Router } from '@lightningjs/sdk'

type RouterConfig = Parameters<typeof Router.startRouter>[0]
type BeforeEachRoute = NonNullable<RouterConfig['beforeEachRoute']>

/** What a route guard may answer at runtime: go on, stop, or go elsewhere (the SDK's typing only says boolean). */
type GuardAnswer = boolean | string | { path: string; store?: boolean }

/**
 * Shows the profile chooser before home when the household has more than one profile and the app
 * starts on home (not a deep link, which goes where it points). Done as a redirect of the first
 * route: navigating from the Router's boot hook would be overridden by the Router, which routes
 * to the start hash it read before boot once boot resolves. The chooser is not kept in history.
 */
export function startOnChooser(config: RouterConfig, profileCount: () => number): RouterConfig {
  const inner = config.beforeEachRoute?.bind(config)
  let first = true
  const guard = async (from: string, request: { hash: string }): Promise<GuardAnswer> => {
    const starting = first
    first = false
    if (starting && !from && request.hash === 'home' && profileCount() > 1) {
      return { path: 'profiles', store: false }
    }
    return inner ? inner(from, request as Parameters<BeforeEachRoute>[1]) : true
  }
  return { ...config, beforeEachRoute: guard as unknown as BeforeEachRoute }
}
