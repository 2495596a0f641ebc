/**
 * Runs scripts/lib/server.mjs (an ES module jest cannot load in CommonJS tests) in a child Node
 * process on 127.0.0.1 and a free port. The child exits when its stdin closes, so it goes away with
 * the process that started it even if that one crashes; `stop()` ends it at once.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EXIT_WITH_PARENT, stopChildProcess } from './stopChildProcess'

export interface ServerOptions {
  buildDir: string
  mediaDir?: string
  latencyMs?: number
}

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  stop(): Promise<void>
}

const SERVER_MODULE = pathToFileURL(path.resolve(__dirname, '../../scripts/lib/server.mjs')).href

const CHILD_CODE = `
  import { startServer } from ${JSON.stringify(SERVER_MODULE)}
  const options = JSON.parse(process.argv[1])
  const server = await startServer({ ...options, port: 0, host: '127.0.0.1' })
  process.stdout.write(JSON.stringify({ url: server.url, port: server.port }) + '\\n')
  ${EXIT_WITH_PARENT}
`

export function startServerProcess(
  options: ServerOptions,
  timeoutMs = 10_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_CODE, JSON.stringify(options)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )

  const stop = () => stopChildProcess(child)

  return new Promise((resolve, reject) => {
    let buffer = ''
    const fail = (error: Error) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    const timer = setTimeout(
      () => fail(new Error(`the app server did not start within ${timeoutMs} ms`)),
      timeoutMs,
    )
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const newline = buffer.indexOf('\n')
      if (newline < 0) return
      clearTimeout(timer)
      const { url, port } = JSON.parse(buffer.slice(0, newline)) as { url: string; port: number }
      child.removeAllListeners('exit')
      resolve({ url, port, child, stop })
    })
    child.once('error', fail)
    child.once('exit', (code) =>
      fail(new Error(`the app server exited (code ${code}) before it was ready`)),
    )
  })
}
