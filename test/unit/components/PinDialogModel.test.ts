import type { Translate } from '../../../src/catalogue/offers'
import { classify, NOT_RATED } from '../../../src/catalogue/ratings'
import {
  parentalPrompt,
  pinDialogModel,
  type PinDialogPrompt,
  type PinDialogResult,
} from '../../../src/components/PinDialog'
import { defaultAppConfig } from '../../../src/config/defaults'
import translations from '../../../static/translations.json'

type Language = 'fr' | 'nl' | 'de' | 'en'
const tr =
  (language: Language): Translate =>
  (key, values) =>
    ((translations[language] as Record<string, string>)[key] ?? key).replace(
      /\{(\w+)\}/g,
      (_, name: string) => String(values?.[name] ?? `{${name}}`),
    )
const t = tr('fr')
const settings = defaultAppConfig().parental
const MINUTE = 60_000
const NOW = Date.UTC(2026, 11, 2, 15)
const csa = (value: string) => classify([{ system: 'CSA', value }])

describe('parentalPrompt', () => {
  test('-12 and -16 outside their hours say when they are free', () => {
    expect(parentalPrompt('hours', csa('12'), settings)).toEqual({
      kind: 'parental',
      reason: 'hours',
      age: 12,
      freeHours: { from: '20:00', until: '06:00' },
    })
    const k14 = classify([{ system: 'Kijkwijzer', value: '14' }])
    expect(parentalPrompt('hours', k14, settings)).toMatchObject({
      age: 16,
      freeHours: { from: '22:00', until: '06:00' },
    })
  })

  test('a window that starts where it ends is never free, and says no free hours', () => {
    const always = {
      ...settings,
      hours: { ...settings.hours, age16: { from: '00:00', until: '00:00' } },
    }
    expect(parentalPrompt('hours', csa('16'), always)).toEqual({
      kind: 'parental',
      reason: 'hours',
      age: 16,
    })
    expect(parentalPrompt('hours', csa('12'), always)).toMatchObject({
      freeHours: { from: '20:00', until: '06:00' },
    })
  })

  test('-18 and not rated have no free hours', () => {
    expect(parentalPrompt('adult', csa('18'), settings)).toEqual({
      kind: 'parental',
      reason: 'adult',
      age: 18,
    })
    expect(parentalPrompt('unrated', NOT_RATED, settings)).toEqual({
      kind: 'parental',
      reason: 'unrated',
      age: null,
    })
  })
})

