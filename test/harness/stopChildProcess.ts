/**
 * Ends a child process the tests started with a pipe on its stdin (the app server, the catalogue
 * server, the live generator): each one shuts down cleanly when its stdin closes or on SIGTERM,
 * and is killed if it is still there after `graceMs`, so a stuck child cannot hang jest.
 *
 *   await stopChildProcess(child)   // resolves once it has exited; at once if it already has
 */
import type { ChildProcess } from 'node:child_process'

export function stopChildProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.stdin?.end()
    child.kill('SIGTERM')
  })
}
