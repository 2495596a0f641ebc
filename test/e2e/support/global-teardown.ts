/** Stops the app server started by global-setup.ts and forgets its URL. */
import { rm } from 'node:fs/promises'
import { SERVER_INFO_FILE } from './environment'

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__belgicaE2eServer
  globalThis.__belgicaE2eServer = undefined
  await server?.stop()
  await rm(SERVER_INFO_FILE, { force: true })
}
