import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request exactly as it arrived on the socket. */
export interface CapturedRequest {
  method: string
  path: string
  /** Header names as sent (raw case) with their values, in wire order. */
  rawHeaders: Array<[string, string]>
  /** Lower-cased header map. */
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** How to answer: a status and JSON-able body (or raw text), or break the connection. */
export type Reply = { status: number; json?: unknown; text?: string; delayMs?: number } | 'drop' | 'hang'

/**
 * A tiny node:http server on 127.0.0.1:0 that records every request's wire bytes and answers
 * from a script (`reply` per request). Used to pin down paths, headers and body bytes, and to
 * produce every status/failure the client must map.
 */
export async function startCaptureServer(reply: (request: CapturedRequest, index: number) => Reply) {
  const requests: CapturedRequest[] = []
  const hanging = new Set<ServerResponse>()
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const rawHeaders: Array<[string, string]> = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!])
      const captured: CapturedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(captured)
      const answer = reply(captured, requests.length - 1)
      if (answer === 'drop') return void req.socket.destroy()
      if (answer === 'hang') return void hanging.add(res)
      const send = () => {
        res.writeHead(answer.status, { 'Content-Type': 'application/json' })
        res.end(answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json)))
      }
      if (answer.delayMs) setTimeout(send, answer.delayMs)
      else send()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    async close() {
      for (const res of hanging) res.socket?.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export type CaptureServer = Awaited<ReturnType<typeof startCaptureServer>>

/** Answers every request with `status` and `body` as JSON. */
export const json = (status: number, body: unknown) => (): Reply => ({ status, json: body })
