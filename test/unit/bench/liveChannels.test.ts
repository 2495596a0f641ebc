/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(__dirname, '../../..')
const liveChannels = JSON.stringify(
  pathToFileURL(path.join(ROOT, 'bench/lib/liveChannels.mjs')).href,
)

/** The bench is ES modules jest cannot import: evaluate in a child Node process, JSON back. */
function call<T>(name: string, ...args: unknown[]): T {
  const list = args.map((arg) => JSON.stringify(arg)).join(', ')
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { ${name} } from ${liveChannels}
       process.stdout.write(JSON.stringify(await ${name}(${list})))`,
    ],
    { cwd: ROOT, env: { ...process.env, TZ: 'Europe/Brussels' } },
  )
  return JSON.parse(out.toString()) as T
}

describe('where the benchmark starts zapping', () => {
  const ids = ['a', 'b', 'c', 'd']
  const start = (open: boolean[], zaps: number) =>
    call<{ start: number; zaps: number } | null>('zapStart', ids, open, zaps)

  it('starts on the first channel when every channel is open, and wraps round the list', () => {
    expect(start([true, true, true, true], 6)).toEqual({ start: 0, zaps: 6 })
  })

  it('skips a channel that asks for the PIN, counting on channel up wrapping', () => {
    // b..d then a: 3 zaps from b.
    expect(start([true, false, true, true], 2)).toEqual({ start: 2, zaps: 2 })
    expect(start([false, true, true, true], 3)).toEqual({ start: 1, zaps: 2 })
  })

  it('times fewer zaps when no run of open channels is long enough, and none when all ask', () => {
    expect(start([true, false, true, false], 3)).toEqual({ start: 0, zaps: 0 })
    expect(start([false, false, false, false], 3)).toBeNull()
  })
})

describe("the live channels' locks at an hour", () => {
  let dir = ''

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'belgica-live-locks-'))
    mkdirSync(path.join(dir, 'static/catalogue'), { recursive: true })
    mkdirSync(path.join(dir, 'static/guide'), { recursive: true })
    const channel = (id: string, number: number) => ({
      id,
      number,
      name: id,
      stream: { dash: `live/${id}.mpd` },
    })
    // Listed out of number order: channel up follows the numbers.
    writeFileSync(
      path.join(dir, 'static/catalogue/live.json'),
      JSON.stringify({ channels: [channel('late', 2), channel('family', 1), channel('quiet', 3)] }),
    )
    const show = (csa: string) => ({ title: { fr: 'x' }, ratings: [{ system: 'CSA', value: csa }] })
    writeFileSync(
      path.join(dir, 'static/guide/schedule.json'),
      JSON.stringify({
        version: 1,
        shows: { all: show('TP'), thriller: show('16') },
        channels: {
          family: { daily: [['00:00', 'all']] },
          late: {
            daily: [
              ['00:00', 'all'],
              ['15:00', 'thriller'],
              ['17:00', 'all'],
            ],
          },
        },
      }),
    )
    writeFileSync(
      path.join(dir, 'index.html'),
      '<script>\n  const appSettings = {"parental": {"enabled": true}}\n  const platformSettings = {}\n</script>',
    )
  })

  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const locksAt = (hour: number, minute = 0) =>
    call<{ id: string; open: boolean }[]>(
      'liveChannelLocks',
      dir,
      // 2026-12-03 in Brussels (UTC+1)
      { at: Date.UTC(2026, 11, 3, hour - 1, minute) },
    )

  it('asks the PIN for a -16 programme on air in the afternoon, in channel-number order', () => {
    expect(locksAt(15, 30)).toEqual([
      { id: 'family', open: true },
      { id: 'late', open: false },
      // No guide for a channel: nothing to rate, it plays.
      { id: 'quiet', open: true },
    ])
  })

  it('counts a programme that starts within the next minutes', () => {
    expect(locksAt(14, 58).find((c) => c.id === 'late')?.open).toBe(false)
    expect(locksAt(14, 50).find((c) => c.id === 'late')?.open).toBe(true)
  })
})
