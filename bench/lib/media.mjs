// The media folder the benchmark serves: a view of the project's media/ (a symlink per entry) in
// bench/.work, with a bench/ folder of its own for the long-film manifest, so a bench never writes
// into media/ (an end-to-end run may be using it at the same time).
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'

const OWN = new Set(['bench'])

/** Creates `<workDir>/media` mirroring `<root>/media`; returns its path. */
export async function mediaView({ root, workDir }) {
  const dir = path.join(workDir, 'media')
  await rm(dir, { recursive: true, force: true })
  await mkdir(path.join(dir, 'bench'), { recursive: true })
  for (const name of await readdir(path.join(root, 'media')).catch(() => [])) {
    if (!OWN.has(name)) await symlink(path.resolve(root, 'media', name), path.join(dir, name))
  }
  return dir
}

/**
 * A DASH manifest that plays a sample stream as many times in a row as it takes to last at least
 * `minSeconds`, one Period per repeat, each Period the original one referring to the same
 * segments: a long film in one player session, without encoding anything. Written to
 * `<mediaDir>/bench/`; returns its URL relative to the app (what a catalogue's `stream.dash`
 * takes) and its length.
 * @param {{ mediaDir: string, manifest: string, minSeconds: number }} options
 *   manifest: the app-relative URL of the original, e.g. media/streams/demo-a/manifest.mpd
 */
export async function longFilmManifest({ mediaDir, manifest, minSeconds }) {
  const relative = manifest.replace(/^media\//, '')
  const xml = await readFile(path.join(mediaDir, relative), 'utf8')
  const period = /<Period\b[^>]*>[\s\S]*<\/Period>/.exec(xml)?.[0]
  const total = /mediaPresentationDuration="PT(?:(\d+)M)?([\d.]+)S"/.exec(xml)
  if (!period || !total)
    throw new Error(`${manifest}: expected one Period and a mediaPresentationDuration`)
  const seconds = Number(total[1] ?? 0) * 60 + Number(total[2])
  const repeats = Math.max(1, Math.ceil(minSeconds / seconds))
  const periods = Array.from({ length: repeats }, (_, i) =>
    period.replace(
      /<Period\b[^>]*>/,
      `<Period id="p${i}" start="PT${(i * seconds).toFixed(1)}S" duration="PT${seconds.toFixed(1)}S">`,
    ),
  ).join('\n')
  // Segments stay where they are: the BaseURL points back at the original's folder.
  const baseUrl = `../${path.posix.dirname(relative)}/`
  const long = xml
    .replace(period, `<BaseURL>${baseUrl}</BaseURL>\n${periods}`)
    .replace(
      /mediaPresentationDuration="[^"]*"/,
      `mediaPresentationDuration="PT${(repeats * seconds).toFixed(1)}S"`,
    )
  const name = `long-${repeats}x-${path.posix.basename(path.posix.dirname(relative))}.mpd`
  await writeFile(path.join(mediaDir, 'bench', name), long)
  return { url: `media/bench/${name}`, seconds: repeats * seconds }
}
