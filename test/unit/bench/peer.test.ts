/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(__dirname, '../../..')
const peer = JSON.stringify(pathToFileURL(path.join(ROOT, 'bench/lib/peer.mjs')).href)

interface KeyRecord {
  eventTime: number
  seenAt: number
  handledAt: number | null
}

/** The bench is ES modules jest cannot import: evaluate in a child Node process, JSON back. */
function call<T>(name: string, ...args: unknown[]): T {
  const list = args.map((arg) => JSON.stringify(arg)).join(', ')
  const out = execFileSync(process.execPath, [
    '--input-type=module',
    '-e',
    `import { ${name} } from ${peer}
     process.stdout.write(JSON.stringify(${name}(${list})))`,
  ])
  return JSON.parse(out.toString()) as T
}

const keyToFrame = (key: KeyRecord, drawnFrames: number[]) =>
  call<number | null>('peerKeyToFrame', key, drawnFrames)

describe("a peer app's settled start", () => {
  const settled = (state: {
    now: number
    lastFrameAt: number | null
    paintSeenAt: number | null
  }) => call<boolean>('peerStartSettled', { ...state, quietMs: 3000 })

  it('is not settled by the silence before the first paint (a large bundle evaluating)', () => {
    // The blank page's frame came at 0 and nothing since: 9 s of quiet, but nothing painted yet.
    expect(settled({ now: 9000, lastFrameAt: 0, paintSeenAt: null })).toBe(false)
  })

  it('counts the quiet from the paint or the last frame after it', () => {
    expect(settled({ now: 11000, lastFrameAt: 0, paintSeenAt: 9000 })).toBe(false)
    expect(settled({ now: 12000, lastFrameAt: 0, paintSeenAt: 9000 })).toBe(true)
    expect(settled({ now: 12000, lastFrameAt: 10000, paintSeenAt: 9000 })).toBe(false)
    expect(settled({ now: 13000, lastFrameAt: 10000, paintSeenAt: 9000 })).toBe(true)
  })
})

describe("a peer app's key to frame", () => {
  const key = { eventTime: 1000, seenAt: 1004, handledAt: null }

  it('ends with the first frame that drew after the key was seen', () => {
    // A frame that drew before the key (an animation ending) is not the key's frame.
    expect(keyToFrame(key, [990, 1002, 1040, 1052, 1060, 1070])).toBe(52)
  })

  it('waits for the key handlers when they are known (listeners on window)', () => {
    expect(keyToFrame({ ...key, handledAt: 1045 }, [1040, 1052, 1060, 1070])).toBe(70)
  })

  it('has no figure when nothing was drawn after the key', () => {
    expect(keyToFrame(key, [990, 1002])).toBeNull()
    expect(keyToFrame(key, [])).toBeNull()
  })
})
