// The long film as ONE Period, the counterpart of media.mjs longFilmManifest (one Period per
// repeat): the same sample, the same renditions and segment length, repeated by ffmpeg without
// re-encoding (-stream_loop, -c copy) and packaged again with its DASH muxer. Comparing the two
// tells what multi-Period playback costs. Written under the bench's own media folder, never into
// media/; made again only when the sample or the length changed (a marker file says what it is).
import { spawn } from 'node:child_process'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

const MARKER = '.film.json'

function ffmpeg(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk) => {
      errors = (errors + chunk).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg failed (exit ${code}): ${errors}`)),
    )
  })
}

/** Representations of the sample's manifest, in order: { id, kind: 'video'|'audio' }. */
export function representations(xml) {
  const out = []
  const sets = xml.matchAll(
    /<AdaptationSet\b[^>]*contentType="(video|audio)"[^>]*>([\s\S]*?)<\/AdaptationSet>/g,
  )
  for (const [, kind, body] of sets) {
    for (const [, id] of body.matchAll(/<Representation\b[^>]*\bid="([^"]+)"/g))
      out.push({ id, kind })
  }
  return out
}

/**
 * The sample's audio AdaptationSets carry language, label and role (written by the project's
 * stream script); ffmpeg's muxer writes lang="und" from a -c copy. Each of ours takes the opening
 * tag, Label, Role and Accessibility of the original set with the same id, so Shaka picks the same audio.
 */
export function restoreAudioSets(packaged, original) {
  const head = (xml, id) =>
    new RegExp(
      `<AdaptationSet\\b[^>]*\\bid="${id}"[^>]*contentType="audio"[^>]*>(?:\\s*<(?:Label|Role|Accessibility)\\b[^>]*(?:/>|>[^<]*</Label>))*`,
    ).exec(xml)?.[0]
  return packaged.replace(
    /<AdaptationSet\b[^>]*\bid="(\d+)"[^>]*contentType="audio"[^>]*>/g,
    (tag, id) => head(original, id) ?? tag,
  )
}

/** Concatenates a representation's init segment and media segments into one fragmented MP4. */
async function joinSegments(sampleDir, id, out) {
  const names = (await readdir(sampleDir))
    .filter((n) => n.startsWith(`seg-${id}-`) && n.endsWith('.m4s'))
    .sort()
  // A minute of the sample's best rendition is about 15 MB: read whole, written once.
  const parts = []
  for (const name of [`init-${id}.m4s`, ...names])
    parts.push(await readFile(path.join(sampleDir, name)))
  await writeFile(out, Buffer.concat(parts))
}

/**
 * Writes `<outDir>/single-<repeats>x-<sample>/manifest.mpd` and its segments: the sample played
 * `repeats` times in one Period. Returns that folder and the app-relative URL the film has once
 * the folder is in the served media's bench/ (media/bench/...).
 * @param {{ mediaDir: string, outDir?: string, manifest: string, repeats: number,
 *   log?: (line: string) => void }} options
 *   mediaDir: the served media folder the sample is in; outDir: default <mediaDir>/bench;
 *   manifest: the app-relative URL of the sample, e.g. media/streams/demo-a/manifest.mpd
 */
export async function singlePeriodFilm({
  mediaDir,
  outDir = path.join(mediaDir, 'bench'),
  manifest,
  repeats,
  log = () => {},
}) {
  const relative = manifest.replace(/^media\//, '')
  const sampleDir = path.join(mediaDir, path.dirname(relative))
  const original = await readFile(path.join(mediaDir, relative), 'utf8')
  const reps = representations(original)
  if (!reps.some((r) => r.kind === 'video')) throw new Error(`${manifest}: no video representation`)
  const name = `single-${repeats}x-${path.basename(sampleDir)}`
  const dir = path.join(outDir, name)
  const url = `media/bench/${name}/manifest.mpd`
  const sampleTime = (await stat(path.join(mediaDir, relative))).mtimeMs
  const marker = JSON.stringify({ manifest, repeats, sampleTime })
  if ((await readFile(path.join(dir, MARKER), 'utf8').catch(() => null)) === marker)
    return { url, dir }

  const started = Date.now()
  await rm(dir, { recursive: true, force: true })
  const joined = path.join(dir, 'joined')
  await mkdir(joined, { recursive: true })
  for (const r of reps) await joinSegments(sampleDir, r.id, path.join(joined, `${r.id}.mp4`))
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y']
  // -stream_loop N plays an input N more times; its timestamps keep counting across the loops.
  for (const r of reps) args.push('-stream_loop', String(repeats - 1), '-i', `joined/${r.id}.mp4`)
  reps.forEach((r, i) => args.push('-map', `${i}:${r.kind === 'video' ? 'v' : 'a'}`))
  const videoStreams = reps.map((r, i) => (r.kind === 'video' ? i : -1)).filter((i) => i >= 0)
  const audioStreams = reps.map((r, i) => (r.kind === 'audio' ? i : -1)).filter((i) => i >= 0)
  const sets = [
    `id=0,streams=${videoStreams.join(',')}`,
    ...audioStreams.map((s, i) => `id=${i + 1},streams=${s}`),
  ]
  args.push('-c', 'copy', '-f', 'dash', '-seg_duration', '2', '-use_template', '1')
  args.push('-use_timeline', '1', '-adaptation_sets', sets.join(' '))
  args.push('-init_seg_name', 'init-$RepresentationID$.m4s')
  args.push('-media_seg_name', 'seg-$RepresentationID$-$Number%05d$.m4s', 'manifest.mpd')
  await ffmpeg(args, dir)
  await rm(joined, { recursive: true, force: true })
  const packaged = await readFile(path.join(dir, 'manifest.mpd'), 'utf8')
  await writeFile(path.join(dir, 'manifest.mpd'), restoreAudioSets(packaged, original))
  await writeFile(path.join(dir, MARKER), marker)
  log(`single-Period film ${name}: packaged in ${((Date.now() - started) / 1000).toFixed(1)}s`)
  return { url, dir }
}
