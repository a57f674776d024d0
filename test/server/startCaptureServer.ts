import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface CapturedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  rawHeaderNames: string[]
  body: string
}

export type Responder = (request: CapturedRequest, response: ServerResponse) => void

/** A bare node:http server on 127.0.0.1:0 that records every request and answers with `respond`. */
export async function startCaptureServer(respond: Responder) {
  const requests: CapturedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaderNames: req.rawHeaders.filter((_, index) => index % 2 === 0),
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(captured)
      respond(captured, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const json = (status: number, body: unknown): Responder => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
}
