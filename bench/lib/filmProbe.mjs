// What the film-memory mode reads inside each page, the app's and the bare Shaka page's alike, so
// the four series are read the same way. Installed before any page script runs; it only observes:
// - every SourceBuffer's appends and removals (bytes appended, seconds asked to be removed), by
//   wrapping the prototype methods and passing every call through unchanged;
// - the Shaka Player instances the page creates, caught when the page calls `load` (a WeakRef:
//   the probe must not keep a destroyed player alive, which would be a leak of its own).
// `window.__filmProbe.read()` returns one reading.

/** Runs in the page (serialised by playwright: self-contained). */
export function installFilmProbe() {
  const SourceBuffer = window.SourceBuffer
  const buffers = []
  const players = []
  const rangesOf = (ranges) => {
    const out = []
    for (let i = 0; i < (ranges?.length ?? 0); i++) {
      out.push([Math.round(ranges.start(i) * 100) / 100, Math.round(ranges.end(i) * 100) / 100])
    }
    return out
  }
  const bytesOf = (data) => (data && typeof data.byteLength === 'number' ? data.byteLength : 0)

  const nativeAdd = MediaSource.prototype.addSourceBuffer
  MediaSource.prototype.addSourceBuffer = function (mime) {
    const buffer = nativeAdd.call(this, mime)
    buffers.push({
      ref: new WeakRef(buffer),
      mime: String(mime).split(';')[0],
      appends: 0,
      appendedBytes: 0,
      removes: 0,
      removedSeconds: 0,
      quotaErrors: 0,
    })
    return buffer
  }
  const entryOf = (buffer) => buffers.find((b) => b.ref.deref() === buffer)
  const nativeAppend = SourceBuffer.prototype.appendBuffer
  SourceBuffer.prototype.appendBuffer = function (data) {
    const entry = entryOf(this)
    try {
      const result = nativeAppend.call(this, data)
      if (entry) {
        entry.appends++
        entry.appendedBytes += bytesOf(data)
      }
      return result
    } catch (error) {
      if (entry && error?.name === 'QuotaExceededError') entry.quotaErrors++
      throw error
    }
  }
  const nativeRemove = SourceBuffer.prototype.remove
  SourceBuffer.prototype.remove = function (start, end) {
    const entry = entryOf(this)
    if (entry) {
      entry.removes++
      if (Number.isFinite(end) && Number.isFinite(start)) entry.removedSeconds += end - start
    }
    return nativeRemove.call(this, start, end)
  }

  // Shaka is loaded by a <script> (lazily in the app): its load event reaches a capture listener
  // on the document (not the window: a load event does not travel to it) before the element's own
  // onload handler, so `load` is wrapped before the page's first call.
  const wrapShaka = () => {
    const Player = window.shaka?.Player
    if (!Player || Player.prototype.__filmProbe) return
    Player.prototype.__filmProbe = true
    const nativeLoad = Player.prototype.load
    Player.prototype.load = function (...args) {
      if (!players.some((p) => p.deref() === this)) players.push(new WeakRef(this))
      return nativeLoad.apply(this, args)
    }
  }
  document.addEventListener('load', wrapShaka, true)

  const pick = (object, keys) =>
    object ? Object.fromEntries(keys.map((k) => [k, object[k] ?? null])) : null
  window.__filmProbe = {
    read() {
      wrapShaka()
      const video = document.querySelector('video')
      const quality = video?.getVideoPlaybackQuality?.()
      const live = players.map((p) => p.deref()).filter(Boolean)
      const player = live[live.length - 1]
      let shaka = null
      if (player) {
        const info = player.getBufferedInfo?.()
        const stats = player.getStats?.()
        const streaming = player.getConfiguration?.().streaming
        shaka = {
          players: live.length,
          buffered: info
            ? {
                video: rangesOf2(info.video),
                audio: rangesOf2(info.audio),
                text: rangesOf2(info.text),
              }
            : null,
          stats: pick(stats, [
            'width',
            'height',
            'streamBandwidth',
            'estimatedBandwidth',
            'decodedFrames',
            'droppedFrames',
            'bytesDownloaded',
            'stallsDetected',
            'gapsJumped',
            'bufferingTime',
          ]),
          streaming: pick(streaming, [
            'bufferingGoal',
            'rebufferingGoal',
            'bufferBehind',
            'evictionGoal',
            'crossBoundaryStrategy',
            'clearDecodingCache',
            'segmentPrefetchLimit',
          ]),
        }
      }
      return {
        video: video
          ? {
              currentTime: video.currentTime,
              paused: video.paused,
              ended: video.ended,
              readyState: video.readyState,
              buffered: rangesOf(video.buffered),
              decodedFrames: quality?.totalVideoFrames ?? null,
              droppedFrames: quality?.droppedVideoFrames ?? null,
              src: video.currentSrc ? video.currentSrc.slice(0, 40) : '',
            }
          : null,
        sourceBuffers: buffers.map((b) => {
          const buffer = b.ref.deref()
          let ranges = null
          try {
            ranges = buffer ? rangesOf(buffer.buffered) : null
          } catch {
            // removed from its MediaSource: buffered throws
          }
          return {
            mime: b.mime,
            alive: Boolean(buffer),
            appends: b.appends,
            appendedBytes: b.appendedBytes,
            removes: b.removes,
            removedSeconds: Math.round(b.removedSeconds * 10) / 10,
            quotaErrors: b.quotaErrors,
            buffered: ranges,
          }
        }),
        shaka,
      }
    },
  }
  function rangesOf2(list) {
    return (list ?? []).map((r) => [Math.round(r.start * 100) / 100, Math.round(r.end * 100) / 100])
  }
}
