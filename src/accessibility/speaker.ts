/**
 * The voice the announcer speaks through. A plug-in: the browser's speech synthesis by default,
 * a box's own text-to-speech service or a test recorder otherwise.
 *
 * Lifecycle: `speak` cuts off whatever is being said and says `text`; `cancel` stops speaking.
 * Neither throws nor waits: a voice that fails says nothing, and key handling never waits on it.
 */
export interface Speaker {
  /** `lang` is a BCP 47 tag ("fr-BE"), so the engine picks a voice that reads the text right. */
  speak(text: string, lang: string): void
  cancel(): void
}

/** The parts of `window` the speech-synthesis speaker uses, so tests hand it fakes. */
export interface SpeechHost {
  speechSynthesis?: Pick<SpeechSynthesis, 'speak' | 'cancel'>
  SpeechSynthesisUtterance?: new (text: string) => SpeechSynthesisUtterance
}

/**
 * The Web Speech API speaker, or null where the engine has none. Written here rather than using
 * the SDK's Accessibility.Announcer, whose speech engine is always called without a language
 * (every utterance is 'en-US', so French titles are read with English rules).
 */
export function speechSynthesisSpeaker(host: SpeechHost): Speaker | null {
  const synth = host.speechSynthesis
  const Utterance = host.SpeechSynthesisUtterance
  if (!synth || !Utterance) return null
  // Some set-top engines drop an utterance nothing references before it ends (its end event
  // never comes and later ones queue behind it): keep the one being said.
  let current: SpeechSynthesisUtterance | null = null
  return {
    speak(text, lang) {
      try {
        synth.cancel()
        const utterance = new Utterance(text)
        utterance.lang = lang
        utterance.onend = () => {
          if (current === utterance) current = null
        }
        current = utterance
        synth.speak(utterance)
      } catch {
        current = null
      }
    },
    cancel() {
      current = null
      try {
        synth.cancel()
      } catch {
        // Nothing to stop.
      }
    },
  }
}

/** The language tag a voice is asked for, from the UI language: Belgian French and Dutch. */
export function voiceLanguage(uiLanguage: string): string {
  const tags: Record<string, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de', en: 'en' }
  return tags[uiLanguage.slice(0, 2).toLowerCase()] ?? uiLanguage
}
