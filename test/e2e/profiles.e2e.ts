import type { Page } from 'playwright-core'
import type { KeyboardSnapshot } from '../../src/components/Keyboard'
import type { ProfileEditSnapshot, ProfileListSnapshot } from '../../src/screens/ProfileEdit'
import type { ProfilesSnapshot } from '../../src/screens/Profiles'
import type { SettingsSnapshot } from '../../src/screens/Settings'
import {
  consoleErrors,
  nextFrame,
  openApp,
  press,
  screenshot,
  snapshot,
  waitForApp,
  waitRoute,
} from './support/browser'

const pageOf = async <T>(page: Page) => (await snapshot(page)).page as T

const keyboardOf = async (page: Page): Promise<KeyboardSnapshot> => {
  const keyboard = (await pageOf<ProfileEditSnapshot>(page)).keyboard
  if (!keyboard) throw new Error('the on-screen keyboard is not open')
  return keyboard
}

/** Moves to a key of the on-screen keyboard with the arrows, reading where the focus is after each. */
async function goToKey(page: Page, id: string): Promise<void> {
  const row = (await keyboardOf(page)).rows.findIndex((keys) => keys.includes(id))
  expect(row).toBeGreaterThanOrEqual(0)
  for (let current = (await keyboardOf(page)).position.row; current !== row;) {
    await press(page, current < row ? 'ArrowDown' : 'ArrowUp')
    current = (await keyboardOf(page)).position.row
  }
  while ((await keyboardOf(page)).focused !== id) await press(page, 'ArrowRight')
}

/**
 * Holds OK as a remote does (the key auto-repeats) until the app calls it a long press and offers
 * the accents; bounded, so a broken long press fails instead of hanging.
 */
async function holdOkForAccents(page: Page): Promise<void> {
  await page.keyboard.down('Enter')
  for (let repeats = 0; (await keyboardOf(page)).accents === null; repeats++) {
    if (repeats > 600) throw new Error('no accents offered after holding OK')
    await page.keyboard.down('Enter')
    await nextFrame(page)
  }
  await page.keyboard.up('Enter')
  await nextFrame(page)
}

async function openSettings(page: Page): Promise<void> {
  // The remote's Menu key (Alt in a browser) opens Settings from home.
  await press(page, 'Alt')
  await waitRoute(page, 'settings')
}

