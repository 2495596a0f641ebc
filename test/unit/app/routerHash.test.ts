import { setHashAndAnnounce } from '../../../src/app/routerHash'

describe('setHashAndAnnounce (the Router hash setter)', () => {
  beforeEach(() => window.history.replaceState(null, '', '#home'))

  it('processes two navigations in one task each with its own hash, in order', () => {
    const seen: string[] = []
    const listener = () => seen.push(window.location.hash)
    window.addEventListener('hashchange', listener)
    try {
      setHashAndAnnounce('details/la-treve')
      setHashAndAnnounce('home')
    } finally {
      window.removeEventListener('hashchange', listener)
    }
    // Assigning location.hash twice would have queued two events that both read '#home'.
    expect(seen).toEqual(['#details/la-treve', '#home'])
  })

  it('gives the event the addresses before and after, and leaves one history entry', () => {
    const events: HashChangeEvent[] = []
    const listener = (event: HashChangeEvent) => events.push(event)
    window.addEventListener('hashchange', listener)
    const length = window.history.length
    try {
      setHashAndAnnounce('search/aujourd%27hui')
    } finally {
      window.removeEventListener('hashchange', listener)
    }
    expect(events).toHaveLength(1)
    expect(events[0]!.oldURL).toMatch(/#home$/)
    expect(events[0]!.newURL).toMatch(/#search\/aujourd%27hui$/)
    expect(window.history.length).toBe(length + 1)
  })

  it('still announces the change on an engine without the event constructors', () => {
    const dispatched: Event[] = []
    const location = { href: 'http://box/#home' } as Location
    const history = {
      state: null,
      pushState: (_state: unknown, _title: string, url: string) => {
        location.href = `http://box/${url}`
      },
    } as unknown as History
    const original = globalThis.HashChangeEvent
    Object.defineProperty(globalThis, 'HashChangeEvent', {
      configurable: true,
      value: function Unsupported() {
        throw new TypeError('Illegal constructor')
      },
    })
    try {
      setHashAndAnnounce(
        'guide',
        { location, history, dispatchEvent: (event: Event) => dispatched.push(event) > 0 },
        document,
      )
    } finally {
      Object.defineProperty(globalThis, 'HashChangeEvent', { configurable: true, value: original })
    }
    expect(location.href).toBe('http://box/#guide')
    expect(dispatched.map((event) => event.type)).toEqual(['hashchange'])
  })
})
