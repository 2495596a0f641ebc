import {
  FILE_RETRY_MS,
  SLOW_START_MS,
  START_CHECK_MS,
  startReloadsLeft,
  countStartReload,
  watchStart,
  type StartWatchHost,
} from '../../../src/app/startWatch'

/** A host over jest's fake timers; `answers` is what the file's server says at each ask. */
function host(answers: boolean[], started = () => false, reloadsLeft = 3) {
  const said: string[] = []
  const asked: boolean[] = []
  const watched: StartWatchHost = {
    started,
    file: 'translations.json',
    fileAnswers: async () => {
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!
      asked.push(answer)
      return answer
    },
    showMissing: (file) => said.push(`missing ${file}`),
    reload: () => said.push('reload'),
    reloadsLeft,
    setTimeout: (run, ms) => setTimeout(run, ms),
  }
  return { watched, said, asked }
}

const flush = async (ms: number) => {
  await jest.advanceTimersByTimeAsync(ms)
}

describe('watchStart: an app the SDK never made', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  test('a started app is left alone, and its file is not asked for', async () => {
    const { watched, said, asked } = host([false], () => true)
    watchStart(watched)
    await flush(START_CHECK_MS + SLOW_START_MS + FILE_RETRY_MS)
    expect(said).toEqual([])
    expect(asked).toEqual([])
  })

  test('a file that does not answer is said, asked again, and the app started again once it does', async () => {
    const { watched, said, asked } = host([false, false, true])
    watchStart(watched)
    await flush(START_CHECK_MS - 1)
    expect(said).toEqual([])
    await flush(1)
    expect(said).toEqual(['missing translations.json'])
    await flush(FILE_RETRY_MS)
    expect(said).toEqual(['missing translations.json'])
    await flush(FILE_RETRY_MS)
    expect(asked).toEqual([false, false, true])
    expect(said).toEqual(['missing translations.json', 'reload'])
  })

  test('a file that answers by now: the start is given longer, then made again', async () => {
    const { watched, said } = host([true])
    watchStart(watched)
    await flush(START_CHECK_MS + SLOW_START_MS - 1)
    expect(said).toEqual([])
    await flush(1)
    expect(said).toEqual(['reload'])
  })

  test('no reload left: the message stays rather than a reload loop', async () => {
    const { watched, said } = host([true], () => false, 0)
    watchStart(watched)
    await flush(START_CHECK_MS + SLOW_START_MS)
    expect(said).toEqual(['missing translations.json'])
  })
})

describe('the reloads a session may still make', () => {
  test('count down from three, and none without session storage', () => {
    const store = new Map<string, string>()
    const session = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    }
    expect(startReloadsLeft(session)).toBe(3)
    countStartReload(session)
    countStartReload(session)
    expect(startReloadsLeft(session)).toBe(1)
    expect(startReloadsLeft(undefined)).toBe(3)
    const refusing = {
      getItem: () => {
        throw new Error('denied')
      },
    }
    expect(startReloadsLeft(refusing)).toBe(0)
  })
})
