import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener, RequestError } from '@hono/node-server'
import { buildEmulator } from './createEmulator'
import { createFileStorage } from './createFileStorage'
import { isDroppedConnection } from './droppedConnection'
import { jsonResponse } from './httpError'
import type { RunningEmulator, StartEmulatorOptions } from './types'

/**
 * Starts the emulator as an HTTP server (127.0.0.1 and a free port by default). Resolves once it
 * listens; `close()` also ends keep-alive connections, so tests never hang on shutdown.
 * With `dataFile`, state is loaded from and saved to that JSON file (an unreadable file rejects).
 */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', dataFile, ...rest } = options
  const storage = rest.storage ?? (dataFile ? createFileStorage(dataFile) : undefined)
  // The interface it listens on is a name the developer chose: the dev routes answer under it.
  const devHosts = [
    ...(rest.devHosts ?? []),
    ...(WILDCARD_HOSTS.includes(host) ? [] : [host.includes(':') ? `[${host}]` : host]),
  ]
  const { emulator, saved } = buildEmulator({ ...rest, storage, devHosts })
  await saved()

  const listener = getRequestListener(
    async (request, env) => {
      try {
        return await emulator.fetch(request)
      } catch (error) {
        // A `drop` fault: cut the TCP connection so the client sees a network error.
        if (isDroppedConnection(error)) env.incoming.socket?.destroy()
        throw error
      }
    },
    {
      errorHandler: (error) => {
        if (isDroppedConnection(error)) return undefined
        // The request line or Host could not make a URL (`* HTTP/1.1`, `Host: a b`, ...): the client's fault.
        if (error instanceof RequestError) return jsonResponse(400, { detail: 'Bad request line or Host header.' })
        // The client aborted during an injected delay, or something unexpected: answer if still possible.
        return jsonResponse(500, { detail: 'Internal emulator error.' })
      },
    },
  )
  const server = createServer(listener)
  await listen(server, port, host)
  const address = server.address() as AddressInfo
  const urlHost = address.address.includes(':') ? `[${address.address}]` : address.address

  return {
    ...emulator,
    url: `http://${urlHost}:${address.port}/`,
    port: address.port,
    close: () => closeServer(server),
  }
}

const WILDCARD_HOSTS = ['0.0.0.0', '::', '']

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve()
    server.close((error) => (error ? reject(error) : resolve()))
    server.closeAllConnections()
  })
}
