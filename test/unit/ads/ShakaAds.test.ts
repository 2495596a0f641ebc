import type { ResolveDeps } from '../../../src/ads/resolve'
import { adMediaError, midRollBudget, ShakaAds } from '../../../src/ads/ShakaAds'
import type { PlaybackEvent } from '../../../src/player/playbackEvents'

const xml = (text: string): Document => new DOMParser().parseFromString(text, 'application/xml')

const inline = (id: string, seq: number) => `<Ad id="${id}" sequence="${seq}"><InLine>
  <Impression>http://b/impression?ad=${id}&amp;cb=[CACHEBUSTING]</Impression>
  <Error>http://b/error?ad=${id}&amp;code=[ERRORCODE]</Error>
  <Creatives><Creative><Linear skipoffset="00:00:05">
    <Duration>00:00:10</Duration>
    <TrackingEvents>
      ${[
        'start',
        'firstQuartile',
        'midpoint',
        'thirdQuartile',
        'complete',
        'skip',
        'pause',
        'resume',
        'closeLinear',
      ]
        .map((e) => `<Tracking event="${e}">http://b/${e}?ad=${id}</Tracking>`)
        .join('')}
    </TrackingEvents>
    <MediaFiles><MediaFile delivery="progressive" type="video/mp4" height="360">http://b/${id}.mp4</MediaFile></MediaFiles>
  </Linear></Creative></Creatives></InLine></Ad>`

/** Shaka's ad manager as far as ShakaAds uses it: events, and the interstitials it was given. */
class FakeManager extends EventTarget {
  interstitials: {
    id: string | null
    pre: boolean
    post: boolean
    startTime: number
    resumeOffset: number | null
  }[] = []
  addCustomInterstitial(interstitial: FakeManager['interstitials'][number]) {
    this.interstitials.push(interstitial)
  }
  /** The player Shaka plays the ads with; its 'error' events are what Shaka turns into AD_ERROR. */
  readonly adPlayer = new EventTarget()
  getInterstitialPlayer() {
    return this.adPlayer
  }
  emit(type: string, ad?: string, remaining = 5) {
    const event = new Event(type) as Event & { ad?: unknown }
    if (ad)
      event.ad = {
        getAdId: () => ad,
        getDuration: () => 10,
        getRemainingTime: () => remaining,
        isSkippable: () => true,
        getTimeUntilSkippable: () => 0,
        canSkipNow: () => true,
        skip: jest.fn(),
      }
    this.dispatchEvent(event)
  }
}

/** shaka.util.FakeEvent as far as ShakaAds uses it: the dict's entries become fields. */
class FakeShakaEvent extends Event {
  constructor(type: string, dict?: Map<string, unknown>) {
    super(type)
    dict?.forEach((value, key) => Object.assign(this, { [key]: value }))
  }
}

/**
 * The ad's media plays in the one element: its time moves past 0, with a picture unless the test
 * took it away (jsdom's videoWidth is 0, as for a video the box cannot decode).
 */
/** What Shaka's ad player is told of failed ads (the errors Shaka turns into AD_ERROR). */
function errorsTold(manager: FakeManager): unknown[] {
  const told: unknown[] = []
  manager.adPlayer.addEventListener('error', (event) =>
    told.push((event as Event & { detail?: unknown }).detail),
  )
  return told
}

function frame(video: HTMLVideoElement, time = 1): void {
  if (!Object.prototype.hasOwnProperty.call(video, 'videoWidth'))
    Object.defineProperty(video, 'videoWidth', { value: 640, configurable: true })
  Object.defineProperty(video, 'currentTime', { value: time, configurable: true })
  video.dispatchEvent(new Event('timeupdate'))
}

/** The content plays on to `seconds`: the mid-rolls it nears have their tags asked. */
async function contentAt(video: HTMLVideoElement, seconds: number): Promise<void> {
  Object.defineProperty(video, 'currentTime', { value: seconds, configurable: true })
  video.dispatchEvent(new Event('timeupdate'))
  await new Promise((resolve) => setTimeout(resolve, 0))
}

/** Resolve deps over fixed pages (404 for any other URL); beacons recorded without their host. */
function pageDeps(pages: Record<string, string>, beacons: string[] = []): ResolveDeps {
  return {
    fetchText: (url) =>
      pages[url] ? Promise.resolve(pages[url]) : Promise.reject(new Error('HTTP 404')),
    parseXml: xml,
    beacon: (url) => beacons.push(url.replace(/^http:\/\/b\//, '')),
    now: () => 0,
    timeoutMs: 1000,
    random: () => 0.25,
  }
}

/** pageDeps that also record each tag URL asked, in order. */
function askingDeps(pages: Record<string, string>) {
  const asked: string[] = []
  const deps = pageDeps(pages)
  const fetchText = deps.fetchText
  deps.fetchText = (url, signal) => {
    asked.push(url)
    return fetchText(url, signal)
  }
  return { deps, asked }
}

/** ShakaAds for `source`, prepared and attached to a fake ad manager and a fresh <video>. */
async function attached(
  source: ConstructorParameters<typeof ShakaAds>[0],
  deps: ResolveDeps,
  video = document.createElement('video'),
) {
  const ads = new ShakaAds(source, deps, {
    emit: () => undefined,
    now: () => 0,
    log: () => undefined,
  })
  const manager = new FakeManager()
  await ads.prepare(0)
  ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, video)
  return { ads, manager }
}

async function setup(duration = 60, mediaStatus?: ResolveDeps['mediaStatus']) {
  const pages: Record<string, string> = {
    'http://t/pre': `<VAST version="4.0">${inline('a', 1)}${inline('b', 2)}</VAST>`,
    'http://t/mid': `<VAST version="4.0">${inline('c', 1)}</VAST>`,
    'http://t/post': `<VAST version="4.0">${inline('d', 1)}</VAST>`,
  }
  const beacons: string[] = []
  const deps = { ...pageDeps(pages, beacons), mediaStatus }
  const events: PlaybackEvent[] = []
  const ads = new ShakaAds(
    {
      kind: 'breaks',
      breaks: [
        { offset: 'start', tagUrl: 'http://t/pre' },
        { offset: 30, tagUrl: 'http://t/mid' },
        { offset: 'end', tagUrl: 'http://t/post' },
      ],
    },
    deps,
    { emit: (event) => events.push(event), now: () => 0, log: () => undefined },
  )
  const manager = new FakeManager()
  const configure = jest.fn()
  const player = { getAdManager: () => manager, configure }
  await ads.prepare(0)
  const video = document.createElement('video')
  Object.defineProperty(video, 'duration', { value: duration })
  ads.attach(player as never, video, FakeShakaEvent as never)
  await new Promise((resolve) => setTimeout(resolve, 0))
  // What was said while the breaks were resolved; each test then follows the playback's events.
  const resolving = events.splice(0)
  return { ads, manager, configure, beacons, events, resolving, video }
}

describe('ShakaAds', () => {
  test('one media element, Shaka tracking off; ads as interstitials that resume in place', async () => {
    const { manager, configure, ads, resolving } = await setup()
    expect(configure).toHaveBeenCalledWith({
      ads: {
        supportsMultipleMediaElements: false,
        disableTrackingEvents: true,
        allowStartInMiddleOfInterstitial: false,
      },
    })
    expect(
      manager.interstitials.map((i) => [i.id, i.pre, i.post, i.startTime, i.resumeOffset]),
    ).toEqual([
      ['break-start-1', true, false, 0, 0],
      ['break-start-2', true, false, 0, 0],
      ['break-30-1', false, false, 30, 0],
      // After every mid-roll, as Shaka's own parser places a post-roll.
      ['break-end-1', false, true, Infinity, 0],
    ])
    expect(ads.markers).toEqual([30])
    // The player waits for the post-roll at the content's end.
    expect(resolving.map((e) => e.type)).toEqual(['ad-post-roll'])
  })

  test('a live stream (no duration) has no post-roll, and its tag is not asked', async () => {
    const { manager, resolving } = await setup(Infinity)
    expect(manager.interstitials.map((i) => i.id)).toEqual([
      'break-start-1',
      'break-start-2',
      'break-30-1',
    ])
    expect(resolving).toEqual([])
  })

  test("each ad's beacons go to its own URLs once, a pod's late 'complete' to the first ad", async () => {
    const { manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1')
    frame(video)
    manager.emit('ad-first-quartile')
    manager.emit('ad-first-quartile')
    // Shaka's order in a pod: the next ad starts, then the previous one's complete arrives.
    manager.emit('ad-started', 'break-start-2')
    frame(video)
    manager.emit('ad-complete')
    manager.emit('ad-midpoint')
    manager.emit('ad-complete')
    manager.emit('ad-break-ended')
    expect(beacons).toEqual([
      'impression?ad=a&cb=25000000',
      'start?ad=a',
      'firstQuartile?ad=a',
      'impression?ad=b&cb=25000000',
      'start?ad=b',
      'complete?ad=a',
      'midpoint?ad=b',
      'complete?ad=b',
    ])
  })

  test('VAST 2/3 creativeView with the impression; progress beacons as the ad plays past their offsets, the rest at its end', async () => {
    const withProgress = `<VAST version="3.0"><Ad id="p"><InLine>
      <Impression>http://b/impression</Impression>
      <Creatives><Creative><Linear><Duration>00:00:10</Duration><TrackingEvents>
        <Tracking event="creativeView">http://b/creativeView</Tracking>
        <Tracking event="start">http://b/start</Tracking>
        <Tracking event="progress" offset="00:00:03">http://b/progress-3s?at=[ADPLAYHEAD]</Tracking>
        <Tracking event="progress" offset="25%">http://b/progress-25</Tracking>
        <Tracking event="progress" offset="00:00:08">http://b/progress-8s</Tracking>
        <Tracking event="progress" offset="100%">http://b/progress-100</Tracking>
        <Tracking event="progress" offset="soon">http://b/progress-unreadable</Tracking>
        <Tracking event="progress">http://b/progress-no-offset</Tracking>
        <Tracking event="complete">http://b/complete</Tracking>
      </TrackingEvents>
      <MediaFiles><MediaFile delivery="progressive" type="video/mp4">http://b/p.mp4</MediaFile></MediaFiles>
      </Linear></Creative></Creatives></InLine></Ad></VAST>`
    const beacons: string[] = []
    const video = document.createElement('video')
    const { manager } = await attached(
      { kind: 'breaks', breaks: [{ offset: 'start', tagUrl: 'http://t/p' }] },
      pageDeps({ 'http://t/p': withProgress }, beacons),
      video,
    )
    manager.emit('ad-break-started')
    // Five of its ten seconds played.
    manager.emit('ad-started', 'break-start-1', 5)
    frame(video)
    frame(video, 2)
    expect(beacons).toEqual([
      'impression',
      'creativeView',
      'start',
      'progress-3s?at=00%3A00%3A05.000',
      'progress-25',
    ])
    manager.emit('ad-complete')
    expect(beacons.slice(5)).toEqual(['progress-8s', 'progress-100', 'complete'])
  })

  test('a skip is the skipped ad’s; an ad that fails reports 405 to its <Error>', async () => {
    const { manager, beacons, events } = await setup()
    manager.emit('ad-started', 'break-start-1')
    manager.emit('ad-skipped')
    manager.emit('ad-started', 'break-start-2')
    manager.emit('ad-error')
    expect(beacons.filter((b) => !b.startsWith('impression') && !b.startsWith('start'))).toEqual([
      'skip?ad=a',
      'error?ad=b&code=405',
    ])
    expect(events.map((e) => e.type)).toEqual([
      'ad-started',
      'ad-skipped',
      'ad-started',
      'ad-error',
    ])
  })

  test("the ad player's error for a coming ad it could not preload (7005) never reaches Shaka's handling of the ad on screen", async () => {
    const { manager } = await setup()
    const seenByShaka: number[] = []
    // Shaka listens per ad, after the app's listener (added when the ads attach).
    manager.adPlayer.addEventListener('error', (event) =>
      seenByShaka.push((event as Event & { detail: { code: number } }).detail.code),
    )
    const error = (code: number) =>
      manager.adPlayer.dispatchEvent(Object.assign(new Event('error'), { detail: { code } }))
    error(7005)
    error(3016)
    expect(seenByShaka).toEqual([3016])
  })

  test("a mid-roll's end names its place, which the screen saves as watched", async () => {
    const { manager, events } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-30-1')
    manager.emit('ad-break-ended')
    expect(events[events.length - 1]).toEqual({ type: 'ad-break-ended', at: 0, offset: 30 })
  })

  test("the post-roll's end says so: the title is over after it", async () => {
    const { manager, events } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-end-1')
    manager.emit('ad-break-ended')
    expect(events[events.length - 1]).toEqual({ type: 'ad-break-ended', at: 0, post: true })
  })

  test('the screen hears the break: started with its place in the pod, then ended', async () => {
    const { manager, events } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-2')
    manager.emit('ad-break-ended')
    expect(events).toEqual([
      { type: 'ad-break-started', at: 0 },
      { type: 'ad-started', at: 0, index: 2, count: 2, duration: 10, skipOffset: 5 },
      { type: 'ad-break-ended', at: 0 },
    ])
  })

  test('the pod counter counts the ads seen: one that failed before its first frame is not counted', async () => {
    const { manager, events, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1')
    manager.emit('ad-error')
    manager.emit('ad-started', 'break-start-2')
    frame(video)
    expect(events.filter((e) => e.type === 'ad-started')).toEqual([
      expect.objectContaining({ index: 1, count: 2 }),
      expect.objectContaining({ index: 1, count: 1 }),
    ])
    // A shown ad that fails later stays counted; the next break counts afresh.
    manager.emit('ad-error')
    manager.emit('ad-break-ended')
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-2')
    expect(events.filter((e) => e.type === 'ad-started').at(-1)).toMatchObject({
      index: 2,
      count: 2,
    })
  })

  test('no progress is said before the ad is ready (Shaka says -1): its duration stays, not 0:00', async () => {
    const { manager, events, video } = await setup()
    manager.emit('ad-started', 'break-start-1', -1)
    video.dispatchEvent(new Event('timeupdate'))
    expect(events.map((e) => e.type)).toEqual(['ad-started'])
    manager.emit('ad-started', 'break-start-2', 7)
    video.dispatchEvent(new Event('timeupdate'))
    expect(events[events.length - 1]).toMatchObject({ type: 'ad-progress', remaining: 7 })
  })

  test("the last ad's complete, which Shaka says after the break ends, is reported once even when the session ends with the break", async () => {
    const { ads, manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-end-1', 0.2)
    video.dispatchEvent(new Event('timeupdate'))
    manager.emit('ad-break-ended')
    // A post-roll ends the title: the player leaves and releases the session at once.
    ads.release()
    manager.emit('ad-complete')
    expect(beacons.filter((b) => b.startsWith('complete'))).toEqual(['complete?ad=d'])
  })

  test('impression and start wait for the first frame; an ad whose file is missing reports 401 only', async () => {
    const { manager, beacons, video } = await setup()
    manager.emit('ad-started', 'break-start-1', -1)
    video.dispatchEvent(new Event('timeupdate'))
    expect(beacons).toEqual([])
    const failed = new Event('ad-error') as Event & { originalEvent?: { code: number } }
    failed.originalEvent = { code: 1001 }
    manager.dispatchEvent(failed)
    expect(beacons).toEqual(['error?ad=a&code=401'])
    manager.emit('ad-started', 'break-start-2', 9)
    frame(video, 0.3)
    frame(video, 0.6)
    expect(beacons.slice(1)).toEqual(['impression?ad=b&cb=25000000', 'start?ad=b'])
  })

  test('a video ad whose picture never comes (a codec the box lacks) fails with 405 alone: no impression, start or complete', async () => {
    const { manager, beacons, video } = await setup()
    const told = errorsTold(manager)
    manager.emit('ad-started', 'break-start-1', 9)
    // The sound plays; the element has no picture (its videoWidth is 0, as Chromium's is).
    Object.defineProperty(video, 'videoWidth', { value: 0, configurable: true })
    frame(video, 0.5)
    expect(beacons).toEqual([])
    expect(told).toEqual([])
    frame(video, 1.2)
    expect(told).toEqual([{ category: 4, code: 4032, severity: 2, data: ['no picture'] }])
    // Shaka's answer to its ad player's error: AD_ERROR, then the next ad.
    const failed = new Event('ad-error') as Event & { originalEvent?: unknown }
    failed.originalEvent = told[0]
    manager.dispatchEvent(failed)
    // It never showed a frame: its error only.
    expect(beacons).toEqual(['error?ad=a&code=405'])
    // With a picture, nothing is said against it, and it is seen.
    manager.emit('ad-started', 'break-start-2', 9)
    Object.defineProperty(video, 'videoWidth', { value: 640, configurable: true })
    frame(video, 2)
    expect(told).toHaveLength(1)
    expect(beacons.slice(1)).toEqual(['impression?ad=b&cb=25000000', 'start?ad=b'])
  })

  test("an ad Shaka cannot measure (a host without byte ranges: nothing seekable) has its quartiles and its end told to Shaka's ad player from the element's time", async () => {
    const { manager, video } = await setup(10)
    const told: string[] = []
    for (const type of ['firstquartile', 'midpoint', 'thirdquartile', 'complete', 'error'])
      manager.adPlayer.addEventListener(type, () => told.push(type))
    // Chromium cannot seek in a file served without byte ranges: its seekable range is [0, 0],
    // and Shaka measures the ad's progress against it.
    const seekable = (end: number) => ({ length: 1, start: () => 0, end: () => end })
    Object.defineProperty(video, 'seekable', { value: seekable(0), configurable: true })
    manager.emit('ad-started', 'break-start-1', 9)
    frame(video, 0.5)
    expect(told).toEqual([])
    frame(video, 2.6)
    expect(told).toEqual(['firstquartile'])
    frame(video, 7.6)
    expect(told).toEqual(['firstquartile', 'midpoint', 'thirdquartile'])
    frame(video, 8)
    // Its end: Shaka leaves the ad on its 'complete' and goes on with the break.
    Object.defineProperty(video, 'ended', { value: true, configurable: true })
    video.dispatchEvent(new Event('ended'))
    expect(told).toEqual(['firstquartile', 'midpoint', 'thirdquartile', 'complete'])
    frame(video, 10)
    expect(told).toHaveLength(4)
    // An ad the element can seek in is measured by Shaka itself: nothing is told.
    Object.defineProperty(video, 'ended', { value: false, configurable: true })
    Object.defineProperty(video, 'seekable', { value: seekable(10), configurable: true })
    manager.emit('ad-started', 'break-start-2', 9)
    frame(video, 3)
    frame(video, 9)
    expect(told).toHaveLength(4)
  })

  test('the household leaving during an ad it sees (Back) reports its closeLinear, once', async () => {
    const { ads, manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1', 9)
    frame(video, 0.4)
    manager.emit('ad-skipped')
    manager.emit('ad-started', 'break-start-2', 6)
    frame(video, 4)
    ads.release()
    ads.release()
    expect(beacons.filter((b) => b.startsWith('closeLinear'))).toEqual(['closeLinear?ad=b'])
    expect(beacons).not.toContainEqual(expect.stringMatching(/^complete/))
  })

  test('an ad left at its last second, before Shaka ends its break, is complete, not closed', async () => {
    const { ads, manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1', 0.2)
    frame(video, 9.8)
    ads.release()
    expect(beacons.filter((b) => b.startsWith('closeLinear'))).toEqual([])
    expect(beacons.filter((b) => b.startsWith('complete'))).toHaveLength(1)
  })

  test.each([
    [
      'after the break has ended (a post-roll ends the title)',
      (manager: FakeManager, video: HTMLVideoElement) => {
        frame(video, 9.8)
        manager.emit('ad-complete')
        manager.emit('ad-break-ended')
      },
    ],
    ['after the ad was skipped', (manager: FakeManager) => manager.emit('ad-skipped')],
    ['after the ad failed', (manager: FakeManager) => manager.emit('ad-error')],
    ['before its first frame', undefined],
  ])('no closeLinear for a session released %s', async (_, before) => {
    const { ads, manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-end-1', before ? 5 : -1)
    if (before) {
      frame(video, 5)
      before(manager, video)
    }
    ads.release()
    expect(beacons.filter((b) => b.startsWith('closeLinear'))).toEqual([])
  })

  test("the household's pauses and resumes are reported each time; the pause at an ad's end is not", async () => {
    const { manager, beacons, video } = await setup()
    manager.emit('ad-started', 'break-start-1', 9)
    frame(video)
    manager.emit('ad-paused')
    manager.emit('ad-resumed')
    manager.emit('ad-paused')
    manager.emit('ad-paused')
    manager.emit('ad-resumed')
    // Shaka's AD_RESUMED also follows its own play() of the next ad: no pause, no resume.
    manager.emit('ad-resumed')
    // The element pauses as the ad ends.
    Object.defineProperty(video, 'ended', { value: true, configurable: true })
    manager.emit('ad-paused')
    expect(beacons.filter((b) => /^(pause|resume)/.test(b))).toEqual([
      'pause?ad=a',
      'resume?ad=a',
      'pause?ad=a',
      'resume?ad=a',
    ])
  })

  test('beacons say where the ad and the content stand ([ADPLAYHEAD], [BREAKPOSITION]...)', async () => {
    const beacons: string[] = []
    const macros =
      '?ap=[ADPLAYHEAD]&amp;cp=[CONTENTPLAYHEAD]&amp;bp=[BREAKPOSITION]&amp;ps=[PODSEQUENCE]'
    const vast = `<VAST version="4.0"><Ad id="m"><InLine><Impression>http://b/imp${macros}</Impression>
      <Creatives><Creative><Linear><Duration>00:00:10</Duration><TrackingEvents>
        <Tracking event="midpoint">http://b/mid${macros}</Tracking>
        <Tracking event="complete">http://b/end${macros}</Tracking>
      </TrackingEvents><MediaFiles><MediaFile type="video/mp4">http://b/m.mp4</MediaFile></MediaFiles>
      </Linear></Creative></Creatives></InLine></Ad></VAST>`
    const video = document.createElement('video')
    const { manager } = await attached(
      { kind: 'breaks', breaks: [{ offset: 90, tagUrl: 'http://t/m' }] },
      pageDeps({ 'http://t/m': vast }, beacons),
      video,
    )
    await contentAt(video, 70)
    manager.emit('ad-started', 'break-90-1', 10)
    frame(video, 0.1)
    manager.emit('ad-started', 'break-90-1', 4.5)
    video.dispatchEvent(new Event('timeupdate'))
    manager.emit('ad-midpoint')
    manager.emit('ad-complete')
    expect(beacons).toEqual([
      'imp?ap=00%3A00%3A00.000&cp=00%3A01%3A30.000&bp=2&ps=1',
      'mid?ap=00%3A00%3A05.500&cp=00%3A01%3A30.000&bp=2&ps=1',
      'end?ap=00%3A00%3A10.000&cp=00%3A01%3A30.000&bp=2&ps=1',
    ])
  })

  test('an ad whose media never shows a frame is given up with 402 after the media timeout', async () => {
    const { manager, video } = await setup()
    const told = errorsTold(manager)
    jest.useFakeTimers()
    try {
      manager.emit('ad-started', 'break-start-1', -1)
      jest.advanceTimersByTime(5_900)
      expect(told).toEqual([])
      // The element is made to drop the file, then (no element error in jsdom) Shaka is told.
      jest.advanceTimersByTime(1_200)
      expect(told).toMatchObject([{ category: 1, code: 1003 }])
      // An ad that shows its first frame in time is not given up.
      manager.emit('ad-started', 'break-start-2', 9)
      frame(video, 0.4)
      jest.advanceTimersByTime(10_000)
      expect(told).toHaveLength(1)
    } finally {
      jest.useRealTimers()
    }
  })

  /** The element plays (jsdom's never does): not paused, with `readyState` of data to play on. */
  function playsOn(video: HTMLVideoElement, readyState: number): void {
    Object.defineProperty(video, 'paused', { value: false, configurable: true })
    Object.defineProperty(video, 'readyState', { value: readyState, configurable: true })
  }

  /** Shaka's answer to an error told to its ad player: AD_ERROR with that error. */
  function shakaFails(manager: FakeManager, error: unknown): void {
    const failed = new Event('ad-error') as Event & { originalEvent?: unknown }
    failed.originalEvent = error
    manager.dispatchEvent(failed)
  }

  test('an ad whose picture stops mid-way (its file stopped coming) is given up with 402 after 6 s still, through Shaka, the element left alone', async () => {
    const { manager, beacons, events, video } = await setup()
    const told = errorsTold(manager)
    video.setAttribute('src', 'http://b/a.mp4')
    jest.useFakeTimers()
    try {
      manager.emit('ad-break-started')
      manager.emit('ad-started', 'break-start-1', 9)
      playsOn(video, 4)
      for (let second = 1; second <= 4; second++) {
        frame(video, second)
        jest.advanceTimersByTime(1000)
      }
      // The host stops sending: the element has nothing more to play, and says nothing.
      playsOn(video, 2)
      jest.advanceTimersByTime(4_500)
      expect(told).toEqual([])
      jest.advanceTimersByTime(1_000)
      expect(told).toMatchObject([{ category: 1, code: 1003 }])
      expect(video.getAttribute('src')).toBe('http://b/a.mp4')
      shakaFails(manager, told[0])
      expect(beacons.filter((b) => b.startsWith('error'))).toEqual(['error?ad=a&code=402'])
      expect(events.map((e) => e.type)).toContain('ad-error')
      // Shaka goes on with the pod's next ad, which plays to its end.
      manager.emit('ad-stopped')
      manager.emit('ad-started', 'break-start-2', 9)
      playsOn(video, 4)
      for (let second = 1; second <= 10; second++) {
        frame(video, second)
        jest.advanceTimersByTime(1000)
      }
      expect(told).toHaveLength(1)
    } finally {
      jest.useRealTimers()
    }
  })

  test('an ad with data that stands still is given up with 405; one the household paused is waited for', async () => {
    const { manager, beacons, video } = await setup()
    const told = errorsTold(manager)
    jest.useFakeTimers()
    try {
      manager.emit('ad-break-started')
      manager.emit('ad-started', 'break-start-1', 9)
      frame(video, 1)
      Object.defineProperty(video, 'paused', { value: true, configurable: true })
      manager.emit('ad-paused')
      jest.advanceTimersByTime(60_000)
      expect(told).toEqual([])
      playsOn(video, 4)
      manager.emit('ad-resumed')
      jest.advanceTimersByTime(5_500)
      expect(told).toEqual([])
      jest.advanceTimersByTime(1_000)
      expect(told).toMatchObject([{ category: 3 }])
      shakaFails(manager, told[0])
      expect(beacons.filter((b) => b.startsWith('error'))).toEqual(['error?ad=a&code=405'])
    } finally {
      jest.useRealTimers()
    }
  })

  test.each([
    ['its break ends (Shaka plays the content in the element again)', 'ad-break-ended'],
    ['it ends (Shaka stops it)', 'ad-stopped'],
    ['it is skipped', 'ad-skipped'],
    ['it fails', 'ad-error'],
    ['the session is released', 'release'],
  ])(
    'the stall watch of an ad ends when %s: the content standing still afterwards is never acted on',
    async (_, end) => {
      const { ads, manager, video } = await setup()
      const told = errorsTold(manager)
      video.setAttribute('src', 'http://b/a.mp4')
      jest.useFakeTimers()
      try {
        manager.emit('ad-break-started')
        manager.emit('ad-started', 'break-start-1', 9)
        playsOn(video, 2)
        frame(video, 3)
        jest.advanceTimersByTime(2_000)
        if (end === 'release') ads.release()
        else manager.emit(end)
        // The content, loaded again in the one element, waits (a seek, a slow segment).
        video.setAttribute('src', 'blob:content')
        jest.advanceTimersByTime(60_000)
        expect(told).toEqual([])
        expect(video.getAttribute('src')).toBe('blob:content')
        expect(jest.getTimerCount()).toBe(0)
      } finally {
        jest.useRealTimers()
      }
    },
  )

  test("an ad given up for its media's timeout drops the file first: the element's error that follows is its 402, and the next ad is not blamed", async () => {
    const asked: string[] = []
    const { manager, beacons, video } = await setup(60, (url) => {
      asked.push(url)
      return Promise.resolve(200)
    })
    const told = errorsTold(manager)
    const elementError = () => {
      const failed = new Event('ad-error') as Event & { originalEvent?: unknown }
      failed.originalEvent = { code: 3016 }
      manager.dispatchEvent(failed)
    }
    jest.useFakeTimers()
    try {
      video.setAttribute('src', 'http://b/a.mp4')
      manager.emit('ad-started', 'break-start-1', -1)
      jest.advanceTimersByTime(6_100)
      // The element drops the file; Shaka is not told of a failure before the element's error,
      // which would come once it had begun the next ad and be taken for that ad's.
      expect(video.getAttribute('src')).toBe('')
      expect(told).toEqual([])
      // Shaka turns the element's error into the ad's AD_ERROR (3016): a timeout, not a file to
      // ask for again.
      elementError()
      expect(beacons).toEqual(['error?ad=a&code=402'])
      jest.advanceTimersByTime(2_000)
      expect(told).toEqual([])
      // The next ad plays and is seen.
      manager.emit('ad-started', 'break-start-2', 9)
      frame(video, 0.4)
      expect(beacons.slice(1)).toEqual(['impression?ad=b&cb=25000000', 'start?ad=b'])
    } finally {
      jest.useRealTimers()
    }
    expect(asked).toEqual([])
  })

  test('an ad given up whose element says nothing is failed as a timeout a second later', async () => {
    const { manager, video } = await setup()
    const told = errorsTold(manager)
    jest.useFakeTimers()
    try {
      manager.emit('ad-started', 'break-start-1', -1)
      jest.advanceTimersByTime(6_100)
      expect(video.getAttribute('src')).toBe('')
      expect(told).toEqual([])
      jest.advanceTimersByTime(1_000)
      expect(told).toMatchObject([{ category: 1, code: 1003 }])
    } finally {
      jest.useRealTimers()
    }
  })

  test('a file the element could not play is asked for again: a 404 reports 401, else 405', async () => {
    const statuses: Record<string, number | null> = { 'http://b/a.mp4': 404, 'http://b/b.mp4': 200 }
    const { manager, beacons } = await setup(60, (url) => Promise.resolve(statuses[url] ?? null))
    const unplayable = () => {
      const failed = new Event('ad-error') as Event & { originalEvent?: unknown }
      failed.originalEvent = { code: 3016 }
      manager.dispatchEvent(failed)
    }
    manager.emit('ad-started', 'break-start-1', -1)
    unplayable()
    manager.emit('ad-started', 'break-start-2', -1)
    unplayable()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(beacons).toEqual(['error?ad=a&code=401', 'error?ad=b&code=405'])
  })

  test('what an ad failure reports: 401 not found, 402 timeout, 405 otherwise', () => {
    expect([1001, 1002, 1003, 3016, 4032, undefined].map(adMediaError)).toEqual([
      401, 401, 402, 405, 405, 405,
    ])
  })

  test('an ad the break ends before its last second is not reported complete', async () => {
    const { manager, beacons, video } = await setup()
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-30-1', 6)
    video.dispatchEvent(new Event('timeupdate'))
    manager.emit('ad-break-ended')
    expect(beacons.filter((b) => b.startsWith('complete'))).toEqual([])
  })

  test('a mid-roll is marked on the progress bar until it has played', async () => {
    const { ads, manager } = await setup()
    expect(ads.markers).toEqual([30])
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-30-1')
    manager.emit('ad-break-ended')
    expect(ads.markers).toEqual([])
  })

  test('nothing is added or heard after release', async () => {
    const { ads, manager, events } = await setup()
    ads.release()
    manager.emit('ad-break-started')
    expect(events).toEqual([])
  })
})

describe('ShakaAds: two breaks at the same offset', () => {
  test('each gets ids of its own, and each ad its own beacons', async () => {
    const pages: Record<string, string> = {
      'http://t/pre': `<VAST version="4.0">${inline('p', 1)}</VAST>`,
      'http://t/bumper': `<VAST version="4.0">${inline('q', 1)}</VAST>`,
    }
    const beacons: string[] = []
    const deps = pageDeps(pages, beacons)
    const video = document.createElement('video')
    const { manager } = await attached(
      {
        kind: 'breaks',
        breaks: [
          { offset: 'start', tagUrl: 'http://t/pre' },
          { offset: 'start', tagUrl: 'http://t/bumper' },
        ],
      },
      deps,
      video,
    )
    const ids = manager.interstitials.map((i) => i.id)
    expect(new Set(ids).size).toBe(2)
    manager.emit('ad-started', ids[1]!)
    frame(video)
    manager.emit('ad-complete')
    manager.emit('ad-started', ids[0]!)
    frame(video)
    expect(beacons.filter((b) => b.startsWith('start')).sort()).toEqual([
      'start?ad=p',
      'start?ad=q',
    ])
  })
})

describe('ShakaAds: the content under its pre-roll', () => {
  const pre = { 'http://t/pre': `<VAST version="4.0">${inline('a', 1)}</VAST>` }

  async function veiled(
    pages: Record<string, string>,
    breaks = [{ offset: 'start' as const, tagUrl: 'http://t/pre' }],
  ) {
    const ads = new ShakaAds({ kind: 'breaks', breaks }, pageDeps(pages), {
      emit: () => undefined,
      now: () => 0,
      log: () => undefined,
    })
    await ads.prepare(0)
    const video = document.createElement('video')
    video.muted = false
    ads.veil(video)
    const manager = new FakeManager()
    ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, video)
    return { ads, video, manager }
  }

  test('is hidden and muted until the ad shows its first frame, then as it was', async () => {
    const { video, manager } = await veiled(pre)
    expect([video.style.opacity, video.muted]).toEqual(['0', true])
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1', -1)
    video.dispatchEvent(new Event('timeupdate'))
    expect(video.style.opacity).toBe('0')
    manager.emit('ad-started', 'break-start-1', 9)
    frame(video)
    expect([video.style.opacity, video.muted]).toEqual(['', false])
  })

  test('is shown again when the break fails, or when leaving; never hidden without a pre-roll', async () => {
    const failing = await veiled(pre)
    failing.manager.emit('ad-started', 'break-start-1', -1)
    failing.manager.emit('ad-error')
    expect(failing.video.style.opacity).toBe('')
    const left = await veiled(pre)
    left.ads.release()
    expect([left.video.style.opacity, left.video.muted]).toEqual(['', false])
    const none = await veiled({})
    expect([none.video.style.opacity, none.video.muted]).toEqual(['', false])
  })

  test('is shown again after a few seconds if the pre-roll never starts', async () => {
    jest.useFakeTimers()
    try {
      const ads = new ShakaAds(
        { kind: 'breaks', breaks: [{ offset: 'start', tagUrl: 'http://t/pre' }] },
        pageDeps(pre),
        { emit: () => undefined, now: () => 0, log: () => undefined },
      )
      await ads.prepare(0)
      const video = document.createElement('video')
      ads.veil(video)
      expect(video.style.opacity).toBe('0')
      jest.advanceTimersByTime(6000)
      expect(video.style.opacity).toBe('')
    } finally {
      jest.useRealTimers()
    }
  })
})

describe('ShakaAds: a resumed title', () => {
  test('plays its pre-roll and the breaks ahead; the mid-rolls before the resume point are not placed or asked', async () => {
    const { deps, asked } = askingDeps({
      'http://t/pre': `<VAST version="4.0">${inline('p', 1)}</VAST>`,
      'http://t/mid': `<VAST version="4.0">${inline('m', 1)}</VAST>`,
    })
    const logs: string[] = []
    const ads = new ShakaAds(
      {
        kind: 'breaks',
        breaks: [
          { offset: 'start', tagUrl: 'http://t/pre' },
          { offset: 60, tagUrl: 'http://t/mid?at=60' },
          { offset: 300, tagUrl: 'http://t/mid' },
        ],
      },
      deps,
      { emit: () => undefined, now: () => 0, log: (line) => logs.push(line) },
    )
    const manager = new FakeManager()
    await ads.prepare(0)
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 600 })
    ads.attach(
      { getAdManager: () => manager, configure: jest.fn() } as never,
      video,
      undefined,
      120,
    )
    await contentAt(video, 120)
    // The break ahead is on the progress bar; its tag is asked as the content nears it.
    expect(ads.markers).toEqual([300])
    expect(asked).toEqual(['http://t/pre'])
    await contentAt(video, 275)
    expect(manager.interstitials.map((i) => i.id).sort()).toEqual(['break-300-1', 'break-start-1'])
    expect(asked).not.toContain('http://t/mid?at=60')
    expect(logs).toContain(
      'ads: 1 mid-roll(s) before the resume point (120 s) or watched in that viewing not played again',
    )
  })

  test('the mid-rolls after the resume point that the viewing watched before going back are not placed', async () => {
    const { deps, asked } = askingDeps({
      'http://t/mid': `<VAST version="4.0">${inline('m', 1)}</VAST>`,
    })
    const ads = new ShakaAds(
      {
        kind: 'breaks',
        seen: [150],
        breaks: [
          { offset: 150, tagUrl: 'http://t/mid?at=150' },
          { offset: 300, tagUrl: 'http://t/mid' },
        ],
      },
      deps,
      { emit: () => undefined, now: () => 0, log: () => undefined },
    )
    await ads.prepare(0)
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 600 })
    const manager = new FakeManager()
    ads.attach(
      { getAdManager: () => manager, configure: jest.fn() } as never,
      video,
      undefined,
      100,
    )
    await contentAt(video, 100)
    expect(ads.markers).toEqual([300])
    await contentAt(video, 275)
    expect(asked).not.toContain('http://t/mid?at=150')
    expect(manager.interstitials.map((i) => i.id)).toEqual(['break-300-1'])
  })
})

describe("ShakaAds: a break at or after the content's end", () => {
  test('at its end (within a second) is the post-roll; clearly after it, neither asked nor marked, and the log says why', async () => {
    const { deps, asked } = askingDeps({
      'http://t/mid': `<VAST version="4.0">${inline('m', 1)}</VAST>`,
      'http://t/mid?end': `<VAST version="4.0">${inline('e', 1)}</VAST>`,
    })
    const logs: string[] = []
    const events: PlaybackEvent[] = []
    const ads = new ShakaAds(
      {
        kind: 'breaks',
        breaks: [
          { offset: 10, tagUrl: 'http://t/mid' },
          { offset: 30.5, tagUrl: 'http://t/mid?end' },
          { offset: 600, tagUrl: 'http://t/mid?late' },
        ],
      },
      deps,
      { emit: (event) => events.push(event), now: () => 0, log: (line) => logs.push(line) },
    )
    const manager = new FakeManager()
    await ads.prepare(30)
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 30 })
    ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, video)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked.sort()).toEqual(['http://t/mid', 'http://t/mid?end'])
    expect(manager.interstitials.map((i) => i.id).sort()).toEqual(['break-10-1', 'break-end-1'])
    expect(events.some((event) => event.type === 'ad-post-roll')).toBe(true)
    expect(ads.markers).toEqual([10])
    expect(logs).toContain('ads: break at 600 s skipped (the content ends at 30 s)')
  })
})

describe('ShakaAds: a break whose tag gives nothing', () => {
  test('leaves the progress bar once asked: it plays nothing there', async () => {
    const video = document.createElement('video')
    const { ads } = await attached(
      { kind: 'breaks', breaks: [{ offset: 40, tagUrl: 'http://t/none' }] },
      pageDeps({}),
      video,
    )
    expect(ads.markers).toEqual([40])
    await contentAt(video, 15)
    expect(ads.markers).toEqual([])
  })
})

describe('ShakaAds: how long a tag may take', () => {
  test("the pre-roll has the operator's budget; a mid-roll ahead has up to 10 s, to a second before it", () => {
    expect(midRollBudget('start', 0, 2000)).toBe(2000)
    expect(midRollBudget(600, 0, 2000)).toBe(10_000)
    expect(midRollBudget(6, 0, 2000)).toBe(5000)
    expect(midRollBudget(30, 29.5, 2000)).toBe(2000)
  })

  test('a slow ad server still fills a mid-roll that is far enough ahead', async () => {
    const slow: ResolveDeps = {
      ...pageDeps({ 'http://t/mid': `<VAST version="4.0">${inline('m', 1)}</VAST>` }),
      timeoutMs: 50,
    }
    const fetchText = slow.fetchText
    // Answers after 150 ms, unless the budget runs out first.
    slow.fetchText = (url, signal) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve(fetchText(url, signal)), 150)
        signal.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(new Error('aborted'))
        })
      })
    const video = document.createElement('video')
    const { manager } = await attached(
      { kind: 'breaks', breaks: [{ offset: 60, tagUrl: 'http://t/mid' }] },
      slow,
      video,
    )
    // Asked 25 s ahead: the tag may take 10 s.
    await contentAt(video, 35)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(manager.interstitials.map((i) => i.id)).toEqual(['break-60-1'])
  })
})

describe('ShakaAds with a VMAP', () => {
  test('a break at a share of the content ("25%") is placed from the loaded duration', async () => {
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="25%" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://t/q</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
        <vmap:AdBreak timeOffset="00:01:00" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://t/m</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      </vmap:VMAP>`,
      'http://t/q': `<VAST version="4.0">${inline('q', 1)}</VAST>`,
      'http://t/m': `<VAST version="4.0">${inline('m', 1)}</VAST>`,
    }
    const deps = pageDeps(pages)
    const logs: string[] = []
    const make = () =>
      new ShakaAds({ kind: 'vmap', url: 'http://t/vmap' }, deps, {
        emit: () => undefined,
        now: () => 0,
        log: (line) => logs.push(line),
      })
    const video = (duration: number) => {
      const element = document.createElement('video')
      Object.defineProperty(element, 'duration', { value: duration })
      return element
    }
    const attach = async (ads: ShakaAds, duration: number) => {
      const manager = new FakeManager()
      await ads.prepare(0)
      const element = video(duration)
      ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, element)
      await contentAt(element, 75)
      return manager
    }

    const film = make()
    const manager = await attach(film, 400)
    expect(manager.interstitials.map((i) => [i.id, i.startTime]).sort()).toEqual([
      ['break-100-1', 100],
      ['break-60-1', 60],
    ])
    expect(film.markers).toEqual([60, 100])

    // A live stream has no duration to take a share of: the break is said to be skipped.
    const live = make()
    const none = await attach(live, Infinity)
    expect(none.interstitials.map((i) => i.id)).toEqual(['break-60-1'])
    expect(logs).toContain('ads: break 25% skipped (no content duration)')
  })

  test('a "#m" break goes at the title\'s m-th break opportunity; one it lacks is logged', async () => {
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="#2" breakType="linear" breakId="second"><vmap:AdSource><vmap:AdTagURI>http://t/m</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
        <vmap:AdBreak timeOffset="#5" breakType="linear" breakId="fifth"><vmap:AdSource><vmap:AdTagURI>http://t/m</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      </vmap:VMAP>`,
      'http://t/m': `<VAST version="4.0">${inline('m', 1)}</VAST>`,
    }
    const logs: string[] = []
    const ads = new ShakaAds(
      { kind: 'vmap', url: 'http://t/vmap', positions: [45, 150] },
      pageDeps(pages),
      { emit: () => undefined, now: () => 0, log: (line) => logs.push(line) },
    )
    const manager = new FakeManager()
    await ads.prepare(400)
    const element = document.createElement('video')
    Object.defineProperty(element, 'duration', { value: 400 })
    ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, element)
    await contentAt(element, 130)
    expect(manager.interstitials.map((i) => [i.id, i.startTime])).toEqual([['break-150-1', 150]])
    expect(logs).toContainEqual(
      expect.stringMatching(
        /break fifth: timeOffset #5 names break opportunity 5, and the title gives 2/,
      ),
    )
  })

  test('a break with repeatAfter comes back that often to the end, each asked with its own playhead', async () => {
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="00:02:00" breakType="linear" repeatAfter="00:05:00"><vmap:AdSource><vmap:AdTagURI>http://t/r?at=[CONTENTPLAYHEAD]</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      </vmap:VMAP>`,
    }
    for (const at of ['00:02:00.000', '00:07:00.000', '00:12:00.000'])
      pages[`http://t/r?at=${encodeURIComponent(at)}`] =
        `<VAST version="4.0">${inline(at, 1)}</VAST>`
    const deps = pageDeps(pages)
    const ads = new ShakaAds({ kind: 'vmap', url: 'http://t/vmap' }, deps, {
      emit: () => undefined,
      now: () => 0,
      log: () => undefined,
    })
    const element = document.createElement('video')
    Object.defineProperty(element, 'duration', { value: 900 })
    const manager = new FakeManager()
    await ads.prepare(0)
    ads.attach({ getAdManager: () => manager, configure: jest.fn() } as never, element)
    await new Promise((resolve) => setTimeout(resolve, 0))
    // All three on the progress bar at once; each tag asked only as its break nears.
    expect(ads.markers).toEqual([120, 420, 720])
    expect(manager.interstitials).toEqual([])
    for (const at of [60, 100, 400, 700]) await contentAt(element, at)
    expect(manager.interstitials.map((i) => i.startTime)).toEqual([120, 420, 720])
  })

  test('a seek past several breaks asks the last of them only, the one Shaka plays; going back asks the others as they near', async () => {
    const { deps, asked } = askingDeps(
      Object.fromEntries(
        [120, 420, 720].map((at) => [
          `http://t/m?${at}`,
          `<VAST version="4.0">${inline(`m${at}`, 1)}</VAST>`,
        ]),
      ),
    )
    const element = document.createElement('video')
    Object.defineProperty(element, 'duration', { value: 900 })
    const { manager } = await attached(
      {
        kind: 'breaks',
        breaks: [120, 420, 720].map((at) => ({ offset: at, tagUrl: `http://t/m?${at}` })),
      },
      deps,
      element,
    )
    await contentAt(element, 10)
    await contentAt(element, 800)
    expect(asked).toEqual(['http://t/m?720'])
    expect(manager.interstitials.map((i) => i.startTime)).toEqual([720])
    await contentAt(element, 100)
    expect(asked).toEqual(['http://t/m?720', 'http://t/m?120'])
  })

  test("no tag is asked from the element's time during a break: it is the ad's", async () => {
    const { deps, asked } = askingDeps({
      'http://t/m?120': `<VAST version="4.0">${inline('a', 1)}</VAST>`,
      'http://t/m?420': `<VAST version="4.0">${inline('b', 1)}</VAST>`,
    })
    const element = document.createElement('video')
    Object.defineProperty(element, 'duration', { value: 900 })
    const { manager } = await attached(
      {
        kind: 'breaks',
        breaks: [120, 420].map((at) => ({ offset: at, tagUrl: `http://t/m?${at}` })),
      },
      deps,
      element,
    )
    await contentAt(element, 100)
    manager.emit('ad-break-started')
    await contentAt(element, 400)
    expect(asked).toEqual(['http://t/m?120'])
    manager.emit('ad-break-ended')
    // The content back where it stopped: nothing was crossed, the next break is far.
    await contentAt(element, 120)
    expect(asked).toEqual(['http://t/m?120'])
    await contentAt(element, 395)
    expect(asked).toEqual(['http://t/m?120', 'http://t/m?420'])
  })

  test("every tag asked fills its break's macros: the VMAP's AdTagURI and a wrapper's VASTAdTagURI", async () => {
    const macros =
      'cb=[CACHEBUSTING]&amp;cph=[CONTENTPLAYHEAD]&amp;bp=[BREAKPOSITION]&amp;s=[SEGMENTS]'
    const tag = (name: string) =>
      `<vmap:AdSource><vmap:AdTagURI>http://t/${name}?${macros}</vmap:AdTagURI></vmap:AdSource>`
    const filled = (name: string, cph: string, bp: number) =>
      `http://t/${name}?cb=25000000&cph=${encodeURIComponent(cph)}&bp=${bp}&s=g-drama`
    const wrapper = `<VAST version="4.0"><Ad id="w"><Wrapper>
      <VASTAdTagURI>http://t/inner?${macros}</VASTAdTagURI></Wrapper></Ad></VAST>`
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="start" breakType="linear">${tag('pre')}</vmap:AdBreak>
        <vmap:AdBreak timeOffset="00:00:30" breakType="linear">${tag('mid')}</vmap:AdBreak>
        <vmap:AdBreak timeOffset="end" breakType="linear">${tag('post')}</vmap:AdBreak>
      </vmap:VMAP>`,
      [filled('pre', '00:00:00.000', 1)]: `<VAST version="4.0">${inline('a', 1)}</VAST>`,
      [filled('mid', '00:00:30.000', 2)]: wrapper,
      [filled('inner', '00:00:30.000', 2)]: `<VAST version="4.0">${inline('c', 1)}</VAST>`,
      // A post-roll's content playhead is the content's end, once the content has loaded.
      [filled('post', '00:01:00.000', 3)]: `<VAST version="4.0">${inline('d', 1)}</VAST>`,
    }
    const asked: string[] = []
    const deps = pageDeps(pages)
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 60 })
    const { manager } = await attached(
      {
        kind: 'vmap',
        url: 'http://t/vmap',
        segments: ['g-drama'],
      },
      {
        ...deps,
        fetchText: (url, signal) => {
          asked.push(url)
          return deps.fetchText(url, signal)
        },
      },
      video,
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked.filter((url) => url.includes('['))).toEqual([])
    expect(manager.interstitials.map((i) => i.id).sort()).toEqual([
      'break-30-1',
      'break-end-1',
      'break-start-1',
    ])
  })

  test("a post-roll's beacons say the content's end, once the content has loaded", async () => {
    const beacons: string[] = []
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="end" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://t/post</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      </vmap:VMAP>`,
      'http://t/post': `<VAST version="4.0"><Ad id="p"><InLine>
        <Impression>http://b/imp?cp=[CONTENTPLAYHEAD]&amp;bp=[BREAKPOSITION]</Impression>
        <Creatives><Creative><Linear><Duration>00:00:10</Duration>
        <MediaFiles><MediaFile type="video/mp4">http://b/p.mp4</MediaFile></MediaFiles>
        </Linear></Creative></Creatives></InLine></Ad></VAST>`,
    }
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 95.5 })
    const { manager } = await attached(
      { kind: 'vmap', url: 'http://t/vmap' },
      pageDeps(pages, beacons),
      video,
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    manager.emit('ad-started', 'break-end-1', 9)
    frame(video, 0.5)
    expect(beacons).toEqual(['imp?cp=00%3A01%3A35.500&bp=3'])
  })

  test("[ASSETURI] is the media's absolute URL, a relative one read against the app's page", async () => {
    const beacons: string[] = []
    const pages: Record<string, string> = {
      'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
        <vmap:AdBreak timeOffset="00:00:20" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://t/mid</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      </vmap:VMAP>`,
      'http://t/mid': `<VAST version="4.0"><Ad id="r"><InLine>
        <Impression>http://b/imp?u=[ASSETURI]</Impression>
        <Creatives><Creative><Linear><Duration>00:00:10</Duration>
        <MediaFiles><MediaFile type="video/mp4">/ads/creatives/r.mp4</MediaFile></MediaFiles>
        </Linear></Creative></Creatives></InLine></Ad></VAST>`,
    }
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 60 })
    const { manager } = await attached(
      { kind: 'vmap', url: 'http://t/vmap' },
      { ...pageDeps(pages, beacons), baseUrl: 'https://app.example.be/tv/index.html' },
      video,
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
    manager.emit('ad-started', 'break-20-1', 9)
    frame(video, 0.5)
    expect(beacons).toEqual([
      `imp?u=${encodeURIComponent('https://app.example.be/ads/creatives/r.mp4')}`,
    ])
  })
})

