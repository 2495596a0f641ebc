import { Lightning } from '@lightningjs/sdk'
import type { Translate } from '../../../src/catalogue/offers'
import PinDialog, { type PinDialogContent } from '../../../src/components/PinDialog'
import { buildCodeMap } from '../../../src/platform/keymap'
import { PAD, PAD_TOP } from '../../../src/components/PinEntry/PinEntry.styles'
import { PAD_ROWS } from '../../../src/components/PinEntry/padLayout'
import translations from '../../../static/translations.json'
import { mountApp, type MountedApp } from '../../harness/mountApp'

const FR = translations.fr as Record<string, string>
const t: Translate = (key, values) =>
  (FR[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''))

const MINUTE = 60_000
const T0 = Date.UTC(2026, 11, 2, 15)

/** Hosts the dialog as the app's root would, recording what it fires. */
class Host extends Lightning.Component {
  fired: string[] = []
  showDialog = true

  static override _template() {
    return { Dialog: { type: PinDialog } }
  }

  get dialog(): PinDialog {
    return this.tag('Dialog') as PinDialog
  }

  override _getFocused() {
    return this.tag('Dialog')
  }

  $pinEntered(pin: string) {
    this.fired.push(`entered:${pin}`)
  }

  $pinCancelled() {
    this.fired.push('cancelled')
  }

  override _handleKey() {
    this.fired.push('key escaped the dialog')
    return true
  }
}

const KEYS = buildCodeMap('browser', {})

describe('PinDialog', () => {
  let t_: MountedApp<Host>
  const clock = { now: T0 }
  const dialog = () => t_.component.dialog
  const open = (content: Partial<PinDialogContent> = {}) => {
    dialog().content = {
      prompt: {
        kind: 'parental',
        reason: 'hours',
        age: 16,
        freeHours: { from: '22:00', until: '06:00' },
      },
      t,
      now: () => clock.now,
      ...content,
    }
    t_.step()
  }
  const type = (pin: string) => {
    for (const digit of pin) t_.press(`Digit${digit}`)
  }

  beforeEach(() => {
    jest.useFakeTimers()
    clock.now = T0
    t_ = mountApp(Host, { keys: KEYS })
  })

  afterEach(() => {
    t_.destroy()
    jest.useRealTimers()
  })

  test('says why the PIN is asked, and fires the PIN typed on the remote', () => {
    open()
    expect(dialog().snapshot()).toEqual({
      title: 'Code parental',
      message:
        'Ce programme est déconseillé aux moins de 16 ans. Sans code, il peut être regardé de 22:00 à 06:00.',
      error: '',
      digits: 0,
      locked: false,
    })
    type('12')
    expect(dialog().snapshot().digits).toBe(2)
    type('34')
    expect(t_.component.fired).toEqual(['entered:1234'])
  })

  test('the number pad works with arrows and OK alone', () => {
    open()
    t_.press('Enter')
    t_.press('Down')
    t_.press('Enter')
    t_.press('Down', 2)
    t_.press('Right')
    t_.press('Enter', 2)
    expect(t_.component.fired).toEqual(['entered:1400'])
  })

  test('a wrong PIN clears the entry and says how many tries are left', () => {
    open()
    type('1111')
    dialog().result = { ok: false, reason: 'wrong', attemptsLeft: 3 }
    expect(dialog().snapshot()).toMatchObject({
      error: 'Code incorrect · 3 essais restants',
      digits: 0,
      locked: false,
    })
    dialog().result = { ok: false, reason: 'wrong', attemptsLeft: 1 }
    expect(dialog().snapshot().error).toBe('Code incorrect · 1 essai restant')
    type('2222')
    expect(t_.component.fired).toEqual(['entered:1111', 'entered:2222'])
  })

  test('a lockout refuses digits and counts down each minute until it ends', () => {
    open()
    type('9999')
    dialog().result = { ok: false, reason: 'locked', until: T0 + 15 * MINUTE }
    expect(dialog().snapshot()).toMatchObject({
      error: "Trop d'essais · réessayez dans 15 min",
      locked: true,
    })
    type('1234')
    expect(dialog().snapshot().digits).toBe(0)
    expect(t_.component.fired).toEqual(['entered:9999'])

    clock.now += MINUTE
    jest.advanceTimersByTime(MINUTE)
    expect(dialog().snapshot().error).toBe("Trop d'essais · réessayez dans 14 min")

    clock.now += 14 * MINUTE
    jest.advanceTimersByTime(14 * MINUTE)
    expect(dialog().snapshot()).toMatchObject({ error: '', locked: false })
    type('1234')
    expect(t_.component.fired).toEqual(['entered:9999', 'entered:1234'])
  })

  test('a dialog opened during a lockout shows it at once', () => {
    open({ result: { ok: false, reason: 'locked', until: T0 + 90_000 } })
    expect(dialog().snapshot()).toMatchObject({
      error: "Trop d'essais · réessayez dans 2 min",
      locked: true,
    })
  })

  test('its timer stops when it leaves the screen', () => {
    open()
    const before = jest.getTimerCount()
    dialog().result = { ok: false, reason: 'locked', until: T0 + 15 * MINUTE }
    expect(jest.getTimerCount()).toBe(before + 1)
    t_.component.childList.remove(dialog())
    expect(jest.getTimerCount()).toBe(before)
  })

  test('Back deletes a digit first, then cancels', () => {
    open()
    type('12')
    t_.press('Back')
    expect(dialog().snapshot().digits).toBe(1)
    t_.press('Back')
    t_.press('Back')
    expect(t_.component.fired).toEqual(['cancelled'])
  })

  test('keys the entry does not use stay in the dialog', () => {
    open()
    t_.press('Up')
    t_.press('Left')
    t_.press('Red')
    t_.press('ChannelUp')
    expect(t_.component.fired).toEqual([])
  })

  test("a caller's own title and message", () => {
    open({ prompt: { title: 'Quitter le profil enfant', message: 'Entrez le code parental.' } })
    expect(dialog().snapshot()).toMatchObject({
      title: 'Quitter le profil enfant',
      message: 'Entrez le code parental.',
    })
  })

  test('a longer PIN length', () => {
    open({ pinLength: 6, prompt: { kind: 'choose', pin: 'parental', length: 6 } })
    expect(dialog().snapshot()).toMatchObject({
      title: 'Choisissez votre code parental',
      message: 'Choisissez un code de 6 chiffres.',
    })
    type('1234')
    expect(t_.component.fired).toEqual([])
    type('56')
    expect(t_.component.fired).toEqual(['entered:123456'])
  })
})

test("an error on two lines stays between the number pad and the panel's edge", () => {
  type Placed = { y: number; h?: number; text?: { lineHeight?: number; maxLines?: number } }
  const panel = (
    PinDialog as unknown as { _template(): { Panel: Record<string, Placed> } }
  )._template().Panel
  const rows = PAD_ROWS.length
  const padBottom = panel.Entry!.y + PAD_TOP + rows * PAD.keyH + (rows - 1) * PAD.gap
  const error = panel.Error!
  expect(error.y).toBeGreaterThan(padBottom + 8)
  // Two lines of 28 px text, at the renderer's default pitch when none is set.
  expect(error.text?.maxLines ?? 2).toBeLessThanOrEqual(2)
  const twoLines = 2 * (error.text?.lineHeight ?? 34)
  expect(error.y + twoLines).toBeLessThanOrEqual((panel as unknown as { h: number }).h - 24)
})
