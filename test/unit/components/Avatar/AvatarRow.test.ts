import { Lightning } from '@lightningjs/sdk'
import { avatarModel, AvatarRow } from '../../../../src/components/Avatar'
import type Avatar from '../../../../src/components/Avatar'
import type { Profile } from '../../../../src/state/profiles'
import { fakeTranslate } from '../../../harness/fakeContext'
import { mountApp, type MountedApp } from '../../../harness/mountApp'

const profile = (id: string, name: string, kids = false): Profile => ({
  id,
  name,
  kids,
  maxAge: kids ? 10 : null,
  avatar: 0,
  language: null,
})

class Host extends Lightning.Component {
  chosen: string[] = []

  static override _template() {
    return { Row: { type: AvatarRow } }
  }

  get row(): AvatarRow {
    return this.tag('Row') as AvatarRow
  }

  override _getFocused() {
    return this.tag('Row')
  }

  $avatarChosen(id: string): void {
    this.chosen.push(id)
  }
}

describe('AvatarRow', () => {
  let t: MountedApp<Host>

  beforeEach(() => {
    t = mountApp(Host)
    t.component.row.models = [profile('a', ''), profile('b', 'Léa', true)].map((p) =>
      avatarModel(p, fakeTranslate),
    )
    t.step()
  })

  afterEach(() => t.destroy())

  it('names the unnamed first profile with the default name and marks kids profiles', () => {
    const [home, lea] = t.component.row.models
    expect(home).toMatchObject({ label: 'profile.defaultName', initial: 'P', kidsLabel: null })
    expect(lea).toMatchObject({ label: 'Léa', initial: 'L', kidsLabel: 'profile.kids' })
    const [homeFace, leaFace] = t.component.row.tag('Items').children as Avatar[]
    expect(leaFace!.tag('Kids').visible).toBe(true)
    expect(homeFace!.tag('Kids').visible).toBe(false)
    // The name under the face, not the marker's text.
    expect(leaFace!.tag('Name').text.text).toBe('Léa')
    expect(leaFace!.tag('Kids.Text').text.text).toBe('profile.kids')
  })

  it('moves with Left/Right, grows the focused face, and says which was chosen', () => {
    const items = t.component.row.tag('Items').children as Avatar[]
    expect(t.focused()).toBe(items[0])
    t.press('Right')
    expect(t.focused()).toBe(items[1])
    expect(items[1]!.scale).toBeGreaterThan(items[0]!.scale)
    t.press('Right')
    expect(t.component.row.focusedId).toBe('b')
    t.press('Enter')
    expect(t.component.chosen).toEqual(['b'])
  })

  it('keeps the focused profile when the list changes', () => {
    t.press('Right')
    t.component.row.models = [profile('c', 'Zoé'), profile('a', ''), profile('b', 'Léa')].map((p) =>
      avatarModel(p, fakeTranslate),
    )
    expect(t.component.row.focusedId).toBe('b')
  })
})
