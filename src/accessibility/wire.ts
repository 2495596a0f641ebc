import type { AppContext } from '../app/context'
import { applySubtitleStyle } from './subtitleCss'
import { watchSystemSpeech, type SystemSpeechGlobals } from './systemSpeech'

/**
 * Puts the household's accessibility choices to work for as long as the app runs: the subtitle
 * style on the page, the box's own audio guidance setting followed, speech stopped at once when
 * it is turned off. Returns what stops it all.
 */
export function startAccessibility(
  context: Pick<AppContext, 'accessibility' | 'announcer'>,
  doc: Document,
  globals: SystemSpeechGlobals,
  log: (message: string) => void = (message) => console.warn(message),
): () => void {
  const { accessibility, announcer } = context
  const subtitles = accessibility.subtitles$.subscribe((style) => applySubtitleStyle(doc, style))
  const speech = accessibility.speech$.subscribe((on) => {
    if (!on) announcer.stop()
  })
  const stopWatch = watchSystemSpeech(globals, (on) => accessibility.setSystemSpeech(on), log)
  return () => {
    subtitles.unsubscribe()
    speech.unsubscribe()
    stopWatch()
    announcer.stop()
  }
}
