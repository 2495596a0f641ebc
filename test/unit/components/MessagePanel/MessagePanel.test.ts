import MessagePanel from '../../../../src/components/MessagePanel'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

/**
 * jsdom's canvas measures every character 1 px wide, so a title wraps here only past 1056
 * characters (the panel's text width); in a browser "Aucun programme à afficher pour le moment"
 * does at 44 px.
 */
const words = (count: number) => 'Aucun programme à afficher pour le moment '.repeat(count).trim()

describe('MessagePanel', () => {
  let t: MountedApp<MessagePanel>

  afterEach(() => t.destroy())

  const show = (title: string, lines: string[]) => {
    t = mountApp(MessagePanel)
    t.component.content = {
      title,
      lines,
      buttons: [
        { id: 'retry', label: 'Réessayer' },
        { id: 'settings', label: 'Paramètres' },
      ],
    }
    t.step(2)
    return t.component.layout
  }

  it('starts the message below a title on two lines, and the buttons below the message', () => {
    const layout = show(words(40), [words(20), 'Réessayez plus tard.'])
    expect(layout.titleBottom - 60).toBeGreaterThan(100) // two lines, not one
    expect(layout.messageTop).toBeGreaterThanOrEqual(layout.titleBottom)
    expect(layout.buttonsTop).toBeGreaterThanOrEqual(layout.messageBottom)
  })

  it('grows with its content, so the buttons stay inside it', () => {
    show(words(40), [words(200)])
    const panel = t.component
    expect(panel.layout.buttonsTop + 72).toBeLessThanOrEqual(panel.finalH)
  })

  it('keeps a one-line title close to its message', () => {
    const layout = show('Aucun programme', ['Le catalogue est vide.'])
    expect(layout.messageTop).toBeGreaterThanOrEqual(layout.titleBottom)
    expect(layout.messageTop - layout.titleBottom).toBeLessThan(40)
  })
})
