// Kept for the benchmark's live session only (bench/run.mjs): the app, npm start and the e2e
// tests use the live simulator (live-sim.mjs), which encodes nothing in real time.
//
// Live channels for tests and demos: ffmpeg encodes a synthetic picture in real time (-re) and
// writes a rolling HLS window (a few 1 s segments, old ones deleted) into <outDir>/<id>/, so a
// player sees a real live stream that keeps moving for as long as the generator runs.
//
//   const live = await startLiveChannels({ outDir: 'media/live' })
//   // http://127.0.0.1:<port>/media/live/live-1/live.m3u8 ...
//   await live.stop()
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export const LIVE_CHANNELS = [
  { id: 'live-1', name: 'Belgica 1', hue: 0, tone: 523 },
  { id: 'live-2', name: 'Belgica 2', hue: 180, tone: 659 },
]

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf'

function args(channel, dir) {
  const box = 'fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=10'
  const video =
    `testsrc2=s=640x360:r=25,hue=h=${channel.hue},` +
    `drawtext=fontfile=${FONT}:text='${channel.name}':x=24:y=24:fontsize=36:${box},` +
    `drawtext=fontfile=${FONT}:text='%{localtime\\:%H\\\\\\:%M\\\\\\:%S}':x=24:y=84:fontsize=36:${box}`
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-re',
    '-f',
    'lavfi',
    '-i',
    video,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${channel.tone}:sample_rate=48000`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-profile:v',
    'baseline',
    '-level',
    '3.0',
    '-tune',
    'zerolatency',
    '-pix_fmt',
    'yuv420p',
    '-g',
    '25',
    '-keyint_min',
    '25',
    '-sc_threshold',
    '0',
    '-b:v',
    '400k',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-metadata:s:a:0',
    'language=fra',
    '-f',
    'hls',
    '-hls_time',
    '1',
    '-hls_list_size',
    '6',
    '-hls_flags',
    'delete_segments+independent_segments',
    '-hls_segment_filename',
    path.join(dir, 'seg-%05d.ts'),
    path.join(dir, 'live.m3u8'),
  ]
}

/** Starts one ffmpeg per channel; resolves once every playlist has a few segments. */
export async function startLiveChannels({ outDir, channels = LIVE_CHANNELS, readySegments = 3 }) {
  const children = []
  for (const channel of channels) {
    const dir = path.join(outDir, channel.id)
    await rm(dir, { recursive: true, force: true })
    await mkdir(dir, { recursive: true })
    // A master playlist naming the codecs, so the player need not probe a segment to learn them.
    await writeFile(
      path.join(dir, 'index.m3u8'),
      '#EXTM3U\n#EXT-X-VERSION:6\n#EXT-X-INDEPENDENT-SEGMENTS\n' +
        '#EXT-X-STREAM-INF:BANDWIDTH=600000,RESOLUTION=640x360,CODECS="avc1.42c01e,mp4a.40.2"\n' +
        'live.m3u8\n',
    )
    const child = spawn('ffmpeg', args(channel, dir), { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)))
    children.push({ child, dir, stderr: () => stderr })
  }
  const stop = async () => {
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise((resolve) => {
            if (child.exitCode !== null) return resolve()
            child.once('exit', resolve)
            child.kill('SIGTERM')
            setTimeout(() => child.kill('SIGKILL'), 3000).unref()
          }),
      ),
    )
    await Promise.all(children.map(({ dir }) => rm(dir, { recursive: true, force: true })))
  }
  const deadline = Date.now() + 20_000
  for (const { child, dir, stderr } of children) {
    const ready = path.join(dir, `seg-${String(readySegments).padStart(5, '0')}.ts`)
    while (!existsSync(ready)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop()
        throw new Error(`live generator did not start: ${stderr().trim() || 'timeout'}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return { channels, stop }
}
