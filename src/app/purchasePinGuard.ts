import type { PinStatus } from '../parental/ParentalStore'
import type { PinKind, PinPrompt, PinPrompter } from './context'

/**
 * Asks a PIN through `prompter`; a purchase PIN that was never chosen is chosen by a grown-up:
 * the parental PIN comes first, where there is one. Without it, whoever held the remote at the
 * first purchase would set the purchase PIN, and buy.
 */
export async function askPinGuarded(
  prompter: PinPrompter,
  status: (kind: PinKind) => PinStatus,
  guard: PinPrompt,
  kind: PinKind,
  prompt: PinPrompt,
): Promise<boolean> {
  if (kind === 'purchase' && status('purchase') === 'unset' && status('parental') !== 'unset') {
    if (!(await prompter('parental', guard))) return false
  }
  return prompter(kind, prompt)
}
