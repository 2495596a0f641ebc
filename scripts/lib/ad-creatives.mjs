// Sample ad creatives for the embedded catalogue's ad-supported titles and the ad tests: short
// progressive MP4s with a large "PUB", the ad's name and a seconds-left counter, low resolution
// so the encode takes a few seconds. Idempotent (a marker file holds the parameters).
//
//   const made = await generateAdCreatives({ outDir: 'media/ads', log })
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const AD_CREATIVES_VERSION = 'ads-2'

/**
 * id -> seconds, label, background colour; `codec: 'mpeg4'` encodes the picture in MPEG-4 Part 2,
 * which browsers do not decode: an ad whose sound plays on a black screen, as an HEVC creative
 * labelled video/mp4 does on a box without that decoder (the ad tests only).
 */
export const AD_CREATIVES = Object.freeze([
  { id: 'pub-frites', seconds: 7, label: 'Friterie du Coin', colour: '0x7a3b00' },
  { id: 'pub-velo', seconds: 6, label: 'Velo Bruxelles', colour: '0x004a5a' },
  { id: 'pub-chocolat', seconds: 8, label: 'Chocolaterie Liegeoise', colour: '0x3d1f10' },
  { id: 'pub-sans-image', seconds: 5, label: 'Sans image', colour: '0x303030', codec: 'mpeg4' },
])

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
const MARKER = '.ad-creative.json'

const text = (value) => value.replace(/[\\':,;[\]%{}]/g, '')

function ffmpegArgs({ seconds, label, colour, codec }, output) {
  const box = 'fontcolor=white:box=1:boxcolor=black@0.5:boxborderw=10'
  const video = [
    `color=c=${colour}:s=640x360:r=25:d=${seconds}`,
    `drawtext=fontfile=${FONT}:text='PUB':x=(w-tw)/2:y=90:fontsize=120:${box}`,
    `drawtext=fontfile=${FONT}:text='${text(label)}':x=(w-tw)/2:y=230:fontsize=30:${box}`,
    // Seconds left, counting down to 1 (so a screenshot tells where in the ad it was taken).
    `drawtext=fontfile=${FONT}:text='%{eif\\:${seconds}-t\\:d}':x=w-tw-24:y=24:fontsize=40:${box}`,
  ].join(',')
  return [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-filter_complex', `${video}[v];sine=frequency=660:duration=${seconds}[a]`],
    ...['-map', '[v]', '-map', '[a]'],
    ...(codec === 'mpeg4'
      ? ['-c:v', 'mpeg4', '-pix_fmt', 'yuv420p']
      : ['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p']),
    ...['-g', '50', '-b:v', '300k', '-c:a', 'aac', '-b:a', '64k', '-ac', '2'],
    ...['-movflags', '+faststart', output],
  ]
}

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}: ${stderr.slice(-400)}`)),
    )
  })
}

/** Encodes what is missing or out of date; returns the ids encoded. */
export async function generateAdCreatives({ outDir, force = false, log = () => {} }) {
  await mkdir(outDir, { recursive: true })
  const made = []
  for (const creative of AD_CREATIVES) {
    const file = path.join(outDir, `${creative.id}.mp4`)
    const marker = path.join(outDir, `${creative.id}${MARKER}`)
    const params = JSON.stringify({ version: AD_CREATIVES_VERSION, ...creative })
    if (!force && existsSync(file)) {
      const previous = await readFile(marker, 'utf8').catch(() => '')
      if (previous === params) continue
    }
    const started = Date.now()
    const tmp = path.join(outDir, `.tmp-${creative.id}-${process.pid}.mp4`)
    try {
      await run(ffmpegArgs(creative, tmp))
      await rename(tmp, file)
    } finally {
      await rm(tmp, { force: true })
    }
    await writeFile(marker, params)
    log(
      `ad ${creative.id}: ${creative.seconds}s encoded in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    )
    made.push(creative.id)
  }
  return made
}
