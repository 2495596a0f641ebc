import type { PinStatus } from '../parental/ParentalStore'
import type { PinKind, PinPrompt, PinPrompter } from './context'

/**
 * Asks a PIN through `prompter`; a purchase PIN that was never chosen is chosen by a grown-up:
 * the parental PIN comes first, where there is one. Without it, whoever held the remote at the
 * first purchase would set the purchase PIN, and buy. `parentalGiven` learns that the parental PIN
 * was typed on the way, so the title being bought need not ask it again to play.
 */
export async function askPinGuarded(
  prompter: PinPrompter,
  status: (kind: PinKind) => PinStatus,
  guard: PinPrompt,
  kind: PinKind,
  prompt: PinPrompt,
  parentalGiven: () => void = () => {},
): Promise<boolean> {
  if (kind === 'purchase' && status('purchase') === 'unset' && status('parental') !== 'unset') {
    if (!(await prompter('parental', guard))) return false
    parentalGiven()
  }
  return prompter(kind, prompt)
}
