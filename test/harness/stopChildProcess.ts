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

/**
 * The child side, as source for a `node -e` child that has a `server` with close(): it closes the
 * server and exits when the parent closes its stdin, goes away, or sends SIGTERM/SIGINT.
 */
export const EXIT_WITH_PARENT = `
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().finally(() => process.exit(0))
  }
  process.stdin.on('end', stop)
  process.stdin.on('close', stop)
  process.stdin.resume()
  for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, stop)
  process.on('disconnect', stop)
`
