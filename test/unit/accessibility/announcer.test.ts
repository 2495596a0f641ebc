import { Announcer } from '../../../src/accessibility/Announcer'
import {
  speechSynthesisSpeaker,
  voiceLanguage,
  type Speaker,
} from '../../../src/accessibility/speaker'

/** A fake window.speechSynthesis that keeps what it was asked to say. */
class FakeSynth {
  spoken: { text: string; lang: string }[] = []
  cancels = 0
  speak(utterance: SpeechSynthesisUtterance) {
    this.spoken.push({ text: utterance.text, lang: utterance.lang })
  }
  cancel() {
    this.cancels++
  }
}
class FakeUtterance {
  lang = ''
  onend: (() => void) | null = null
  constructor(public text: string) {}
}

function setup(options: { enabled?: boolean; language?: string } = {}) {
  jest.useFakeTimers()
  const synth = new FakeSynth()
  const speaker = speechSynthesisSpeaker({
    speechSynthesis: synth as unknown as SpeechSynthesis,
    SpeechSynthesisUtterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
  }) as Speaker
  const state = { enabled: options.enabled ?? true, language: options.language ?? 'fr' }
  const announcer = new Announcer({
    speaker,
    enabled: () => state.enabled,
    language: () => state.language,
    t: (key) => ({ 'a11y.button': 'bouton' })[key] ?? key,
    settleMs: 200,
  })
  return { synth, announcer, state }
}

const rail = (title: string) => ({ announcement: { kind: 'rail' as const, title } })
const tile = (title: string) => ({
  announcement: { kind: 'tile' as const, title, kindLabel: 'Film', offer: 'Gratuit' },
})

afterEach(() => jest.useRealTimers())

describe('Announcer', () => {
  test('says the rail then the tile once focus settles, in the UI language voice', () => {
    const { synth, announcer } = setup()
    const app = {}
    const railA = rail('Made in Belgium')
    announcer.focusChanged([app, railA, tile('Rosetta')])
    expect(synth.spoken).toEqual([])
    jest.advanceTimersByTime(200)
    expect(synth.spoken).toEqual([
      { text: 'Made in Belgium. Rosetta, Film, Gratuit', lang: 'fr-BE' },
    ])
  })

  test('a held key passing tiles says only the one it stops on, and nothing twice', () => {
    const { synth, announcer } = setup()
    const app = {}
    const railA = rail('A')
    const tiles = ['t1', 't2', 't3'].map(tile)
    announcer.focusChanged([app, railA, tiles[0]])
    jest.advanceTimersByTime(200)
    announcer.focusChanged([app, railA, tiles[1]])
    jest.advanceTimersByTime(100)
    announcer.focusChanged([app, railA, tiles[2]])
    jest.advanceTimersByTime(200)
    expect(synth.spoken.map((s) => s.text)).toEqual(['A. t1, Film, Gratuit', 't3, Film, Gratuit'])
    // Speaking cuts off what was being said.
    expect(synth.cancels).toBe(2)
  })

  test('switched off, nothing is said and no timer is started', () => {
    const { synth, announcer } = setup({ enabled: false })
    announcer.focusChanged([{}, rail('A'), tile('t1')])
    expect(jest.getTimerCount()).toBe(0)
    jest.advanceTimersByTime(1000)
    expect(synth.spoken).toEqual([])
  })

  test('turned off while waiting: what was pending is not said', () => {
    const { synth, announcer, state } = setup()
    announcer.focusChanged([{}, rail('A'), tile('t1')])
    state.enabled = false
    jest.advanceTimersByTime(1000)
    expect(synth.spoken).toEqual([])
  })

  test('Dutch interface: the voice is asked for Belgian Dutch', () => {
    const { synth, announcer } = setup({ language: 'nl' })
    announcer.say('Instellingen')
    expect(synth.spoken).toEqual([{ text: 'Instellingen', lang: 'nl-BE' }])
  })

  test('stop cancels speech and forgets the path, so the next focus is said in full', () => {
    const { synth, announcer } = setup()
    const path = [{}, rail('A'), tile('t1')]
    announcer.focusChanged(path)
    jest.advanceTimersByTime(200)
    announcer.stop()
    announcer.focusChanged(path)
    jest.advanceTimersByTime(200)
    expect(synth.spoken.map((s) => s.text)).toEqual([
      'A. t1, Film, Gratuit',
      'A. t1, Film, Gratuit',
    ])
  })
})

describe('speaker', () => {
  test('no speech synthesis in the engine: no speaker', () => {
    expect(speechSynthesisSpeaker({})).toBeNull()
  })

  test('an engine that throws says nothing and does not throw', () => {
    const speaker = speechSynthesisSpeaker({
      speechSynthesis: {
        speak: () => {
          throw new Error('busy')
        },
        cancel: () => {},
      },
      SpeechSynthesisUtterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance,
    })
    expect(() => speaker?.speak('x', 'fr-BE')).not.toThrow()
  })

  test('voice languages: Belgian French and Dutch, German and English as they are', () => {
    expect(['fr', 'nl', 'de', 'en'].map(voiceLanguage)).toEqual(['fr-BE', 'nl-BE', 'de', 'en'])
  })
})
