// Command-line options of `npm run bench` (see bench/README-section.md).

export const USAGE = `usage: npm run bench -- [options]
  --runs N          measured runs (default 3; 1 with --smoke)
  --cpu N           CPU throttling rate applied to the page (default 4 = four times slower)
  --presses N       key presses for key-to-frame (default 20, at least 20; 5 with --smoke)
  --hold D          how long a key is held for the per-frame JS figure (default 10s; 3s with --smoke)
  --nav D           scripted navigation before the memory figures (default 2m; 10s with --smoke)
  --scale-nav D     the same for the 10,000-title catalogue (default 30s; 5s with --smoke)
  --memory-runs N   runs that also do the long navigation for the memory figures (default 1)
  --scale-count N   titles in the scale catalogue (default 10000; 2000 with --smoke)
  --scale-page-size N  titles per page of the catalogue server in the scale run (default 50)
  --zaps N          live channel changes timed (default 6; 2 with --smoke)
  --playback-soak D one film played for D, JS heap at 1 min and at D (default 10m; with --smoke
                    12s, first reading at 4s)
  --no-playback-soak  skip the long playback
  --no-live         skip the live zap figure (it needs ffmpeg for the live generator)
  --no-scale        skip the scale run
  --weak-cpu N      CPU throttling of the weak-box pair: normal and lite mode side by side (default 6)
  --no-weak         skip the weak-box pair
  --no-weak-es5     skip the es5 release bundle at the weak-box throttle (measured by default with
                    --target es6 outside --smoke: the package an operator puts on its oldest boxes)
  --peer URL|DIR    also measure another built app (a URL, or a folder served here) the same way,
                    black-box, interleaved with this app's sessions; the report adds ratios
  --no-playback     skip the playback figures (also live and the long playback)
  --smoke           one short run that only proves the benchmark works (CI)
  --soak [D]        soak mode: navigate and play for D (default 30m; e.g. 2m, 90s), memory sampled over time
  --heap-snapshots  soak: heap snapshots after cycles 1 and 2 and at the end, compared (what grew, what holds it)
  --sample D        soak sampling interval (default: duration / 60, at least 10s)
  --film-memory [D] film-memory mode: one long film for D (default 30m) in four contexts side by
                    side (the app and a bare Shaka page, the film in many Periods and in one),
                    renderer memory read every minute (--sample D to change; --cpu N, default x1)
  --target es6|es5  which production bundle to build and measure (default es6)
  --skip-build      reuse the last production build in bench/.work
  --out DIR         where results go (default bench/results)
  --headed          show the browser (debugging; figures are not comparable)
  --help`

export class UsageError extends Error {}

/** Parses "30m", "2m", "90s", "1h", "1500ms" or a bare number of seconds into milliseconds. */
export function parseDuration(text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|min|h)?$/.exec(String(text).trim())
  if (!match) throw new UsageError(`not a duration: ${text} (use e.g. 30m, 90s)`)
  const n = Number(match[1])
  const unit = match[2] ?? 's'
  const factor = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[unit]
  return Math.round(n * factor)
}

