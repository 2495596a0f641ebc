// Sample DASH + HLS streams made with ffmpeg from synthetic sources, so the app plays real
// adaptive video offline. One encode feeds both formats: ffmpeg's DASH muxer writes fMP4
// segments plus HLS media playlists over the same files; we then rewrite the MPD and the HLS
// master to signal languages, labels and subtitles, which ffmpeg 5.1 leaves out.
// Plus a progressive MP4 file with sidecar subtitle files (SRT, WebVTT), as feeds such as Roku
// Direct Publisher and MRSS carry video.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** Bump when the output layout or encoding changes, so old outputs get regenerated. */
export const STREAMS_VERSION = 'streams-1'

export const FFMPEG_MISSING =
  'ffmpeg not found: install it (Debian/Ubuntu: sudo apt-get install ffmpeg)'

export const SAMPLE_CONTENTS = [
  { id: 'demo-a', durationSeconds: 60, label: 'film', picture: 'bars' },
  { id: 'demo-b', durationSeconds: 40, label: 'episode', picture: 'hue' },
  // Proves accessibility, not ABR: two renditions keep its encode cheap (about 40% of three).
  {
    id: 'demo-c',
    durationSeconds: 40,
    label: 'accessibility',
    picture: 'bars',
    renditions: [
      { width: 426, height: 240, kbps: 300 },
      { width: 854, height: 480, kbps: 900 },
    ],
    audioDescription: true,
    subtitleFormat: 'ttml',
  },
]

/**
 * Progressive files: one H.264 + AAC MP4 (moov first, so playback starts before the file is
 * all there) and a subtitle file per language next to it, in the formats feeds carry.
 */
export const PROGRESSIVE_CONTENTS = [
  {
    id: 'demo-mp4',
    // Long enough to resume (past 10 s, 15 s before the end: src/state/progress.ts).
    durationSeconds: 30,
    label: 'MP4',
    sidecars: [
      { lang: 'fr', format: 'srt', cue: 'Sous-titre FR' },
      { lang: 'nl', format: 'vtt', cue: 'Ondertitel NL' },
    ],
  },
]

/** File names inside a progressive content's folder. */
export const progressiveFiles = ({ sidecars }) => ({
  video: 'video.mp4',
  subtitles: sidecars.map((s) => ({ ...s, file: `subs-${s.lang}.${s.format}` })),
})

const RENDITIONS = [
  { width: 426, height: 240, kbps: 300 },
  { width: 854, height: 480, kbps: 900 },
  { width: 1280, height: 720, kbps: 2000 },
]

// Distinct tones per language so a listener (or a waveform) tells the tracks apart.
const FRENCH_TONE = 'sine=frequency=440:beep_factor=2'
const AUDIO = [
  { id: 'fr', lang: 'fr', iso3: 'fra', name: 'Français', tone: FRENCH_TONE },
  {
    id: 'nl',
    lang: 'nl',
    iso3: 'nld',
    name: 'Nederlands',
    tone: 'sine=frequency=330:beep_factor=4',
  },
]

// Audio description: the French mix with a "narrator" over it, a low tone that speaks in bursts
// (2 s out of every 4, warbling at 3 Hz) so it is heard apart from the programme sound.
const DESCRIPTION = {
  id: 'fr-ad',
  lang: 'fr',
  iso3: 'fra',
  name: 'Français (audiodescription)',
  tone: FRENCH_TONE,
  narration: '0.35*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*3*t))*lt(mod(t,4),2)',
  description: true,
}

const audioTracks = ({ audioDescription }) => (audioDescription ? [...AUDIO, DESCRIPTION] : AUDIO)

const SUBTITLES = [
  { lang: 'fr', name: 'Français', cue: 'Sous-titre FR' },
  { lang: 'nl', name: 'Nederlands', cue: 'Ondertitel NL' },
]

const FPS = 25
const FONT_DIR = '/usr/share/fonts/truetype/dejavu'
const MARKER = '.stream.json'

export async function hasFfmpeg() {
  try {
    await run('ffmpeg', ['-hide_banner', '-version'])
    return true
  } catch {
    return false
  }
}

/** Generates every sample content under outDir/<id>/. */
export async function generateStreams({ outDir, force = false, log = () => {} }) {
  if (!(await hasFfmpeg())) throw new Error(FFMPEG_MISSING)
  const results = []
  for (const content of SAMPLE_CONTENTS) {
    results.push(await generateStream({ ...content, outDir, force, log }))
  }
  for (const content of PROGRESSIVE_CONTENTS) {
    results.push(await generateProgressive({ ...content, outDir, force, log }))
  }
  return results
}

