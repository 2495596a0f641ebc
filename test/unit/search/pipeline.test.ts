import { TestScheduler } from 'rxjs/testing'
import { map, type Observable } from 'rxjs'
import type { CatalogueProblem } from '../../../src/catalogue/errors'
import type { Title } from '../../../src/catalogue/schema'
import { searchStates, type SearchAnswer, type SearchState } from '../../../src/search/pipeline'

const titled = (id: string) => ({ id }) as Title
const ok = (...ids: string[]): SearchAnswer => ({ status: 'ok', titles: ids.map(titled) })
const problem = { code: 1001, message: 'down' } as CatalogueProblem

/** Keeps only what a test compares: the status, the query and the result ids. */
const brief = (state: SearchState) =>
  state.status === 'results'
    ? `${state.query}=${state.titles.map((t) => t.id).join(',')}`
    : state.status === 'searching'
      ? `…${state.query}`
      : state.status === 'failed'
        ? `!${state.query}`
        : 'empty'

describe('searchStates', () => {
  let scheduler: TestScheduler

  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected))
  })

  it('asks once for a word typed quickly, after the pause', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const asked: string[] = []
      const typed = hot('a 1ms b 1ms c', { a: 'g', b: 'ge', c: 'gea' })
      const search = (query: string) => {
        asked.push(query)
        return cold('5ms (r|)', { r: ok('les-geants') }) as Observable<SearchAnswer>
      }
      const states = searchStates(typed, search, { debounceMs: 10, scheduler })
      expectObservable(states.pipe(map(brief))).toBe('14ms s 4ms r', {
        s: '…gea',
        r: 'gea=les-geants',
      })
      scheduler.flush()
      expect(asked).toEqual(['gea'])
    })
  })

  it('never lets a slow earlier answer replace a later one, and aborts it', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const signals: Record<string, AbortSignal> = {}
      // "ca" pauses long enough to be sent; its answer is slow. "caf" follows and is fast.
      const typed = hot('a 19ms b', { a: 'ca', b: 'caf' })
      const search = (query: string, signal: AbortSignal) => {
        signals[query] = signal
        const delay = query === 'ca' ? '50ms' : '2ms'
        return cold(`${delay} (r|)`, {
          r: ok(query === 'ca' ? 'slow' : 'cafe'),
        }) as Observable<SearchAnswer>
      }
      const states = searchStates(typed, search, { debounceMs: 10, scheduler })
      expectObservable(states.pipe(map(brief))).toBe('10ms a 19ms b 1ms c', {
        a: '…ca',
        b: '…caf',
        c: 'caf=cafe',
      })
      scheduler.flush()
      expect(signals['ca']!.aborted).toBe(true)
      expect(signals['caf']!.aborted).toBe(false)
    })
  })

  it('shows the empty state at once when the text is cleared, dropping a query still waiting', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const asked: string[] = []
      const typed = hot('a 2ms b', { a: 'x', b: '' })
      const search = (query: string) => {
        asked.push(query)
        return cold('1ms (r|)', { r: ok('x') }) as Observable<SearchAnswer>
      }
      expectObservable(
        searchStates(typed, search, { debounceMs: 10, scheduler }).pipe(map(brief)),
      ).toBe('3ms e', { e: 'empty' })
      scheduler.flush()
      expect(asked).toEqual([])
    })
  })

  it('does not ask again for the same text (typed and deleted within the pause)', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      let asked = 0
      const typed = hot('a 20ms b 1ms c', { a: 'rose', b: 'roset', c: 'rose' })
      const search = () => {
        asked++
        return cold('1ms (r|)', { r: ok('rosetta') }) as Observable<SearchAnswer>
      }
      expectObservable(
        searchStates(typed, search, { debounceMs: 10, scheduler }).pipe(map(brief)),
      ).toBe('10ms s r', { s: '…rose', r: 'rose=rosetta' })
      scheduler.flush()
      expect(asked).toBe(1)
    })
  })

  it('says when more titles match than the answer holds', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const typed = hot('a', { a: 'verhaal' })
      const answer: SearchAnswer = { ...ok('a'), more: true } as SearchAnswer
      const search = () => cold('1ms (r|)', { r: answer }) as Observable<SearchAnswer>
      const states = searchStates(typed, search, { debounceMs: 1, scheduler })
      const more = (state: SearchState) => state.status === 'results' && state.more === true
      expectObservable(states.pipe(map(more))).toBe('1ms ft', { f: false, t: true })
    })
  })

  it('reports a failed search as failed, not as no result', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const typed = hot('a', { a: 'abc' })
      const search = () =>
        cold('1ms (r|)', {
          r: { status: 'failed', problem } as SearchAnswer,
        }) as Observable<SearchAnswer>
      expectObservable(
        searchStates(typed, search, { debounceMs: 10, scheduler }).pipe(map(brief)),
      ).toBe('10ms s f', { s: '…abc', f: '!abc' })
    })
  })

  it('trims what was typed: a trailing space is the same query', () => {
    scheduler.run(({ cold, hot, expectObservable }) => {
      const typed = hot('a 20ms b', { a: 'rose', b: 'rose ' })
      const search = () => cold('1ms (r|)', { r: ok('rosetta') }) as Observable<SearchAnswer>
      expectObservable(
        searchStates(typed, search, { debounceMs: 10, scheduler }).pipe(map(brief)),
      ).toBe('10ms s r', { s: '…rose', r: 'rose=rosetta' })
    })
  })
})
