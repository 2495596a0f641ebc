// Black-box "home visually complete": the page is recorded with the DevTools screencast (frames
// downscaled to 480x270 JPEG, each stamped by the browser with its wall-clock time), and the
// moment of visual completeness is the first frame from which every later frame looks like the
// final, settled screen (mean absolute difference below 1% of full scale on a 64x36 greyscale
// thumbnail). It knows nothing of the app, so it also catches artwork that the app reports as
// loaded but never draws, or drawing that goes on after the app's own mark.
import sharp from 'sharp'

const THUMB = { width: 64, height: 36 }
const THRESHOLD = 2.55

export function startScreencast(cdp) {
  const frames = []
  const onFrame = (frame) => {
    frames.push({ wallMs: frame.metadata.timestamp * 1000, data: frame.data })
    cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {})
  }
  cdp.on('Page.screencastFrame', onFrame)
  const started = cdp.send('Page.startScreencast', {
    format: 'jpeg',
    quality: 70,
    maxWidth: 480,
    maxHeight: 270,
    everyNthFrame: 1,
  })
  return {
    started,
    async stop() {
      await started.catch(() => {})
      await cdp.send('Page.stopScreencast').catch(() => {})
      cdp.off('Page.screencastFrame', onFrame)
      return frames
    },
  }
}

export async function thumbnail(base64) {
  return sharp(Buffer.from(base64, 'base64'))
    .greyscale()
    .resize(THUMB.width, THUMB.height, { fit: 'fill' })
    .raw()
    .toBuffer()
}

function difference(a, b) {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i])
  return sum / a.length
}

/**
 * Whether two thumbnails show a visible change: some pixel moved by more than JPEG noise. An app
 * may keep drawing frames that look the same (the Blits example's renderer redraws about once a
 * second), and the screencast sends each of them: those are not changes.
 */
export function looksChanged(a, b) {
  if (!a || !b) return true
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > 8) return true
  return false
}

/**
 * @param frames screencast frames ({ wallMs, data })
 * @param timeOrigin the page's performance.timeOrigin, to express times like performance.now()
 * @returns {{ visuallyComplete: number|null, firstNonBlank: number|null, frames: number }}
 */
export async function visualCompleteness(frames, timeOrigin) {
  if (frames.length === 0) return { visuallyComplete: null, firstNonBlank: null, frames: 0 }
  const thumbs = []
  for (const frame of frames) thumbs.push(await thumbnail(frame.data))
  const final = thumbs[thumbs.length - 1]
  let complete = frames.length - 1
  for (let i = frames.length - 1; i >= 0; i--) {
    if (difference(thumbs[i], final) <= THRESHOLD) complete = i
    else break
  }
  const blank = thumbs[0]
  const firstNonBlank = thumbs.findIndex((t) => difference(t, blank) > THRESHOLD)
  const at = (i) => (i >= 0 ? frames[i].wallMs - timeOrigin : null)
  return { visuallyComplete: at(complete), firstNonBlank: at(firstNonBlank), frames: frames.length }
}
