import { watchSystemSpeech } from '../../../src/accessibility/systemSpeech'

describe('the box audio guidance setting', () => {
  test('webOS: asks the settings service for audioGuidance and follows its changes', () => {
    const calls: { uri: string; options: Record<string, unknown> }[] = []
    let answer: ((response: unknown) => void) | undefined
    const cancel = jest.fn()
    const globals = {
      webOS: {
        service: {
          request(uri: string, options: { onSuccess: (r: unknown) => void }) {
            calls.push({ uri, options: options as unknown as Record<string, unknown> })
            answer = options.onSuccess
            return { cancel }
          },
        },
      },
    }
    const seen: boolean[] = []
    const stop = watchSystemSpeech(globals, (on) => seen.push(on))
    expect(calls[0]?.uri).toBe('luna://com.webos.settingsservice')
    expect(calls[0]?.options).toMatchObject({
      method: 'getSystemSettings',
      parameters: { category: 'option', keys: ['audioGuidance'], subscribe: true },
    })
    answer?.({ settings: { audioGuidance: 'on' } })
    answer?.({ subscribed: true })
    answer?.({ settings: { audioGuidance: 'off' } })
    expect(seen).toEqual([true, false])
    stop()
    expect(cancel).toHaveBeenCalled()
  })

  test('webOS: a failing service is logged, never thrown', () => {
    const log = jest.fn()
    const globals = {
      webOS: {
        service: {
          request(_: string, options: { onFailure(e: unknown): void }) {
            options.onFailure({ errorCode: -1, errorText: 'denied' })
            return undefined
          },
        },
      },
    }
    const report = jest.fn()
    expect(() => watchSystemSpeech(globals, report, log)()).not.toThrow()
    expect(report).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('denied'))
  })

  test('Tizen: reads the voice guide menu value (1 on, 0 off)', () => {
    const tvinfo = (value: unknown) => ({
      webapis: {
        tvinfo: {
          TvInfoMenuKey: { VOICE_GUIDE_KEY: 15 },
          getMenuValue: (key: unknown) => (key === 15 ? value : -1),
        },
      },
    })
    const seen: boolean[] = []
    watchSystemSpeech(tvinfo(1), (on) => seen.push(on))
    watchSystemSpeech(tvinfo(0), (on) => seen.push(on))
    watchSystemSpeech(tvinfo('?'), (on) => seen.push(on))
    expect(seen).toEqual([true, false])
  })

  test('Tizen without the key, or throwing: nothing reported', () => {
    const report = jest.fn()
    watchSystemSpeech({ webapis: { tvinfo: { getMenuValue: () => 1 } } }, report)
    watchSystemSpeech(
      {
        webapis: {
          tvinfo: {
            TvInfoMenuKey: { VOICE_GUIDE_KEY: 15 },
            getMenuValue: () => {
              throw new Error('no privilege')
            },
          },
        },
      },
      report,
    )
    expect(report).not.toHaveBeenCalled()
  })

  test('a browser: nothing reported', () => {
    const report = jest.fn()
    watchSystemSpeech({}, report)
    expect(report).not.toHaveBeenCalled()
  })
})
