import { toastBand } from '../../../src/app/toastPlacement'
import { playerTemplate } from '../../../src/screens/Player/playerTemplate'

type Placed = { y?: number; h?: number }

describe('toastPlacement', () => {
  const overlay = playerTemplate().Overlay as Record<string, Placed>

  it("keeps the player's toast clear of its state, hint, times and progress row", () => {
    const lowestRow = Math.min(overlay.State!.y!, overlay.Hint!.y!, overlay.Progress!.y!)
    expect(toastBand('top').bottom).toBeLessThan(lowestRow)
  })

  it("keeps the player's toast below its title and subtitle", () => {
    // The subtitle's line (28 px text) ends about 40 px below its y.
    expect(toastBand('top').top).toBeGreaterThan(overlay.Subtitle!.y! + 40)
  })

  it('puts other toasts in the bottom corner, where the player would cover its times', () => {
    expect(toastBand('bottom').bottom).toBeGreaterThan(overlay.Progress!.y!)
  })
})
