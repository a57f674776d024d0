import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PATHS } from '../src/core/protocol'

/**
 * The floor for the throughput ratio: node:http reading and parsing the JSON body and answering
 * the JSON SSKS would (same sizes), with no routing, checks or state.
 */
export async function startBareServer(dataB64: string) {
  const pushAnswer = JSON.stringify({ id: '7b1d5e0c-8f1e-4c54-9d0b-5b2f3c1a9e11' })
  const searchAnswer = JSON.stringify({ data_b64: dataB64, authenticated: true })
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (chunks.length) JSON.parse(Buffer.concat(chunks).toString('utf8'))
      const body = req.url === PATHS.push ? pushAnswer : searchAnswer
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
