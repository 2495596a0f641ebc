import {
  droppedHash,
  followDroppedHashes,
  isDroppedHashThrow,
  type RouterLike,
} from '../../../src/app/droppedHash'

describe('droppedHash', () => {
  test('the address and the Router agree: nothing to follow', () => {
    expect(droppedHash('#details/rosetta', 'details/rosetta')).toBeNull()
    expect(droppedHash('#search/caf%C3%A9', 'search/café')).toBeNull()
    expect(droppedHash('', 'home')).toBeNull()
  })

  test('the address names another screen than the one shown', () => {
    expect(droppedHash('#details/rosetta', 'home')).toBe('details/rosetta')
  })
})

describe('followDroppedHashes', () => {
  const fakeRouter = (navigating: boolean[]) => {
    const calls: string[] = []
    let active = 'home'
    const router: RouterLike = {
      isNavigating: () => navigating.shift() ?? false,
      getActiveHash: () => active,
      navigate: (hash, args) => {
        calls.push(`${hash}${args?.reload ? ' (reload)' : ''}`)
        active = hash
      },
    }
    return { router, calls }
  }
  const runNow = () => {
    const queue: (() => void)[] = []
    const schedule = (run: () => void) => queue.push(run)
    const flush = () => {
      while (queue.length) queue.shift()!()
    }
    return { schedule, flush }
  }

  test('a change while navigating is followed once the Router is done, if it was dropped', () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { router, calls } = fakeRouter([true, true, true, false])
    const { schedule, flush } = runNow()
    followDroppedHashes(router, { hash: '#details/rosetta' }, schedule)()
    flush()
    expect(calls).toEqual(['details/rosetta (reload)'])
  })

  test('a newer change whose event is still to come is left to that event', () => {
    // The Router's own change to home (Back) while it navigates; as it finishes, a link sets the
    // address to settings, and that hashchange event is still queued when the check runs.
    const { router, calls } = fakeRouter([true, false])
    const { schedule, flush } = runNow()
    const location = { hash: '#home' }
    followDroppedHashes(router, location, schedule)()
    location.hash = '#settings'
    flush()
    expect(calls).toEqual([])
  })

  test("the Router's own change, or one while it is idle, is left to it", () => {
    const idle = fakeRouter([false])
    const { schedule, flush } = runNow()
    followDroppedHashes(idle.router, { hash: '#details/rosetta' }, schedule)()
    flush()
    expect(idle.calls).toEqual([])
    const own = fakeRouter([true, false])
    followDroppedHashes(own.router, { hash: '#home' }, schedule)()
    flush()
    expect(own.calls).toEqual([])
  })
})

describe('isDroppedHashThrow', () => {
  test("the Router's throw for a dropped hash, as Chromium, WebKit and older engines word it", () => {
    for (const message of [
      "Cannot set properties of undefined (setting 'hash')",
      "undefined is not an object (evaluating 'request.hash = hash')",
      "Cannot set property 'hash' of undefined",
    ])
      expect(isDroppedHashThrow(new TypeError(message))).toBe(true)
  })

  test('any other failure still surfaces', () => {
    expect(
      isDroppedHashThrow(new TypeError("Cannot read properties of undefined (reading 'x')")),
    ).toBe(false)
    expect(
      isDroppedHashThrow(new Error("Cannot set properties of undefined (setting 'hash')")),
    ).toBe(false)
    expect(isDroppedHashThrow('hash undefined')).toBe(false)
  })
})