describe("ShakaAds: a VMAP break's own tracking (VMAP 1.0.1)", () => {
  const tracking = (name: string, prefix = 'vmap:') =>
    `<${prefix}TrackingEvents>${['breakStart', 'breakEnd', 'error']
      .map(
        (event) =>
          `<${prefix}Tracking event="${event}"><![CDATA[ http://b/${event}?b=${name}&c=[ERRORCODE]&bp=[BREAKPOSITION]&cp=[CONTENTPLAYHEAD]&ap=[ADPLAYHEAD]&cb=[CACHEBUSTING] ]]></${prefix}Tracking>`,
      )
      .join('')}</${prefix}TrackingEvents>`
  const adBreak = (offset: string, name: string, tag: string) =>
    `<vmap:AdBreak timeOffset="${offset}" breakType="linear" breakId="${name}">
      <vmap:AdSource><vmap:AdTagURI>${tag}</vmap:AdTagURI></vmap:AdSource>${tracking(name)}
    </vmap:AdBreak>`
  const pages: Record<string, string> = {
    'http://t/vmap': `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      ${adBreak('start', 'pre', 'http://t/pre')}
      ${adBreak('00:00:30', 'mid', 'http://t/missing')}
      <AdBreak xmlns="http://www.iab.net/videosuite/vmap" timeOffset="00:00:40" breakId="late">
        <AdSource><AdTagURI>http://t/late</AdTagURI></AdSource>${tracking('late', '')}
      </AdBreak>
      ${adBreak('end', 'post', 'http://t/empty')}
    </vmap:VMAP>`,
    'http://t/pre': `<VAST version="4.0">${inline('a', 1)}${inline('b', 2)}</VAST>`,
    'http://t/late': `<VAST version="4.0">${inline('l', 1)}</VAST>`,
    'http://t/empty': '<VAST version="4.0"></VAST>',
  }
  const filled = (event: string, name: string, code: string, bp: number, cp: string) =>
    `${event}?b=${name}&c=${code}&bp=${bp}&cp=${encodeURIComponent(cp)}&ap=-1&cb=25000000`

  async function vmapSetup() {
    const beacons: string[] = []
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 60 })
    const { manager } = await attached(
      { kind: 'vmap', url: 'http://t/vmap' },
      pageDeps(pages, beacons),
      video,
    )
    await contentAt(video, 15)
    return { manager, beacons, video }
  }

  test('a break whose tag fails or gives no ad reports its error once, with the VAST code', async () => {
    const { beacons } = await vmapSetup()
    // The mid-roll's tag answers 404 (301); the post-roll's VAST has no ad (303).
    expect(beacons.sort()).toEqual([
      filled('error', 'mid', '301', 2, '00:00:30.000'),
      filled('error', 'post', '303', 3, '00:01:00.000'),
    ])
  })

  test('breakStart as the first ad of the break starts, breakEnd as it ends, each once', async () => {
    const { manager, beacons, video } = await vmapSetup()
    beacons.splice(0)
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-start-1')
    frame(video)
    manager.emit('ad-started', 'break-start-2')
    manager.emit('ad-break-ended')
    manager.emit('ad-break-ended')
    // A break written without the vmap: prefix is told too.
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-40-1')
    manager.emit('ad-error')
    manager.emit('ad-break-ended')
    const breakBeacons = beacons.filter((url) => /^(break(Start|End)|error)\?b=/.test(url))
    expect(breakBeacons).toEqual([
      filled('breakStart', 'pre', '-1', 1, '00:00:00.000'),
      filled('breakEnd', 'pre', '-1', 1, '00:00:00.000'),
      filled('breakStart', 'late', '-1', 2, '00:00:40.000'),
      // Its only ad failed (405): the break did not play, and says so before its end.
      filled('error', 'late', '405', 2, '00:00:40.000'),
      filled('breakEnd', 'late', '-1', 2, '00:00:40.000'),
    ])
    // Sent before the ad's own impression; the break's error URLs heard nothing (its tag gave ads).
    expect(beacons.indexOf(breakBeacons[0]!)).toBeLessThan(
      beacons.indexOf('impression?ad=a&cb=25000000'),
    )
    expect(beacons.filter((url) => url.startsWith('error?b=pre'))).toEqual([])
  })

  test("a break whose ads all failed waits for the last one's code, found after its end", async () => {
    const beacons: string[] = []
    const video = document.createElement('video')
    Object.defineProperty(video, 'duration', { value: 60 })
    const deps = { ...pageDeps(pages, beacons), mediaStatus: () => Promise.resolve(404) }
    const { manager } = await attached({ kind: 'vmap', url: 'http://t/vmap' }, deps, video)
    await contentAt(video, 15)
    beacons.splice(0)
    manager.emit('ad-break-started')
    manager.emit('ad-started', 'break-40-1')
    // The element's own error: the app asks the server whether the file is there (404: 401).
    const failed = new Event('ad-error') as Event & { originalEvent?: unknown }
    failed.originalEvent = { code: 3016 }
    manager.dispatchEvent(failed)
    manager.emit('ad-break-ended')
    expect(beacons.filter((url) => url.startsWith('error?b=late'))).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(beacons.filter((url) => /^(break(Start|End)|error)\?b=/.test(url))).toEqual([
      filled('breakStart', 'late', '-1', 2, '00:00:40.000'),
      filled('breakEnd', 'late', '-1', 2, '00:00:40.000'),
      filled('error', 'late', '401', 2, '00:00:40.000'),
    ])
  })
})
