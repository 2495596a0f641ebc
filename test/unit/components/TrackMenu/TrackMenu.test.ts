import { Lightning } from '@lightningjs/sdk'
import TrackMenu, { type TrackMenuColumn } from '../../../../src/components/TrackMenu'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

class Host extends Lightning.Component {
  chosen: string[] = []
  said: unknown[] = []

  static override _template() {
    return { Menu: { type: TrackMenu } }
  }

  get menu(): TrackMenu {
    return this.tag('Menu') as TrackMenu
  }

  override _getFocused() {
    return this.tag('Menu')
  }

  $trackChosen(key: string) {
    this.chosen.push(key)
  }

  $announce(item: unknown) {
    this.said.push(item)
  }
}

const LANGUAGES = ['fr', 'nl', 'en', 'de', 'es', 'it', 'pt', 'ar', 'tr', 'pl', 'ro', 'el']

const columns = (activeText = 'off'): TrackMenuColumn[] => [
  { heading: 'Audio', items: [{ key: 'audio:fr', label: 'français', active: true }] },
  {
    heading: 'Sous-titres',
    items: ['off', ...LANGUAGES].map((language) => ({
      key: language === 'off' ? 'text:off' : `text:${language}`,
      label: language === 'off' ? 'Désactivés' : `${language} · sourds et malentendants`,
      active: language === activeText,
    })),
  },
]

/** The subtitle column's rows as drawn: label text and y. */
function drawnRows(menu: TrackMenu) {
  const column = menu.tag('Columns').children[1]!
  return column.tag('Items').children.map((row: Lightning.Element) => ({
    text: String((row.tag('Label') as Lightning.Element).text?.text ?? ''),
    y: row.y,
  }))
}

const moreArrows = (menu: TrackMenu) =>
  String((menu.tag('Columns').children[1]!.tag('More') as Lightning.Element).text?.text ?? '')

describe('TrackMenu', () => {
  let t: MountedApp<Host>
  const menu = () => t.component.menu

  beforeEach(() => {
    t = mountApp(Host)
    menu().columns = columns()
    t.step()
    t.press('Right')
  })

  afterEach(() => t.destroy())

  test('a long list shows six rows inside the panel, with an arrow saying more follow', () => {
    const rows = drawnRows(menu())
    expect(rows).toHaveLength(6)
    expect(Math.max(...rows.map((row: { y: number }) => row.y))).toBeLessThan(420 - 44 - 50)
    expect(moreArrows(menu())).toBe('▼')
  })

  test('moving down scrolls so the focused row stays in the panel, up to the last language', () => {
    t.press('Down', 12)
    expect(menu().focusedKey).toBe('text:el')
    const rows = drawnRows(menu())
    expect(rows).toHaveLength(6)
    expect(rows[5]!.text).toContain('el ·')
    expect(moreArrows(menu())).toBe('▲')
    t.press('Enter')
    expect(t.component.chosen).toEqual(['text:el'])
    t.press('Up', 12)
    expect(drawnRows(menu())[0]!.text).toContain('Désactivés')
  })

  test('an active choice far down the list is in view when the menu opens', () => {
    t.destroy()
    t = mountApp(Host)
    menu().columns = columns('ro')
    t.step()
    t.press('Right')
    expect(menu().focusedKey).toBe('text:ro')
    expect(drawnRows(menu()).some((row: { text: string }) => row.text.includes('ro ·'))).toBe(true)
  })

  test('a language joining above the focused one while the menu is open keeps focus on its line', () => {
    t.press('Down', 3)
    expect(menu().focusedKey).toBe('text:en')
    // A late subtitle file (Dutch) joins in the catalogue's order, above English.
    const [audio, text] = columns()
    menu().columns = [
      audio!,
      {
        ...text!,
        items: [
          text!.items[0]!,
          { key: 'text:nl', label: 'nl', active: false },
          ...text!.items.slice(1),
        ],
      },
    ]
    expect(menu().focusedKey).toBe('text:en')
    t.press('Enter')
    expect(t.component.chosen).toEqual(['text:en'])
  })

  test('a label longer than the column is cut with an ellipsis, not drawn past the panel', () => {
    const label = menu().tag('Columns').children[1]!.tag('Items').children[1]!.tag('Label')
    const text = (label as Lightning.Element).text!
    expect(text.wordWrapWidth).toBe(380)
    expect(text.maxLines).toBe(1)
    expect(text.textOverflow).toBe('ellipsis')
  })

  test('says each line it moves to, and the line chosen once it is ticked', () => {
    const said = () => t.component.said
    // beforeEach moved to the subtitles: their ticked "off" line.
    expect(said()).toEqual([
      { kind: 'choice', group: 'Sous-titres', label: 'Désactivés', selected: true },
    ])
    t.press('Down')
    expect(said().at(-1)).toEqual({
      kind: 'choice',
      group: 'Sous-titres',
      label: 'fr · sourds et malentendants',
      selected: false,
    })
    t.press('Enter')
    menu().columns = columns('fr')
    expect(said().at(-1)).toMatchObject({ label: 'fr · sourds et malentendants', selected: true })
    const count = said().length
    // Nothing to say when the focus does not move (the top of a column, the last column).
    t.press('Right')
    expect(said()).toHaveLength(count)
  })
})
