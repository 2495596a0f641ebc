#!/usr/bin/env node
// Runs the live channel generator into media/live/ (or the folder given) until Ctrl-C or until
// stdin closes; prints one line once every channel has segments.
//   node scripts/live.mjs [outDir]
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startLiveChannels } from './lib/live.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const outDir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'media/live')
const live = await startLiveChannels({ outDir })
console.log(`live: ${live.channels.map((c) => `media/live/${c.id}/live.m3u8`).join(', ')}`)
const stop = () => live.stop().then(() => process.exit(0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, stop)
// Started by a test with a pipe on stdin: go away with it.
if (!process.stdin.isTTY) {
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.stdin.resume()
}
