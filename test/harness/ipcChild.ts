import type { ChildProcess } from 'node:child_process'

type Answer = { id?: number } & Record<string, unknown>

/**
 * Questions to a server run in a child process with an IPC channel: each message gets a fresh
 * id and the promise resolves with the answer carrying that id (by default its `reply` field),
 * so answers arriving out of order reach the right caller.
 */
export function ipcAsker(
  child: ChildProcess,
  pick: (answer: Answer) => unknown = (answer) => answer.reply,
): <T>(message: Record<string, unknown>) => Promise<T> {
  let nextId = 0
  return <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return
        child.off('message', onMessage)
        resolve(pick(answer) as T)
      }
      child.on('message', onMessage)
      child.send({ ...message, id }, (error) => error && reject(error))
    })
}

/**
 * The first message of a child that says where it listens; rejects, naming `what`, when the child
 * exits first or takes longer than `timeoutMs` (then it is killed).
 */
export function firstMessage<M>(child: ChildProcess, what: string, timeoutMs: number): Promise<M> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the ${what} did not start within ${timeoutMs} ms`))
    }, timeoutMs)
    child.once('message', (message: M) => {
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve(message)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the ${what} exited (code ${code}) before it was ready`))
    })
  })
}
