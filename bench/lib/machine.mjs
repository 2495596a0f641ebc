// What the figures were measured on, for the report.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'

function cpuModel() {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8')
    return /^model name\s*:\s*(.+)$/m.exec(info)?.[1].trim() ?? os.cpus()[0]?.model ?? 'unknown'
  } catch {
    return os.cpus()[0]?.model ?? 'unknown'
  }
}

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    const pretty = /^PRETTY_NAME="?([^"\n]+)"?/m.exec(release)?.[1]
    if (pretty) return `${pretty}, Linux ${os.release()}`
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()}`
}

export function machineInfo() {
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: cpuModel(),
    memoryGB: Math.round(os.totalmem() / 1e9),
    os: osName(),
    node: process.version,
  }
}

export function gitInfo(root) {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    return { commit, dirty: status.trim().length > 0 }
  } catch {
    return { commit: null, dirty: false }
  }
}

/**
 * CPU accounting to tell how busy the machine was with other work during a benchmark: all CPUs'
 * busy time (/proc/stat) and this process's own time including its reaped children. Linux only;
 * null elsewhere.
 */
export function cpuAccount() {
  try {
    const total = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number)
    const [user, nice, system, , , irq, softirq, steal] = total
    const self = readFileSync('/proc/self/stat', 'utf8')
    const fields = self
      .slice(self.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    // fields[0] is field 3 (state) of proc(5): utime..cstime are fields 14-17.
    const ours = fields[11] + fields[12] + fields[13] + fields[14]
    return { at: Date.now(), busy: user + nice + system + irq + softirq + (steal || 0), ours }
  } catch {
    return null
  }
}

/**
 * Share (0-1) of all CPUs used by other processes between two cpuAccount() readings, given the
 * CPU seconds our browser used in between (its processes are not our reaped children).
 */
export function otherCpuShare(a, b, cpus, browserSeconds = 0) {
  if (!a || !b || b.at <= a.at) return null
  const ticksPerSecond = 100
  const capacity = ((b.at - a.at) / 1000) * ticksPerSecond * cpus
  const others = b.busy - a.busy - (b.ours - a.ours) - browserSeconds * ticksPerSecond
  return Math.max(0, Math.min(1, others / capacity))
}
