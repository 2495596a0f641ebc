/** The part of Lightning's stage this needs. */
export interface ClearableStage {
  setClearColor(colour: number): void
}

/** Fully transparent: the video element under the canvas shows through. */
const SEE_THROUGH = 0x00000000

/**
 * The screens' common background is the stage's clear colour, not a full-screen rectangle each
 * screen draws: clearing costs next to nothing, where that rectangle was 2 M pixels of fill in
 * every frame (a third of what home draws), and fill rate is what the GPUs of old boxes run out
 * of first. While a screen shows video under the canvas, the clear colour is transparent.
 */
export class StageBackground {
  private readonly _showing = new Set<object>()

  constructor(
    private readonly _stage: ClearableStage,
    private readonly _colour: () => number,
  ) {
    this._apply()
  }

  /** `screen` starts or stops showing video under the canvas. */
  video(screen: object, shown: boolean): void {
    if (shown) this._showing.add(screen)
    else this._showing.delete(screen)
    this._apply()
  }

  get seeThrough(): boolean {
    return this._showing.size > 0
  }

  private _apply(): void {
    this._stage.setClearColor(this.seeThrough ? SEE_THROUGH : this._colour())
  }
}
