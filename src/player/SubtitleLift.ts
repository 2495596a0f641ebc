import { cuePlacement, type CuePlacement } from './subtitlePlacement'

/** The parts of a VTTCue the lift reads and writes (TextTrackCue has no placement). */
type PlacedCue = TextTrackCue & CuePlacement

/** The parts of the <video> the lift uses, so tests hand it a small fake. */
export interface CueHost {
  readonly textTracks: TextTrackList
}

const isPlaced = (cue: TextTrackCue): cue is PlacedCue => 'line' in cue && 'snapToLines' in cue

/**
 * Moves the subtitles of the <video> (Shaka's native text displayer puts them there as VTTCues)
 * above the player overlay while it shows, and back where the stream put them when it hides.
 *
 * Cues keep arriving while playing (Shaka appends them as text segments load, and a new track is
 * added per language), so every change to the showing track's cues applies the current placement
 * again; each cue's own placement is remembered so it can be given back.
 */
export class SubtitleLift {
  private host?: CueHost
  private lifted = false
  private readonly originals = new WeakMap<TextTrackCue, CuePlacement>()
  private readonly listened = new Set<TextTrack>()
  private readonly onChange = () => this.apply()

  /** Starts following this element's text tracks; attaching the same element again is a no-op. */
  attach(host: CueHost): void {
    if (host === this.host) return
    this.detach()
    this.host = host
    host.textTracks.addEventListener('addtrack', this.onChange)
    host.textTracks.addEventListener('change', this.onChange)
    this.apply()
  }

  /** Stops following the element, leaving its cues where they are (a new load replaces them). */
  detach(): void {
    this.host?.textTracks.removeEventListener('addtrack', this.onChange)
    this.host?.textTracks.removeEventListener('change', this.onChange)
    for (const track of this.listened) track.removeEventListener('cuechange', this.onChange)
    this.listened.clear()
    this.host = undefined
  }

  /** The overlay is shown (true) or hidden (false). */
  setLifted(lifted: boolean): void {
    if (lifted === this.lifted) return
    this.lifted = lifted
    this.apply()
  }

  private apply(): void {
    const tracks = this.host?.textTracks
    if (!tracks) return
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i]
      if (!track) continue
      if (!this.listened.has(track)) {
        track.addEventListener('cuechange', this.onChange)
        this.listened.add(track)
      }
      if (track.mode === 'showing') this.place(track)
    }
  }

  private place(track: TextTrack): void {
    // Copies: the lists are live, and redrawing a cue below takes it out and puts it back.
    const cues = Array.from(track.cues ?? [])
    const onScreen = new Set(Array.from(track.activeCues ?? []))
    for (const cue of cues) {
      if (!isPlaced(cue)) continue
      let original = this.originals.get(cue)
      if (!original) {
        original = { line: cue.line, snapToLines: cue.snapToLines }
        this.originals.set(cue, original)
      }
      const next = cuePlacement(original, this.lifted)
      if (cue.snapToLines === next.snapToLines && cue.line === next.line) continue
      cue.snapToLines = next.snapToLines
      cue.line = next.line
      // Chromium keeps drawing a cue on screen where it was: taking it out and back in redraws it
      // at once (and fires cuechange, which finds nothing left to change).
      if (onScreen.has(cue)) {
        track.removeCue(cue)
        track.addCue(cue)
      }
    }
  }
}
