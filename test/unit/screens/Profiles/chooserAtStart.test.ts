import type { Router } from '@lightningjs/sdk'
import { startOnChooser } from '../../../../src/screens/Profiles/chooserAtStart'

type RouterConfig = Parameters<typeof Router.startRouter>[0]
type Guard = (from: string | undefined, request: { hash: string }) => Promise<unknown>

const guardOf = (config: RouterConfig) =>
  (config as unknown as { beforeEachRoute: Guard }).beforeEachRoute
const base = { root: 'home', routes: [] } as unknown as RouterConfig

describe('startOnChooser', () => {
  it('sends the first arrival on home to the chooser when there are several profiles', async () => {
    const guard = guardOf(startOnChooser(base, () => 2))
    await expect(guard(undefined, { hash: 'home' })).resolves.toEqual({
      path: 'profiles',
      store: false,
    })
    // Later visits to home are the household's own choice.
    await expect(guard('profiles', { hash: 'home' })).resolves.toBe(true)
  })

  it('lets a one-profile household and a deep link through', async () => {
    await expect(guardOf(startOnChooser(base, () => 1))(undefined, { hash: 'home' })).resolves.toBe(
      true,
    )
    const guard = guardOf(startOnChooser(base, () => 3))
    await expect(guard(undefined, { hash: 'details/rosetta' })).resolves.toBe(true)
    await expect(guard('details/rosetta', { hash: 'home' })).resolves.toBe(true)
  })

  it('keeps a guard the routes already had', async () => {
    const inner = jest.fn(async () => false)
    const config = { ...base, beforeEachRoute: inner } as unknown as RouterConfig
    const guard = guardOf(startOnChooser(config, () => 1))
    await expect(guard(undefined, { hash: 'home' })).resolves.toBe(false)
    expect(inner).toHaveBeenCalledWith(undefined, { hash: 'home' })
  })
})