describe('profiles', () => {
  it('creates Léa on the on-screen keyboard, chooses her at start, and deletes her', async () => {
    const page = await openApp()
    await waitForApp(page)
    await waitRoute(page, 'home')

    // Settings > Profiles (the row above the languages) > Add a profile.
    await openSettings(page)
    await press(page, 'ArrowUp')
    expect((await pageOf<SettingsSnapshot>(page)).area).toBe('profiles')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles')
    await press(page, 'ArrowDown')
    expect((await pageOf<ProfileListSnapshot>(page)).focused).toBe('add')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles/new')

    // The name: L, then é by a long OK on e, then a, then the keyboard's OK.
    await press(page, 'Enter')
    await goToKey(page, 'l')
    await press(page, 'Enter')
    await goToKey(page, 'e')
    await holdOkForAccents(page)
    expect((await keyboardOf(page)).accents?.chars).toEqual(['é', 'è', 'ê', 'ë'])
    await screenshot(page, 'profiles-keyboard-accents')
    await press(page, 'Enter')
    await goToKey(page, 'a')
    await press(page, 'Enter')
    expect((await keyboardOf(page)).value).toBe('Léa')
    await goToKey(page, 'done')
    await press(page, 'Enter')
    expect(await pageOf<ProfileEditSnapshot>(page)).toMatchObject({
      keyboard: null,
      focused: 'save',
      message: '',
      draft: { name: 'Léa' },
    })
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles')
    expect((await pageOf<ProfileListSnapshot>(page)).profiles.map((p) => p.name)).toEqual([
      '',
      'Léa',
    ])
    await screenshot(page, 'profiles-list')

    // Back home, then a fresh start: the chooser comes first, with both profiles.
    await press(page, 'Backspace')
    await waitRoute(page, 'settings')
    await press(page, 'Backspace')
    await waitRoute(page, 'home')
    await page.reload()
    await waitForApp(page)
    await waitRoute(page, 'profiles')
    const chooser = await pageOf<ProfilesSnapshot>(page)
    expect(chooser.profiles.map((p) => p.name)).toEqual(['', 'Léa'])
    expect(chooser.focused).toBe(chooser.activeId)
    await screenshot(page, 'profiles-chooser')
    await press(page, 'ArrowRight')
    const lea = chooser.profiles[1]!.id
    expect((await pageOf<ProfilesSnapshot>(page)).focused).toBe(lea)
    await press(page, 'Enter')
    await waitRoute(page, 'home')

    // Léa is watching; delete her from Settings > Profiles > Manage.
    await openSettings(page)
    expect((await pageOf<SettingsSnapshot>(page)).profile).toBe('Léa')
    await press(page, 'ArrowUp')
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles')
    expect((await pageOf<ProfileListSnapshot>(page)).focused).toBe(lea)
    await press(page, 'Enter')
    await waitRoute(page, `settings/profiles/${lea}`)
    const edit = await pageOf<ProfileEditSnapshot>(page)
    expect(edit.actions).toEqual(['save', 'delete'])
    await press(page, 'ArrowDown', edit.rows.length - 1)
    await press(page, 'ArrowRight')
    expect((await pageOf<ProfileEditSnapshot>(page)).focused).toBe('delete')
    await press(page, 'Enter')
    expect((await pageOf<ProfileEditSnapshot>(page)).dialog).toBe(true)
    await screenshot(page, 'profiles-delete-confirm')
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles')
    expect((await pageOf<ProfileListSnapshot>(page)).profiles).toHaveLength(1)

    expect(consoleErrors(page)).toEqual([])
  })

  it('refuses a name another profile has, without its accent or capital, and keeps what was typed', async () => {
    // A household with Léa, and its first profile never named (shown as "Maison").
    const page = await openApp('#settings/profiles', {
      initScript: () => {
        const profile = (id: string, name: string, avatar: number) => ({
          id,
          name,
          kids: false,
          maxAge: null,
          avatar,
          language: null,
        })
        if (localStorage.getItem('profiles') === null) {
          localStorage.setItem(
            'profiles',
            JSON.stringify({
              profiles: [profile('home', '', 0), profile('lea', 'Léa', 1)],
              activeId: 'home',
            }),
          )
        }
      },
    })
    await waitForApp(page)
    await waitRoute(page, 'settings/profiles')
    expect((await pageOf<ProfileListSnapshot>(page)).profiles.map((p) => p.name)).toEqual([
      '',
      'Léa',
    ])
    await press(page, 'ArrowDown')
    expect((await pageOf<ProfileListSnapshot>(page)).focused).toBe('add')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles/new')

    /** Types `letters` on the on-screen keyboard, then its OK. */
    const typeName = async (letters: string, open = true) => {
      if (open) await press(page, 'Enter')
      for (const letter of letters) {
        await goToKey(page, letter)
        await press(page, 'Enter')
      }
      await goToKey(page, 'done')
      await press(page, 'Enter')
    }
    await typeName('lea')
    expect(await pageOf<ProfileEditSnapshot>(page)).toMatchObject({
      keyboard: null,
      row: 'name',
      draft: { name: 'Lea' },
      message: 'Un autre profil s’appelle déjà « Léa » : choisissez un autre nom.'.replace(
        '’',
        "'",
      ),
    })
    await screenshot(page, 'profiles-name-taken')

    // Save refuses it as well; the name typed stays in its field.
    const rows = (await pageOf<ProfileEditSnapshot>(page)).rows
    await press(page, 'ArrowDown', rows.length - 1)
    expect((await pageOf<ProfileEditSnapshot>(page)).focused).toBe('save')
    await press(page, 'Enter')
    await nextFrame(page)
    expect(await pageOf<ProfileEditSnapshot>(page)).toMatchObject({
      row: 'name',
      draft: { name: 'Lea' },
      message: expect.stringContaining('« Léa »'),
    })
    expect((await snapshot(page)).route).toBe('settings/profiles/new')

    // The name the unnamed first profile shows is taken too.
    await press(page, 'Enter')
    await goToKey(page, 'clear')
    await press(page, 'Enter')
    expect((await keyboardOf(page)).value).toBe('')
    await typeName('maison', false)
    expect(await pageOf<ProfileEditSnapshot>(page)).toMatchObject({
      draft: { name: 'Maison' },
      message: expect.stringContaining('« Maison »'),
    })

    // Back: nothing was added. Léa saves with her own name unchanged.
    await press(page, 'Backspace')
    await waitRoute(page, 'settings/profiles')
    const list = await pageOf<ProfileListSnapshot>(page)
    expect(list.profiles.map((p) => p.name)).toEqual(['', 'Léa'])
    await press(page, 'ArrowUp')
    await press(page, 'ArrowRight')
    expect((await pageOf<ProfileListSnapshot>(page)).focused).toBe('lea')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles/lea')
    const edit = await pageOf<ProfileEditSnapshot>(page)
    await press(page, 'ArrowDown', edit.rows.length - 1)
    expect((await pageOf<ProfileEditSnapshot>(page)).focused).toBe('save')
    await press(page, 'Enter')
    await waitRoute(page, 'settings/profiles')
    expect((await pageOf<ProfileListSnapshot>(page)).profiles.map((p) => p.name)).toEqual([
      '',
      'Léa',
    ])
    expect(consoleErrors(page)).toEqual([])
  })
})
