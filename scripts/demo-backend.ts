/**
 * The demo app's back-end over HTTP on 127.0.0.1, for `npm start` and the end-to-end tests.
 * The routes themselves are in stories/live/createDemoBackend.ts (shared with the in-page mode).
 */
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { createDemoBackend, type DemoBackendOptions } from '../stories/live/createDemoBackend'

export interface StartDemoBackendOptions extends DemoBackendOptions {
  /** Default 0: a free port chosen by the system. */
  port?: number
  host?: string
}

export interface RunningDemoBackend {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string
  close(): Promise<void>
}

/** Starts the demo back-end; resolves once it listens. */
export async function startDemoBackend({
  port = 0,
  host = '127.0.0.1',
  ...options
}: StartDemoBackendOptions): Promise<RunningDemoBackend> {
  const handler = createDemoBackend(options)
  const server = createAdaptorServer({ fetch: handler, hostname: host })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from browsers would hold close() open forever.
        if ('closeAllConnections' in server) server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
