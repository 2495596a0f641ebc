/**
 * Where a subtitle cue goes while the player overlay (title, progress bar) is on screen: the
 * subtitles are drawn by the <video> behind the canvas, so without this they sit under the
 * progress bar. Pure: it takes and returns a cue's WebVTT placement fields.
 */
export interface CuePlacement {
  /** 'auto' (the bottom), a line number (negative: from the bottom), or a percentage. */
  line: number | 'auto'
  /** true: `line` counts lines; false: it is a percentage of the video height. */
  snapToLines: boolean
}

/**
 * While the overlay shows, the cue's last line sits this many lines up from the bottom. A line is
 * 5 % of the video height (Chromium draws cues at 5vh), so -6 puts the last line's bottom near
 * 75 %, clear of the time and hint row (80 %) and the progress bar (85 %). Lines are used rather
 * than a percentage with lineAlign 'end', which some engines ignore.
 */
export const LIFTED_CUE_LINE = -6

/** The line-height share of the video height the engines use for snapped cues, in percent. */
const LINE_PERCENT = 5

/** Percent of the video height, from the top, below which the overlay's controls start. */
const CLEAR_PERCENT = 75

/** The lowest point (percent from the top) a cue placed like this can reach, as an estimate. */
function bottomEdge(placement: CuePlacement): number {
  const { line, snapToLines } = placement
  if (line === 'auto') return 100
  if (!snapToLines) return line + 2 * LINE_PERCENT
  // Lines from the top (0, 1, ...) leave room for a two-line cue; negative ones count from below.
  return line >= 0 ? (line + 2) * LINE_PERCENT : 100 + (line + 1) * LINE_PERCENT
}

/**
 * The placement to give a cue: its own when the overlay is hidden or when it already stands clear
 * of the controls (a cue placed at the top stays there), else lifted above them.
 */
export function cuePlacement(original: CuePlacement, overlayVisible: boolean): CuePlacement {
  if (!overlayVisible || bottomEdge(original) <= CLEAR_PERCENT) return original
  return { line: LIFTED_CUE_LINE, snapToLines: true }
}