describe('pinDialogModel: what is asked', () => {
  const model = (prompt: PinDialogPrompt) => pinDialogModel(prompt, null, t, NOW)

  test('a -16 title outside its hours', () => {
    expect(model(parentalPrompt('hours', csa('16'), settings))).toEqual({
      title: 'Code parental',
      message:
        'Ce programme est déconseillé aux moins de 16 ans. Sans code, il peut être regardé de 22:00 à 06:00.',
      error: '',
      locked: false,
      lockedUntil: null,
    })
  })

  test('a -18 title, and one not rated', () => {
    expect(model(parentalPrompt('adult', csa('18'), settings)).message).toBe(
      'Ce programme est déconseillé aux moins de 18 ans.',
    )
    expect(model(parentalPrompt('unrated', NOT_RATED, settings)).message).toBe(
      "Ce programme n'est pas classé : le code parental est demandé.",
    )
    expect(model(parentalPrompt('unreadable', NOT_RATED, settings)).message).toBe(
      'La classification de ce programme est illisible : le code parental est demandé.',
    )
  })

  test("a live channel's programme is named before the reason", () => {
    expect(model(parentalPrompt('adult', csa('18'), settings, 'Chaîne B · Le Film')).message).toBe(
      'Chaîne B · Le Film · Ce programme est déconseillé aux moins de 18 ans.',
    )
  })

  test('the purchase PIN and the setup steps', () => {
    expect(model({ kind: 'purchase' })).toMatchObject({
      title: "Code d'achat",
      message: "Entrez votre code d'achat pour confirmer.",
    })
    expect(model({ kind: 'choose', pin: 'purchase', length: 4 })).toMatchObject({
      title: "Choisissez votre code d'achat",
      message: 'Choisissez un code de 4 chiffres.',
    })
    expect(model({ kind: 'confirm', pin: 'parental' }).title).toBe('Confirmez le code')
    expect(model({ kind: 'current', pin: 'parental' }).message).toBe(
      "Entrez d'abord votre code actuel.",
    )
  })

  test('every prompt and error is worded in all four languages', () => {
    const prompts: PinDialogPrompt[] = [
      parentalPrompt('hours', csa('12'), settings),
      parentalPrompt('adult', csa('18'), settings),
      parentalPrompt('unrated', NOT_RATED, settings),
      { kind: 'purchase' },
      { kind: 'choose', pin: 'parental', length: 4 },
      { kind: 'choose', pin: 'purchase', length: 4 },
      { kind: 'confirm', pin: 'parental' },
      { kind: 'current', pin: 'purchase' },
    ]
    const results: PinDialogResult[] = [
      { ok: false, reason: 'wrong', attemptsLeft: 1 },
      { ok: false, reason: 'wrong', attemptsLeft: 4 },
      { ok: false, reason: 'locked', until: NOW + MINUTE },
      { ok: false, reason: 'unset' },
      { ok: false, reason: 'mismatch' },
      { ok: false, reason: 'invalid' },
      { ok: false, reason: 'no-default' },
      { ok: false, reason: 'same-as-other' },
    ]
    for (const language of ['fr', 'nl', 'de', 'en'] as const) {
      for (const prompt of prompts) {
        for (const result of results) {
          const shown = pinDialogModel(prompt, result, tr(language), NOW)
          for (const text of [shown.title, shown.message, shown.error]) {
            expect(text).not.toMatch(/^(pin|parental)\.|\{/)
            expect(text).not.toBe('')
          }
        }
      }
    }
  })
})

describe('pinDialogModel: answers', () => {
  const prompt: PinDialogPrompt = { kind: 'purchase' }
  const model = (result: PinDialogResult, now = NOW) => pinDialogModel(prompt, result, t, now)

  test('a wrong PIN says how many tries are left', () => {
    expect(model({ ok: false, reason: 'wrong', attemptsLeft: 3 }).error).toBe(
      'Code incorrect · 3 essais restants',
    )
    expect(model({ ok: false, reason: 'wrong', attemptsLeft: 1 }).error).toBe(
      'Code incorrect · 1 essai restant',
    )
  })

  test('a lockout counts down in whole minutes, rounded up', () => {
    const locked: PinDialogResult = { ok: false, reason: 'locked', until: NOW + 14 * MINUTE }
    expect(model(locked)).toMatchObject({
      error: "Trop d'essais · réessayez dans 14 min",
      locked: true,
      lockedUntil: NOW + 14 * MINUTE,
    })
    expect(model(locked, NOW + 1).error).toBe("Trop d'essais · réessayez dans 14 min")
    expect(model(locked, NOW + 13 * MINUTE + 1).error).toBe("Trop d'essais · réessayez dans 1 min")
  })

  test('a lockout whose time has passed is over', () => {
    const locked: PinDialogResult = { ok: false, reason: 'locked', until: NOW }
    expect(model(locked)).toMatchObject({ error: '', locked: false, lockedUntil: null })
  })

  test('two different entries of a new PIN, and nothing to say after a right one', () => {
    expect(model({ ok: false, reason: 'mismatch' }).error).toBe(
      'Les deux codes sont différents · recommencez',
    )
    expect(model({ ok: false, reason: 'no-default' }).error).toBe(
      "Cet appareil n'a pas de code par défaut : choisissez votre code.",
    )
    expect(model({ ok: true }).error).toBe('')
  })

  test('a new PIN that is the other one says which one it already is', () => {
    const same: PinDialogResult = { ok: false, reason: 'same-as-other' }
    const choosing = (pin: 'parental' | 'purchase') =>
      pinDialogModel({ kind: 'choose', pin, length: 4 }, same, t, NOW).error
    expect(choosing('purchase')).toBe(
      'Ce code est déjà votre code parental · choisissez-en un autre',
    )
    expect(choosing('parental')).toBe(
      "Ce code est déjà votre code d'achat · choisissez-en un autre",
    )
  })
})