/**
 * Writes outDir/<id>/manifest.mpd and master.m3u8. Skips when the marker matches these
 * parameters. Output is built in a sibling temp folder and renamed in, so an interrupted run
 * never leaves a half stream that looks complete.
 */
export async function generateStream({
  id,
  durationSeconds,
  outDir,
  label = 'sample',
  picture = 'bars',
  segmentSeconds = 2,
  renditions = RENDITIONS,
  audioDescription = undefined,
  subtitleFormat = undefined,
  force = false,
  log = () => {},
}) {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`invalid stream id "${id}"`)
  const params = {
    version: STREAMS_VERSION,
    id,
    durationSeconds,
    segmentSeconds,
    picture,
    renditions,
    // Only set for contents that have them: JSON leaves undefined out, so markers written before
    // these options existed still match and demo-a/demo-b are not encoded again.
    audioDescription,
    subtitleFormat,
  }
  const dir = path.join(outDir, id)
  const complete = ['manifest.mpd', 'master.m3u8']
  if (!force && (await markerMatches(dir, params, complete)))
    return { id, dir, skipped: true, seconds: 0 }

  const started = Date.now()
  await buildInto(outDir, id, params, complete, async (tmp) => {
    const opts = {
      id,
      durationSeconds,
      label,
      picture,
      segmentSeconds,
      renditions,
      audio: audioTracks({ audioDescription }),
      subtitleFormat: subtitleFormat ?? 'webvtt',
    }
    await run('ffmpeg', ffmpegArgs(opts), { cwd: tmp })
    await writeSubtitles(tmp, opts)
    await rewriteDash(tmp, opts)
    await rewriteHls(tmp, opts)
  })
  const seconds = (Date.now() - started) / 1000
  log(`stream ${id}: ${durationSeconds}s generated in ${seconds.toFixed(1)}s`)
  return { id, dir, skipped: false, seconds }
}

/**
 * Writes outDir/<id>/video.mp4 and its sidecar subtitle files, skipped when the marker matches,
 * built aside and renamed in like the adaptive streams.
 */
export async function generateProgressive({
  id,
  durationSeconds,
  outDir,
  label = 'MP4',
  sidecars = [],
  force = false,
  log = () => {},
}) {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`invalid stream id "${id}"`)
  const params = { version: STREAMS_VERSION, kind: 'progressive', id, durationSeconds, sidecars }
  const files = progressiveFiles({ sidecars })
  const dir = path.join(outDir, id)
  const complete = [files.video, ...files.subtitles.map((s) => s.file)]
  if (!force && (await markerMatches(dir, params, complete)))
    return { id, dir, skipped: true, seconds: 0 }

  const started = Date.now()
  await buildInto(outDir, id, params, complete, async (tmp) => {
    await run('ffmpeg', progressiveArgs({ id, durationSeconds, label, output: files.video }), {
      cwd: tmp,
    })
    for (const sub of files.subtitles) {
      await writeFile(path.join(tmp, sub.file), sidecarText(sub, id, durationSeconds))
    }
  })
  const seconds = (Date.now() - started) / 1000
  log(`stream ${id}: ${durationSeconds}s progressive MP4 generated in ${seconds.toFixed(1)}s`)
  return { id, dir, skipped: false, seconds }
}

/**
 * Runs `build(tmp)` in a sibling temp folder, writes the marker and renames it to outDir/<id>, so
 * an interrupted run never leaves a half stream that looks complete.
 */
async function buildInto(outDir, id, params, complete, build) {
  const dir = path.join(outDir, id)
  const tmp = path.join(outDir, `.tmp-${id}-${process.pid}`)
  await rm(tmp, { recursive: true, force: true })
  await mkdir(tmp, { recursive: true })
  try {
    await build(tmp)
    await writeFile(path.join(tmp, MARKER), JSON.stringify(params, null, 2) + '\n')
    await rm(dir, { recursive: true, force: true })
    try {
      await rename(tmp, dir)
    } catch (error) {
      // Another run (npm start and npm test side by side) got there first with the same stream.
      if (!(await markerMatches(dir, params, complete))) throw error
      await rm(tmp, { recursive: true, force: true })
    }
  } catch (error) {
    await rm(tmp, { recursive: true, force: true })
    throw error
  }
}

