import type { Title } from '../../../../src/catalogue/schema'
import { type DetailsSnapshot } from '../../../../src/screens/Details'
import { fakeContext, fixtureCatalogue } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'
import { DetailsHost } from './detailsHost'

/**
 * jsdom's canvas measures every character 1 px wide, so a title wraps here only past 1000
 * characters (the column's width); in a browser a feed's 120-character title does.
 */
const words = (count: number) => 'Lorem ipsum dolor sit amet '.repeat(count).trim()

describe('Details with a feed’s very long title and synopsis', () => {
  let t: MountedApp<DetailsHost>

  afterEach(() => t.destroy())

  const show = (title: string, synopsis: string): DetailsSnapshot => {
    const rosetta = fixtureCatalogue().title('rosetta')!
    t = mountApp(DetailsHost)
    t.component.details.bind(fakeContext())
    t.component.details.show({
      ...rosetta,
      title: { fr: title },
      synopsis: { fr: synopsis },
    } as Title)
    t.step(2)
    return t.component.details.snapshot() as DetailsSnapshot
  }

  it('draws a very long title smaller, on more lines, and keeps the synopsis above the buttons', () => {
    // 2,700 characters: three lines of jsdom's 1 px characters, in the long titles' style.
    const { layout } = show(words(100), words(200))
    expect(layout.titleLines).toBe(3)
    expect(layout.synopsisLines).toBeGreaterThan(0)
    expect(layout.synopsisBottom).toBeLessThanOrEqual(layout.actionsTop)
  })

  it('gives the synopsis more lines under a one-line title, still above the buttons', () => {
    const { layout } = show('Rosetta', words(200))
    expect(layout.titleLines).toBe(1)
    expect(layout.synopsisLines).toBe(5)
    expect(layout.synopsisBottom).toBeLessThanOrEqual(layout.actionsTop)
  })
})
