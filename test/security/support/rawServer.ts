import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RawRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
  body: string
}

/**
 * A node:http server on 127.0.0.1:0 that hands each request, body read, to `handle` with the raw
 * response: for answers the scripted servers cannot give (redirects, bodies that trickle or never
 * end, HTML). Records every request; `close()` cuts open connections.
 */
export async function startRawServer(handle: (request: RawRequest, response: ServerResponse) => void) {
  const requests: RawRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(request)
      handle(request, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type RawServer = Awaited<ReturnType<typeof startRawServer>>
