import type { Stream } from '../catalogue/schema'

/** The manifest URL to play: the configured format when the title has it, else the other one. */
export function chooseManifest(stream: Stream, preferred: 'dash' | 'hls'): string | undefined {
  const other = preferred === 'dash' ? 'hls' : 'dash'
  return stream[preferred] ?? stream[other]
}