async function markerMatches(dir, params, complete) {
  try {
    const marker = JSON.parse(await readFile(path.join(dir, MARKER), 'utf8'))
    const present = complete.every((file) => existsSync(path.join(dir, file)))
    return present && JSON.stringify(marker) === JSON.stringify(params)
  } catch {
    return false
  }
}

// Burned-in labels are ours; dropping filtergraph/drawtext metacharacters beats escaping them
// through three parsing levels.
const filterText = (text) => text.replace(/[\\':,;[\]%{}]/g, '')

function pictureSource({ picture, durationSeconds }) {
  const base = `testsrc2=s=1280x720:r=${FPS}:d=${durationSeconds}`
  // A rotating hue makes the second content recognisable at a glance in screenshots.
  return picture === 'hue' ? `${base},hue=H=2*PI*t/20:s=1.2` : base
}

function ffmpegArgs({ id, durationSeconds, label, picture, segmentSeconds, renditions, audio }) {
  const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`
  const mono = `${FONT_DIR}/DejaVuSansMono-Bold.ttf`
  const box = 'fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=14'
  // Id and running timecode are burned in before the split, so every rendition proves which
  // stream and which instant is on screen; the height label is added per rendition for ABR.
  const video = [
    pictureSource({ picture, durationSeconds }),
    `drawtext=fontfile=${bold}:text='${filterText(`${id} · ${label}`)}':x=48:y=56:fontsize=52:${box}`,
    `drawtext=fontfile=${mono}:text='%{pts\\:hms}':x=48:y=150:fontsize=56:${box}`,
    `split=${renditions.length}${renditions.map((_, i) => `[s${i}]`).join('')}`,
  ].join(',')
  const branches = renditions.map(
    (r, i) =>
      `[s${i}]scale=${r.width}:${r.height},drawtext=fontfile=${bold}:text='${r.height}p'` +
      `:x=w-tw-24:y=24:fontsize=${Math.round(r.height / 16)}:${box}[v${i}]`,
  )
  const sounds = audio.map((a, i) => audioSource(a, `a${i}`, durationSeconds))
  const graph = [video, ...branches, ...sounds].join(';')

  // Keyframes exactly on segment boundaries: fixed GOP, no scene-cut keyframes.
  const gop = String(segmentSeconds * FPS)
  const args = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-filter_complex', graph]
  renditions.forEach((_, i) => args.push('-map', `[v${i}]`))
  audio.forEach((_, i) => args.push('-map', `[a${i}]`))
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p')
  args.push('-r', String(FPS), '-g', gop, '-keyint_min', gop, '-sc_threshold', '0')
  renditions.forEach((r, i) => {
    args.push(`-b:v:${i}`, `${r.kbps}k`, `-maxrate:v:${i}`, `${Math.round(r.kbps * 1.2)}k`)
    args.push(`-bufsize:v:${i}`, `${r.kbps * 2}k`)
  })
  args.push('-c:a', 'aac', '-b:a', '96k', '-ac', '2')
  audio.forEach((a, i) => args.push(`-metadata:s:a:${i}`, `language=${a.iso3}`))
  const n = renditions.length
  const sets = [`id=0,streams=v`, ...audio.map((_, i) => `id=${i + 1},streams=${n + i}`)]
  args.push(
    '-f',
    'dash',
    '-seg_duration',
    String(segmentSeconds),
    '-use_template',
    '1',
    '-use_timeline',
    '1',
  )
  args.push('-adaptation_sets', sets.join(' '))
  args.push('-init_seg_name', 'init-$RepresentationID$.m4s')
  args.push('-media_seg_name', 'seg-$RepresentationID$-$Number%05d$.m4s')
  args.push('-hls_playlist', '1', '-hls_master_name', 'ffmpeg-master.m3u8', 'manifest.mpd')
  return args
}

/**
 * The progressive sample: testsrc2 in negative, so it is told from the adaptive samples at a
 * glance, with a large "MP4" label, the id and a running timecode; one French-tone AAC track.
 */
function progressiveArgs({ id, durationSeconds, label, output }) {
  const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`
  const mono = `${FONT_DIR}/DejaVuSansMono-Bold.ttf`
  const box = 'fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=14'
  const video = [
    `testsrc2=s=854x480:r=${FPS}:d=${durationSeconds}`,
    'negate',
    `drawtext=fontfile=${bold}:text='${filterText(label)}':x=(w-tw)/2:y=(h-th)/2:fontsize=160:${box}`,
    `drawtext=fontfile=${bold}:text='${filterText(id)}':x=32:y=32:fontsize=36:${box}`,
    `drawtext=fontfile=${mono}:text='%{pts\\:hms}':x=32:y=100:fontsize=40:${box}`,
  ].join(',')
  const audio = `${FRENCH_TONE}:sample_rate=48000:duration=${durationSeconds}`
  const gop = String(2 * FPS)
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-filter_complex', `${video}[v];${audio}[a]`, '-map', '[v]', '-map', '[a]'],
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p'],
    ...['-r', String(FPS), '-g', gop, '-b:v', '700k', '-maxrate', '900k', '-bufsize', '1400k'],
    ...['-c:a', 'aac', '-b:a', '96k', '-ac', '2', '-metadata:s:a:0', 'language=fra'],
    ...['-movflags', '+faststart', output],
  ]
}

/** Back-to-back cues of 4 s from 0 to the end, so one shows at any time. */
const coveringCues = (durationSeconds) =>
  Array.from({ length: Math.ceil(durationSeconds / 4) }, (_, i) => ({
    start: i * 4,
    end: Math.min(durationSeconds, i * 4 + 4),
  }))

/** A sidecar file: SRT or WebVTT, each cue naming its language and the time it starts at. */
function sidecarText(sub, id, durationSeconds) {
  const cues = coveringCues(durationSeconds)
  if (sub.format === 'srt') {
    const srtTime = (s) => timestamp(s).replace('.', ',')
    return cues
      .map(
        (c, i) =>
          `${i + 1}\n${srtTime(c.start)} --> ${srtTime(c.end)}\n${sub.cue} ${mmss(c.start)}\n${id}\n`,
      )
      .join('\n')
  }
  if (sub.format === 'vtt') {
    const body = cues.map(
      (c) => `${timestamp(c.start)} --> ${timestamp(c.end)}\n${sub.cue} ${mmss(c.start)}\n${id}\n`,
    )
    return ['WEBVTT', '', ...body].join('\n')
  }
  throw new Error(`no sidecar writer for ${sub.format}`)
}

/** One audio track's filter chain, ending in the [label] pad; a narration is mixed over its tone. */
function audioSource(a, label, durationSeconds) {
  const tone = `${a.tone}:sample_rate=48000:duration=${durationSeconds}`
  if (!a.narration) return `${tone}[${label}]`
  const voice = `aevalsrc='${a.narration}':s=48000:d=${durationSeconds}`
  return `${tone}[${label}m];${voice}[${label}n];[${label}m][${label}n]amix=inputs=2:normalize=0[${label}]`
}

const timestamp = (s) => {
  const hh = String(Math.floor(s / 3600)).padStart(2, '0')
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = (s % 60).toFixed(3).padStart(6, '0')
  return `${hh}:${mm}:${ss}`
}
const mmss = (s) =>
  `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`

/** Cue times: one every 4 s, shown for 3 s. */
const cueStarts = (durationSeconds) =>
  Array.from({ length: Math.floor((durationSeconds - 3) / 4) + 1 }, (_, i) => i * 4)

/**
 * Per language a WebVTT file (with the single-segment playlist HLS needs) and, for TTML contents,
 * a TTML file whose cues say "TTML", so a test tells which format is on screen. Each cue names the
 * language and the time it should appear at.
 */
async function writeSubtitles(dir, { id, durationSeconds, subtitleFormat }) {
  for (const sub of SUBTITLES) {
    const cues = ['WEBVTT', '']
    for (const t of cueStarts(durationSeconds)) {
      cues.push(`${timestamp(t)} --> ${timestamp(t + 3)}`, `${sub.cue} ${mmss(t)}`, id, '')
    }
    await writeFile(path.join(dir, `subs-${sub.lang}.vtt`), cues.join('\n'))
    if (subtitleFormat === 'ttml') {
      await writeFile(path.join(dir, `subs-${sub.lang}.ttml`), ttml(sub, id, durationSeconds))
    }
    const playlist = [
      '#EXTM3U',
      '#EXT-X-VERSION:6',
      `#EXT-X-TARGETDURATION:${Math.ceil(durationSeconds)}`,
      '#EXT-X-MEDIA-SEQUENCE:0',
      '#EXT-X-PLAYLIST-TYPE:VOD',
      `#EXTINF:${durationSeconds.toFixed(3)},`,
      `subs-${sub.lang}.vtt`,
      '#EXT-X-ENDLIST',
      '',
    ]
    await writeFile(path.join(dir, `subs-${sub.lang}.m3u8`), playlist.join('\n'))
  }
}

/** A sidecar TTML document in the IMSC1 text profile, as DASH carries it for Shaka. */
function ttml(sub, id, durationSeconds) {
  const paragraphs = cueStarts(durationSeconds).map(
    (t) =>
      `      <p begin="${timestamp(t)}" end="${timestamp(t + 3)}">` +
      `${xml(`${sub.cue} TTML ${mmss(t)}`)}<br/>${xml(id)}</p>`,
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"',
    '    xmlns:tts="http://www.w3.org/ns/ttml#styling"',
    `    ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" xml:lang="${sub.lang}">`,
    '  <head>',
    '    <styling>',
    '      <style xml:id="cue" tts:color="#ffffff" tts:backgroundColor="#000000c0"',
    '          tts:textAlign="center"/>',
    '    </styling>',
    '  </head>',
    '  <body style="cue">',
    '    <div>',
    ...paragraphs,
    '    </div>',
    '  </body>',
    '</tt>',
    '',
  ].join('\n')
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

/**
 * ffmpeg writes ISO 639-2 codes, no labels or roles, and knows nothing of side-loaded subtitles.
 * The edits are anchored on attributes ffmpeg 5.1 always writes; a missing anchor fails loudly.
 */
async function rewriteDash(dir, { renditions, audio, subtitleFormat }) {
  const file = path.join(dir, 'manifest.mpd')
  let mpd = await readFile(file, 'utf8')
  const replaceOnce = (pattern, replacement) => {
    if (!pattern.test(mpd)) throw new Error(`unexpected ffmpeg MPD: no match for ${pattern}`)
    mpd = mpd.replace(pattern, replacement)
  }
  mpd = mpd.replace(/\s*<ProgramInformation>\s*<\/ProgramInformation>/, '')
  mpd = mpd.replace(/\s*<ServiceDescription[^>]*>\s*<\/ServiceDescription>/, '')
  // Renditions have different SPS, so they are not bitstream-switchable as ffmpeg claims.
  replaceOnce(/(contentType="video"[^>]*?) bitstreamSwitching="true"/, '$1')
  audio.forEach((a, i) => {
    const role = a.description ? 'description' : i === 0 ? 'main' : 'dub'
    // Audio description is signalled twice, as players read one or the other: the DASH role
    // (DASH-IF IOP) and DVB's audio purpose 1, "for the visually impaired".
    const purpose = a.description
      ? `\n\t\t\t<Accessibility schemeIdUri="urn:tva:metadata:cs:AudioPurposeCS:2007" value="1" />`
      : ''
    replaceOnce(
      new RegExp(`(<AdaptationSet id="${i + 1}" contentType="audio"[^>]*?) lang="${a.iso3}">`),
      `$1 lang="${a.lang}">\n\t\t\t<Label>${xml(a.name)}</Label>` +
        `\n\t\t\t<Role schemeIdUri="urn:mpeg:dash:role:2011" value="${role}" />${purpose}`,
    )
  })
  // TTML goes as a sidecar document (one "segment" per language), as WebVTT does.
  const [mime, ext] =
    subtitleFormat === 'ttml' ? ['application/ttml+xml', 'ttml'] : ['text/vtt', 'vtt']
  const text = SUBTITLES.map(
    (s, i) =>
      `\t\t<AdaptationSet id="${audio.length + 1 + i}" contentType="text" mimeType="${mime}" lang="${s.lang}">\n` +
      `\t\t\t<Label>${xml(s.name)}</Label>\n` +
      `\t\t\t<Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle" />\n` +
      `\t\t\t<Representation id="subs-${s.lang}" bandwidth="256">\n` +
      `\t\t\t\t<BaseURL>subs-${s.lang}.${ext}</BaseURL>\n` +
      `\t\t\t</Representation>\n\t\t</AdaptationSet>\n`,
  ).join('')
  replaceOnce(/(\s*)<\/Period>/, `\n${text}\t</Period>`)
  if ((mpd.match(/contentType="video"/g) ?? []).length !== 1 || !renditions.length) {
    throw new Error('unexpected ffmpeg MPD: expected one video AdaptationSet')
  }
  await writeFile(file, mpd)
}

/** Parses an ffmpeg media playlist into segments, dropping its wall-clock PROGRAM-DATE-TIME. */
function parseMediaPlaylist(text) {
  const segments = []
  let duration = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('#EXTINF:')) duration = parseFloat(line.slice(8))
    else if (line && !line.startsWith('#')) segments.push({ uri: line, duration })
  }
  return segments
}

