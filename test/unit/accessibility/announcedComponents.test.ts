import { Lightning } from '@lightningjs/sdk'
import { Announcer } from '../../../src/accessibility/Announcer'
import { speechSynthesisSpeaker, type Speaker } from '../../../src/accessibility/speaker'
import { classify } from '../../../src/catalogue/ratings'
import Dialog from '../../../src/components/Dialog'
import Rail from '../../../src/components/Rail'
import Tile, { type TileModel } from '../../../src/components/Tile'
import { mountApp, type MountedApp } from '../../harness/mountApp'

const WORDS: Record<string, string> = {
  'a11y.rating.age': 'déconseillé aux moins de {age} ans',
  'rating.csa.allAudiences': 'Tous publics',
  'a11y.button': 'bouton',
}
const t = (key: string, values?: Record<string, string | number>) =>
  (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const tile = (id: string, title: string, offer: string, age: string): TileModel => ({
  id,
  title,
  kind: 'Film',
  badge: { label: offer, offerType: 'subscription' },
  isSeries: false,
  rating: classify([{ system: 'CSA', value: age }]),
})

/** Two rails over a dialog that opens on Enter, as a screen and the app's overlay would be. */
class Host extends Lightning.Component {
  row = 0
  dialogOpen = false

  static override _template() {
    return {
      Films: { type: Rail },
      Series: { type: Rail, y: 500 },
      Dialog: { type: Dialog, visible: false },
    }
  }

  override _getFocused() {
    if (this.dialogOpen) return this.tag('Dialog')
    return this.tag(this.row === 0 ? 'Films' : 'Series')
  }

  override _handleDown() {
    this.row = 1
    this._refocus()
    return true
  }

  override _handleEnter() {
    const dialog = this.tag('Dialog') as Dialog
    dialog.content = {
      title: 'Quitter Belgica ?',
      message: 'Vous pourrez revenir à tout moment.',
      buttons: [
        { id: 'stay', label: 'Rester' },
        { id: 'quit', label: 'Quitter' },
      ],
    }
    dialog.visible = true
    this.dialogOpen = true
    this._refocus()
    return true
  }
}

describe('what the announcer says of real components', () => {
  let mounted: MountedApp<Host>
  let spoken: { text: string; lang: string }[]
  let announcer: Announcer

  beforeEach(() => {
    jest.useFakeTimers()
    spoken = []
    const speaker = speechSynthesisSpeaker({
      speechSynthesis: {
        speak: (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang }),
        cancel: () => undefined,
      },
      SpeechSynthesisUtterance: class {
        lang = ''
        constructor(public text: string) {}
      } as unknown as typeof SpeechSynthesisUtterance,
    }) as Speaker
    announcer = new Announcer({ speaker, enabled: () => true, language: () => 'fr', t })
    mounted = mountApp(Host)
    const films = mounted.component.tag('Films') as Rail<TileModel>
    films.tileType = Tile
    films.label = 'Films belges'
    films.models = [
      tile('rosetta', 'Rosetta', 'Gratuit', 'TP'),
      tile('pukkelpop', 'Pukkelpop', 'Pass Films & Séries', '12'),
    ]
    const series = mounted.component.tag('Series') as Rail<TileModel>
    series.tileType = Tile
    series.label = 'Séries belges'
    series.models = [tile('la-treve', 'La Trêve', 'Pass Films & Séries', '16')]
    mounted.step()
  })

  afterEach(() => {
    mounted.destroy()
    jest.useRealTimers()
  })

  /** A remote key, then the path handed over as the root does, then focus settles. */
  const press = (key: string) => {
    mounted.press(key)
    announcer.focusChanged(mounted.focusPath())
    jest.advanceTimersByTime(300)
  }

  test('the rail title then the tile on arrival, the tile alone along the rail', () => {
    announcer.focusChanged(mounted.focusPath())
    jest.advanceTimersByTime(300)
    press('Right')
    expect(spoken).toEqual([
      { text: 'Films belges. Rosetta, Film, Gratuit, Tous publics', lang: 'fr-BE' },
      {
        text: 'Pukkelpop, Film, Pass Films & Séries, déconseillé aux moins de 12 ans',
        lang: 'fr-BE',
      },
    ])
  })

  test('entering another rail says its title first', () => {
    announcer.focusChanged(mounted.focusPath())
    jest.advanceTimersByTime(300)
    press('Down')
    expect(spoken.at(-1)?.text).toBe(
      'Séries belges. La Trêve, Film, Pass Films & Séries, déconseillé aux moins de 16 ans',
    )
  })

  test('a dialog says its title and message, then its focused button', () => {
    press('Enter')
    expect(spoken.at(-1)?.text).toBe(
      'Quitter Belgica ?, Vous pourrez revenir à tout moment. Rester, bouton',
    )
  })
})
