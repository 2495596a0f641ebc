/**
 * The Router's hash setter (the SDK's `plugins.router.setHash`).
 *
 * The SDK's own assigns `location.hash` and lets the browser's `hashchange` event start the
 * navigation, and its listener reads the address when the event is dispatched, not the hash the
 * event was for. Two navigations within one task (OK, then Back, on a slow box) queued two events
 * that both read the second hash: the Router built that screen twice, and the first request stayed
 * in its queue for good. A later hash change then found no request of its own and threw inside the
 * Router ("Cannot set properties of undefined (setting 'hash')").
 *
 * This one writes the address with pushState, which fires no event, and dispatches the event at
 * once: each navigation is processed with its own hash, in order. The history entry is the same
 * as the assignment's, so the box's Back and a reload behave as before.
 */
export function setHashAndAnnounce(
  url: string,
  win: Pick<Window, 'location' | 'history' | 'dispatchEvent'> = window,
  doc: Pick<Document, 'createEvent'> = document,
): void {
  const oldURL = win.location.href
  win.history.pushState(win.history.state, '', `#${url}`)
  win.dispatchEvent(hashChangeEvent(oldURL, win.location.href, doc))
}

function hashChangeEvent(
  oldURL: string,
  newURL: string,
  doc: Pick<Document, 'createEvent'>,
): Event {
  try {
    return new HashChangeEvent('hashchange', { oldURL, newURL })
  } catch {
    // Engines before the event constructors (the es5 bundle's oldest boxes).
    const event = doc.createEvent('Event')
    event.initEvent('hashchange', false, false)
    return event
  }
}
