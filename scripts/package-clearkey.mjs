#!/usr/bin/env node
// Encrypts a generated sample stream for ClearKey playback (see scripts/lib/cenc.mjs).
//   node scripts/package-clearkey.mjs <inDir> <outDir> <kidHex> <keyHex>
import { packageClearKey } from './lib/cenc.mjs'

const [inDir, outDir, kidHex, keyHex] = process.argv.slice(2)
if (
  !inDir ||
  !outDir ||
  !/^[0-9a-f]{32}$/i.test(kidHex ?? '') ||
  !/^[0-9a-f]{32}$/i.test(keyHex ?? '')
) {
  console.error('usage: node scripts/package-clearkey.mjs <inDir> <outDir> <kidHex32> <keyHex32>')
  process.exit(2)
}
await packageClearKey({ inDir, outDir, kidHex, keyHex })
console.log(`clearkey: ${outDir}`)
