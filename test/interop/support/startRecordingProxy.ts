import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  /** Header names in wire order, as sent (case kept). */
  headerNames: string[]
  headers: Record<string, string>
  body: string
}

/**
 * A node:http proxy on 127.0.0.1:0 that records exactly what a client put on the wire (header
 * names and order, body bytes) and forwards the request to `target` (the emulator).
 */
export async function startRecordingProxy(target: string) {
  const recorded: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const headers: Record<string, string> = {}
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers[req.rawHeaders[i]!.toLowerCase()] = req.rawHeaders[i + 1]!
      recorded.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headerNames: req.rawHeaders.filter((_, i) => i % 2 === 0),
        headers,
        body,
      })
      const forwarded = Object.fromEntries(
        Object.entries(headers).filter(
          ([name]) => !['host', 'connection', 'content-length', 'accept-encoding'].includes(name),
        ),
      )
      const answer = await fetch(new URL(req.url ?? '/', target), {
        method: req.method,
        headers: forwarded,
        body: req.method === 'POST' ? body : undefined,
      })
      const text = await answer.text()
      res
        .writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' })
        .end(text)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
