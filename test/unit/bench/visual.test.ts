/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(__dirname, '../../..')
const visual = JSON.stringify(pathToFileURL(path.join(ROOT, 'bench/lib/visual.mjs')).href)
const sharp = JSON.stringify(pathToFileURL(require.resolve('sharp')).href)

/**
 * Whether screencast-like frames (480x270 JPEG, dark screen, optionally a light square of `size`
 * px at 40,40) look changed from one to the next. Runs in a child Node process: the bench is ES
 * modules jest cannot import.
 */
function changes(squares: Array<number | null>): boolean[] {
  const out = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import { looksChanged, thumbnail } from ${visual}
     import sharpModule from ${sharp}
     const sharp = sharpModule.default ?? sharpModule
     const frame = async (size) => {
       let image = sharp({ create: { width: 480, height: 270, channels: 3, background: '#201040' } })
       if (size) {
         const square = await sharp({ create: { width: size, height: size, channels: 3, background: '#f0f0f0' } }).png().toBuffer()
         image = image.composite([{ input: square, left: 40, top: 40 }])
       }
       return (await image.jpeg({ quality: 70 }).toBuffer()).toString('base64')
     }
     const sizes = ${JSON.stringify(squares)}
     const thumbs = []
     for (const size of sizes) thumbs.push(await thumbnail(await frame(size)))
     process.stdout.write(JSON.stringify(thumbs.slice(1).map((t, i) => looksChanged(thumbs[i], t))))`,
  ])
  return JSON.parse(out.toString()) as boolean[]
}

describe('a screencast frame that changes the screen', () => {
  it('is not a frame drawn again the same (an app redrawing an unchanged screen)', () => {
    expect(changes([null, null, 40, 40])).toEqual([false, true, false])
  })

  it('is any visible change, even a small one such as a spinner', () => {
    // 20 x 20 px of 480 x 270: far below the 1 % mean that visual completeness tolerates.
    expect(changes([null, 20])).toEqual([true])
  })
})