function positiveInt(name, text) {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${name} needs a positive integer, got ${text}`)
  return n
}

/** The long playback's two readings: 1 min and D (smoke: 4 s and 12 s); 0 when skipped. */
function longPlayback(smoke, duration, flags) {
  if (flags.has('no-playback') || flags.has('no-playback-soak'))
    return { longPlayMs: 0, longPlayEarlyMs: 0 }
  const longPlayMs = duration ?? (smoke ? 12_000 : 600_000)
  const early = smoke && duration === undefined ? 4_000 : 60_000
  return { longPlayMs, longPlayEarlyMs: Math.min(early, Math.round(longPlayMs / 2)) }
}

export function parseArgs(argv) {
  const given = {}
  const flags = new Set()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument ${arg}\n${USAGE}`)
    const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined]
    const valueOf = () => {
      const v = inline ?? argv[++i]
      if (v === undefined || (inline === undefined && v.startsWith('--')))
        throw new UsageError(`${name} needs a value`)
      return v
    }
    switch (name) {
      case '--runs':
      case '--cpu':
      case '--presses':
      case '--memory-runs':
      case '--scale-count':
      case '--scale-page-size':
      case '--zaps':
      case '--weak-cpu':
        given[name.slice(2)] = positiveInt(name, valueOf())
        break
      case '--soak':
        // A bare --soak means the 30 minutes the budget is defined over.
        given.soak =
          inline === undefined && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))
            ? 30 * 60_000
            : parseDuration(valueOf())
        break
      case '--film-memory':
        given.filmMemory =
          inline === undefined && (argv[i + 1] === undefined || argv[i + 1].startsWith('--'))
            ? 30 * 60_000
            : parseDuration(valueOf())
        break
      case '--hold':
      case '--nav':
      case '--scale-nav':
      case '--sample':
      case '--playback-soak':
        given[name.slice(2)] = parseDuration(valueOf())
        break
      case '--target': {
        const v = valueOf()
        if (v !== 'es6' && v !== 'es5') throw new UsageError(`--target is es6 or es5, got ${v}`)
        given.target = v
        break
      }
      case '--out':
        given.out = valueOf()
        break
      case '--peer':
        given.peer = valueOf()
        break
      case '--smoke':
      case '--skip-build':
      case '--no-scale':
      case '--no-weak':
      case '--no-weak-es5':
      case '--no-playback':
      case '--no-playback-soak':
      case '--no-live':
      case '--headed':
      case '--heap-snapshots':
      case '--help':
        flags.add(name.slice(2))
        break
      default:
        throw new UsageError(`unknown option ${arg}\n${USAGE}`)
    }
  }
  const smoke = flags.has('smoke')
  const options = {
    help: flags.has('help'),
    smoke,
    soak: given.soak ?? null,
    sample: given.sample ?? null,
    filmMemory: given.filmMemory ?? null,
    // Four pages play at once on the machine: unthrottled unless asked, memory is the figure.
    filmCpu: given.cpu ?? 1,
    runs: given.runs ?? (smoke ? 1 : 3),
    cpu: given.cpu ?? 4,
    presses: given.presses ?? (smoke ? 5 : 20),
    holdMs: given.hold ?? (smoke ? 3_000 : 10_000),
    navMs: given.nav ?? (smoke ? 10_000 : 120_000),
    scaleNavMs: given['scale-nav'] ?? (smoke ? 5_000 : 30_000),
    memoryRuns: given['memory-runs'] ?? 1,
    scaleCount: given['scale-count'] ?? (smoke ? 2_000 : 10_000),
    scale: !flags.has('no-scale'),
    weak: !flags.has('no-weak'),
    weakCpu: given['weak-cpu'] ?? 6,
    // The smoke proves each session runs once: the weak box's normal mode is the base session's
    // code at another throttle, and the 100-channel guide the operator guide's at another size.
    weakNormal: !smoke,
    guide100: !smoke,
    // The es5 package is a second release build (about two minutes), so CI's smoke leaves it out.
    weakEs5:
      !flags.has('no-weak') &&
      !flags.has('no-weak-es5') &&
      !smoke &&
      (given.target ?? 'es6') === 'es6',
    peer: given.peer ?? null,
    scalePageSize: given['scale-page-size'] ?? 50,
    playback: !flags.has('no-playback'),
    live: !flags.has('no-playback') && !flags.has('no-live'),
    zaps: given.zaps ?? (smoke ? 2 : 6),
    ...longPlayback(smoke, given['playback-soak'], flags),
    target: given.target ?? 'es6',
    skipBuild: flags.has('skip-build'),
    out: given.out ?? null,
    headed: flags.has('headed'),
    heapSnapshots: flags.has('heap-snapshots'),
  }
  if (!smoke && !given.presses) options.presses = Math.max(options.presses, 20)
  return options
}
