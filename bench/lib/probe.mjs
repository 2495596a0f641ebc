// In-page instrumentation, installed before any of the app's scripts run (addInitScript). It
// only observes: it times what the app already does and never changes what the app sees.
//
// - Every requestAnimationFrame callback is timed (performance.now() before and after). Lightning
//   draws each frame in one such callback (update + render), so this is the app's JS per frame.
// - Every keydown/keyup listener added on window (Lightning's input) is timed too; that time is
//   added to the next frame's JS time (the work a key press causes before it can be drawn).
// - A capture-phase keydown listener (the first to see any key) records the event's timeStamp:
//   for input the browser dispatched, the moment the browser created the event.
// - Key-to-frame: when a key is armed, the first animation frame that starts after the app's key
//   handlers returned is "the frame that shows the new focus"; its end time is recorded.
// - First video frame: requestVideoFrameCallback on the <video> element once armed.
// - Zap: once armed, the first video frame presented from another source than the one playing
//   when it was armed (a channel change gives the <video> a new MediaSource, so a new blob URL):
//   frames of the old channel that are still presented after the key press are not counted.
// - Idle: the last frame that took more than 3 ms of JS or came more than 25 ms after the
//   previous one is remembered, so a driver can wait until the app has settled.
// - Drawing: WebGL draw calls are counted, so a driver can tell the frames that drew from those
//   that only checked for changes. Another renderer (Lightning 3, a peer app) skips idle frames
//   with a timer, which the idle rule above reads as late frames, and may start a frame without
//   drawing in it: for such an app "settled" is no draw call for a while, and a key's frame is
//   the first one after the key that drew.