async function measure(dir, segments) {
  let bits = 0
  let peak = 0
  let total = 0
  for (const s of segments) {
    const size = (await stat(path.join(dir, s.uri))).size * 8
    bits += size
    total += s.duration
    if (s.duration > 0.5) peak = Math.max(peak, size / s.duration)
  }
  return { peak: Math.round(peak), average: Math.round(bits / total) }
}

/**
 * Renames ffmpeg's media playlists, makes them deterministic VOD playlists, and writes a master
 * with languages, names, subtitles and bandwidths measured from the segments actually written.
 */
async function rewriteHls(dir, { renditions, audio: audioList }) {
  const mpd = await readFile(path.join(dir, 'manifest.mpd'), 'utf8')
  const codecs = [...mpd.matchAll(/<Representation id="(\d+)"[^>]*? codecs="([^"]+)"/g)]
  const codecOf = (index) => codecs.find((m) => m[1] === String(index))?.[2]
  const tracks = [
    ...renditions.map((r, i) => ({ index: i, name: `video-${r.height}p.m3u8`, r })),
    ...audioList.map((a, i) => ({ index: renditions.length + i, name: `audio-${a.id}.m3u8`, a })),
  ]
  for (const t of tracks) {
    const source = path.join(dir, `media_${t.index}.m3u8`)
    const text = await readFile(source, 'utf8')
    const kept = text
      .split('\n')
      .filter((line) => !line.startsWith('#EXT-X-PROGRAM-DATE-TIME'))
      .join('\n')
      .replace('#EXT-X-MEDIA-SEQUENCE', '#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MEDIA-SEQUENCE')
    t.stats = await measure(dir, parseMediaPlaylist(kept))
    t.codec = codecOf(t.index)
    if (!t.codec) throw new Error(`unexpected ffmpeg MPD: no codecs for representation ${t.index}`)
    await writeFile(path.join(dir, t.name), kept)
    await rm(source)
  }
  await rm(path.join(dir, 'ffmpeg-master.m3u8'), { force: true })

  const audio = tracks.filter((t) => t.a)
  const audioPeak = Math.max(...audio.map((t) => t.stats.peak))
  const audioAverage = Math.max(...audio.map((t) => t.stats.average))
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS', '']
  audio.forEach((t, i) => {
    // HLS's way to mark audio description (RFC 8216 section 4.3.4.1 and Apple's authoring spec).
    const described = t.a.description
      ? 'CHARACTERISTICS="public.accessibility.describes-video",'
      : ''
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",LANGUAGE="${t.a.lang}",NAME="${t.a.name}",` +
        `DEFAULT=${i === 0 ? 'YES' : 'NO'},AUTOSELECT=YES,${described}CHANNELS="2",URI="${t.name}"`,
    )
  })
  // Subtitles stay WebVTT in HLS even for TTML contents: HLS only carries TTML as IMSC1 inside
  // fragmented MP4 (stpp), which ffmpeg 5.1 does not segment for HLS; a bare .ttml file in a
  // subtitle playlist would play in Shaka but is not valid HLS for any other player.
  for (const s of SUBTITLES) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",LANGUAGE="${s.lang}",NAME="${s.name}",` +
        `DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="subs-${s.lang}.m3u8"`,
    )
  }
  lines.push('')
  for (const t of tracks.filter((x) => x.r)) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${t.stats.peak + audioPeak},` +
        `AVERAGE-BANDWIDTH=${t.stats.average + audioAverage},RESOLUTION=${t.r.width}x${t.r.height},` +
        `FRAME-RATE=${FPS.toFixed(3)},CODECS="${t.codec},${audio[0].codec}",AUDIO="audio",SUBTITLES="subs"`,
      t.name,
    )
  }
  await writeFile(path.join(dir, 'master.m3u8'), lines.join('\n') + '\n')
}

/** Runs a command without a shell; rejects with its stderr tail so ffmpeg errors are readable. */
function run(command, args, { cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000)
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))
    })
  })
}
