import { StageBackground } from '../../../src/app/stageBackground'

describe('StageBackground', () => {
  const stage = () => {
    const colours: number[] = []
    return { colours, setClearColor: (colour: number) => void colours.push(colour) }
  }

  it('clears to the theme background from the start', () => {
    const s = stage()
    new StageBackground(s, () => 0xff0b0f14)
    expect(s.colours).toEqual([0xff0b0f14])
  })

  it('is transparent while a screen shows video, opaque again once none does', () => {
    const s = stage()
    const background = new StageBackground(s, () => 0xff0b0f14)
    const player = {}
    const trailer = {}
    background.video(player, true)
    expect(s.colours.at(-1)).toBe(0)
    background.video(trailer, true)
    background.video(player, false)
    // The other screen still shows video.
    expect(s.colours.at(-1)).toBe(0)
    expect(background.seeThrough).toBe(true)
    background.video(trailer, false)
    expect(s.colours.at(-1)).toBe(0xff0b0f14)
  })

  it('reads the colour each time, so a brand theme applied later is used', () => {
    const s = stage()
    let colour = 0xff0b0f14
    const background = new StageBackground(s, () => colour)
    colour = 0xff202020
    background.video({}, false)
    expect(s.colours.at(-1)).toBe(0xff202020)
  })
})
