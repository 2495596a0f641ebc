import { SubtitleLift, type CueHost } from '../../../src/player/SubtitleLift'
import { LIFTED_CUE_LINE } from '../../../src/player/subtitlePlacement'

/** Just enough of VTTCue, TextTrack and TextTrackList: jsdom has no text tracks. */
interface FakeCue {
  line: number | 'auto'
  snapToLines: boolean
}

class FakeTrack extends EventTarget {
  /** Cues taken out and put back, in order. */
  readonly redrawn: FakeCue[] = []

  constructor(
    public mode: TextTrackMode,
    public readonly list: FakeCue[],
    public readonly onScreen: FakeCue[] = [],
  ) {
    super()
  }
  get cues(): TextTrackCueList {
    return cueList(this.list)
  }
  get activeCues(): TextTrackCueList {
    return cueList(this.onScreen)
  }
  removeCue(cue: FakeCue): void {
    this.list.splice(this.list.indexOf(cue), 1)
  }
  addCue(cue: FakeCue): void {
    this.list.push(cue)
    this.redrawn.push(cue)
  }
}

const cueList = (cues: FakeCue[]) =>
  Object.assign([...cues], { getCueById: () => null }) as unknown as TextTrackCueList

/** A <video> stand-in whose text track list can grow, as Shaka adds a track per language. */
function fakeVideo(...initial: FakeTrack[]): { host: CueHost; add(track: FakeTrack): void } {
  const list = Object.assign(new EventTarget(), { length: 0 }) as EventTarget &
    Record<number, FakeTrack> & { length: number }
  const add = (track: FakeTrack) => {
    list[list.length] = track
    list.length++
  }
  initial.forEach(add)
  return { host: { textTracks: list as unknown as TextTrackList }, add }
}

const cue = (): FakeCue => ({ line: 'auto', snapToLines: true })

describe('SubtitleLift', () => {
  test('moves the showing track’s cues up with the overlay and gives them back after', () => {
    const shown = [cue(), cue()]
    const hidden = [cue()]
    const { host } = fakeVideo(new FakeTrack('showing', shown), new FakeTrack('disabled', hidden))
    const lift = new SubtitleLift()
    lift.attach(host)
    lift.setLifted(true)
    expect(shown.map((c) => c.line)).toEqual([LIFTED_CUE_LINE, LIFTED_CUE_LINE])
    expect(hidden[0]!.line).toBe('auto')
    lift.setLifted(false)
    expect(shown.map((c) => [c.line, c.snapToLines])).toEqual([
      ['auto', true],
      ['auto', true],
    ])
  })

  test('cues and tracks that arrive while the overlay shows are lifted too', () => {
    const first = new FakeTrack('showing', [])
    const video = fakeVideo(first)
    const lift = new SubtitleLift()
    lift.attach(video.host)
    lift.setLifted(true)
    first.list.push(cue())
    first.dispatchEvent(new Event('cuechange'))
    expect(first.list[0]!.line).toBe(LIFTED_CUE_LINE)

    const later = new FakeTrack('showing', [cue()])
    video.add(later)
    video.host.textTracks.dispatchEvent(new Event('addtrack'))
    expect(later.list[0]!.line).toBe(LIFTED_CUE_LINE)
  })

  test('a cue on screen is taken out and put back, so the engine redraws it where it now goes', () => {
    const [shown, later] = [cue(), cue()]
    const track = new FakeTrack('showing', [shown, later], [shown])
    const lift = new SubtitleLift()
    lift.attach(fakeVideo(track).host)
    lift.setLifted(true)
    lift.setLifted(false)
    expect(track.redrawn).toEqual([shown, shown])
    expect(track.list).toHaveLength(2)
  })

  test('after detach, nothing moves any more', () => {
    const track = new FakeTrack('showing', [cue()])
    const { host } = fakeVideo(track)
    const lift = new SubtitleLift()
    lift.attach(host)
    lift.detach()
    lift.setLifted(true)
    track.list.push(cue())
    track.dispatchEvent(new Event('cuechange'))
    expect(track.list.map((c) => c.line)).toEqual(['auto', 'auto'])
  })
})
