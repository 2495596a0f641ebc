import { withoutWatching } from '../../../src/app/watchHistory'

describe('withoutWatching', () => {
  it('drops the channels and replays watched before, keeping the rest in order', () => {
    const history = [
      'home',
      'guide',
      'live/ardenne-1',
      'replay/ardenne-1/1764960000000',
      'live/een',
    ]
    expect(
      withoutWatching(history.map((hash) => ({ hash, state: null }))).map((e) => e.hash),
    ).toEqual(['home', 'guide'])
  })

  it('keeps titles and pages whose names only contain the words', () => {
    const history = ['details/live-aid', 'search', '/live/een', 'settings/replay']
    expect(withoutWatching(history.map((hash) => ({ hash }))).map((e) => e.hash)).toEqual([
      'details/live-aid',
      'search',
      'settings/replay',
    ])
  })
})
