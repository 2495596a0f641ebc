import { PlaybackErrorCode, type PlaybackError } from '../../../src/player/errors'
import { StallWatchdog } from '../../../src/player/stall'

describe('StallWatchdog', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  const notFound: PlaybackError = {
    code: PlaybackErrorCode.NOT_FOUND,
    category: 'network',
    severity: 'recoverable',
    detail: 'segment 404',
  }

  test('fires once after the timeout of waiting without progress', () => {
    const onStall = jest.fn()
    const dog = new StallWatchdog(5000, onStall)
    dog.waiting()
    jest.advanceTimersByTime(4000)
    dog.waiting()
    jest.advanceTimersByTime(1000)
    expect(onStall).toHaveBeenCalledWith(undefined)
    expect(onStall).toHaveBeenCalledTimes(1)
  })

  test('progress in time stops the count (a short network cut); reset forgets the cause', () => {
    const onStall = jest.fn()
    const dog = new StallWatchdog(5000, onStall)
    dog.recoverable(notFound)
    jest.advanceTimersByTime(3000)
    dog.progressed()
    jest.advanceTimersByTime(10_000)
    expect(onStall).not.toHaveBeenCalled()
    dog.reset()
    dog.waiting()
    jest.advanceTimersByTime(5000)
    expect(onStall).toHaveBeenCalledWith(undefined)
  })

  test('reports the last recoverable error as the cause', () => {
    const onStall = jest.fn()
    const dog = new StallWatchdog(5000, onStall)
    dog.recoverable(notFound)
    jest.advanceTimersByTime(5000)
    expect(onStall).toHaveBeenCalledWith(notFound)
  })
})