export function installProbe() {
  if (window.__bench) return
  const now = () => performance.now()
  const probe = {
    recordFrames: false,
    /** Flat list while recording: frameTimestamp, callbackStart, callbackEnd, inputMsBefore. */
    frames: [],
    inputMs: 0,
    firstFrameEnd: null,
    callbacks: 0,
    /** performance.now() of the last frame that did work or came late (not idle at 60 fps). */
    lastBusyAt: 0,
    previousTimestamp: null,
    keyArmed: false,
    keys: [],
    pendingKeys: [],
    video: null,
    videoArmedAt: null,
    videoFirstFrame: null,
    zap: null,
    errors: [],
    /** WebGL draw calls so far, and performance.now() of the last one (null before any). */
    draws: 0,
    lastDrawAt: null,
    recordDrawn: false,
    /** Flat list while recording: callbackStart, callbackEnd of each callback that drew. */
    drawnFrames: [],
  }
  window.__bench = probe

  const countDraw = (proto, name) => {
    const native = proto?.[name]
    if (typeof native !== 'function') return
    proto[name] = function (...args) {
      probe.draws++
      probe.lastDrawAt = now()
      return native.apply(this, args)
    }
  }
  for (const proto of [
    window.WebGLRenderingContext?.prototype,
    window.WebGL2RenderingContext?.prototype,
  ]) {
    for (const name of ['drawElements', 'drawArrays']) countDraw(proto, name)
  }

  const nativeRaf = window.requestAnimationFrame.bind(window)
  window.requestAnimationFrame = function (callback) {
    return nativeRaf((timestamp) => {
      const start = now()
      const drawsBefore = probe.draws
      try {
        callback(timestamp)
      } finally {
        const end = now()
        probe.callbacks++
        if (timestamp !== probe.previousTimestamp) {
          const gap = probe.previousTimestamp === null ? 0 : timestamp - probe.previousTimestamp
          if (gap > 25) probe.lastBusyAt = end
          probe.previousTimestamp = timestamp
        }
        if (end - start > 3) probe.lastBusyAt = end
        if (probe.firstFrameEnd === null) probe.firstFrameEnd = end
        if (probe.recordFrames) probe.frames.push(timestamp, start, end, probe.inputMs)
        if (probe.recordDrawn && probe.draws !== drawsBefore) probe.drawnFrames.push(start, end)
        probe.inputMs = 0
        if (probe.pendingKeys.length) {
          probe.pendingKeys = probe.pendingKeys.filter((key) => {
            // A frame cannot start while a key is dispatched, so for an app whose listeners are not
            // on window (another framework, a peer app) the capture listener's time is as good.
            const handled = key.handledAt ?? key.seenAt
            if (start < handled) return true
            if (key.frameTimestamp === null || key.frameTimestamp === timestamp) {
              key.frameTimestamp = timestamp
              key.frameStart ??= start
              key.frameEnd = end
              // Keep it until a callback of a later frame runs: another callback of the same frame
              // may still draw (the end time then moves to the end of that frame's last callback).
              return true
            }
            return false
          })
        }
      }
    })
  }

  let current = null
  window.addEventListener(
    'keydown',
    (event) => {
      current = {
        keyCode: event.keyCode,
        repeat: event.repeat,
        eventTime: event.timeStamp,
        seenAt: now(),
        handlerMs: 0,
        handledAt: null,
      }
      if (probe.keyArmed) {
        current.frameTimestamp = null
        current.frameStart = null
        current.frameEnd = null
        probe.keys.push(current)
        probe.pendingKeys.push(current)
      }
    },
    true,
  )

  const wrapped = new WeakMap()
  const nativeAdd = window.addEventListener
  const nativeRemove = window.removeEventListener
  const timed = (type, listener) => {
    let wrapper = wrapped.get(listener)
    if (!wrapper) {
      wrapper = function (event) {
        const start = now()
        try {
          return listener.call(this, event)
        } finally {
          const end = now()
          probe.inputMs += end - start
          if (type === 'keydown' && current && current.eventTime === event.timeStamp) {
            current.handlerMs += end - start
            current.handledAt = end
          }
        }
      }
      wrapped.set(listener, wrapper)
    }
    return wrapper
  }
  window.addEventListener = function (type, listener, options) {
    if ((type === 'keydown' || type === 'keyup') && typeof listener === 'function') {
      return nativeAdd.call(this, type, timed(type, listener), options)
    }
    return nativeAdd.call(this, type, listener, options)
  }
  window.removeEventListener = function (type, listener, options) {
    if (
      (type === 'keydown' || type === 'keyup') &&
      typeof listener === 'function' &&
      wrapped.has(listener)
    ) {
      return nativeRemove.call(this, type, wrapped.get(listener), options)
    }
    return nativeRemove.call(this, type, listener, options)
  }

  /** What a requestVideoFrameCallback says of a frame, kept for the driver. */
  const frameInfo = (time, meta) => ({
    callbackTime: time,
    presentationTime: meta.presentationTime,
    expectedDisplayTime: meta.expectedDisplayTime,
    mediaTime: meta.mediaTime,
    width: meta.width,
    height: meta.height,
  })
  const watchVideo = (video) => {
    if (!probe.videoArmedAt || probe.videoFirstFrame || video.__benchWatched) return
    video.__benchWatched = true
    if (typeof video.requestVideoFrameCallback === 'function') {
      video.requestVideoFrameCallback((time, meta) => {
        probe.videoFirstFrame ??= { via: 'requestVideoFrameCallback', ...frameInfo(time, meta) }
      })
    } else {
      const poll = () => {
        if (probe.videoFirstFrame) return
        if (video.readyState >= 2 && video.currentTime > 0) {
          probe.videoFirstFrame = {
            via: 'currentTime',
            callbackTime: now(),
            presentationTime: now(),
          }
        } else nativeRaf(poll)
      }
      nativeRaf(poll)
    }
  }
  probe.armVideo = () => {
    probe.videoArmedAt = now()
    probe.videoFirstFrame = null
    document.querySelectorAll('video').forEach((video) => {
      video.__benchWatched = false
      watchVideo(video)
    })
  }
  const watchZap = (video) => {
    const zap = probe.zap
    if (!zap || zap.frame || typeof video.requestVideoFrameCallback !== 'function') return
    video.requestVideoFrameCallback((time, meta) => {
      if (probe.zap !== zap || zap.frame) return
      const source = video.currentSrc
      if (!source || source === zap.sources.get(video)) return watchZap(video)
      zap.frame = frameInfo(time, meta)
    })
  }
  // A new source may come with a reset of the element's pending frame callbacks: ask again.
  const onLoadStart = (event) => {
    if (probe.zap && event.target?.nodeName === 'VIDEO') {
      probe.zap.loadStartAt ??= now()
      watchZap(event.target)
    }
  }
  document.addEventListener('loadstart', onLoadStart, true)
  probe.armZap = () => {
    const videos = [...document.querySelectorAll('video')]
    probe.zap = {
      armedAt: now(),
      sources: new Map(videos.map((video) => [video, video.currentSrc])),
      loadStartAt: null,
      frame: null,
    }
    videos.forEach(watchZap)
  }
  probe.zapFrame = () => probe.zap?.frame ?? null
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === 'VIDEO') {
          watchVideo(node)
          watchZap(node)
        }
      }
    }
  }).observe(document, { childList: true, subtree: true })

  /** Drains the recorded frames (and resets the list). */
  probe.takeFrames = () => {
    const frames = probe.frames
    probe.frames = []
    return frames
  }
  probe.takeDrawnFrames = () => {
    const frames = probe.drawnFrames
    probe.drawnFrames = []
    return frames
  }
  probe.takeKeys = () => {
    const keys = probe.keys
    probe.keys = []
    probe.pendingKeys = []
    return keys
  }
}
