/** Raw HTTP/1.1 over a TCP socket, so tests can send what fetch and node:http refuse to build. */
import { connect } from 'node:net'

export interface RawAnswer {
  /** 0 when the server closed without a status line. */
  status: number
  head: string
  body: string
}

/** Sends `text` as is and reads until the server closes the connection (or `timeoutMs`). */
export function rawRequest(port: number, text: string | Buffer, timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => socket.destroy(), timeoutMs)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => {
      // A reset after the answer is still an answer.
      if (chunks.length === 0 && (error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error)
    })
    socket.on('close', () => {
      clearTimeout(timer)
      const raw = Buffer.concat(chunks).toString('latin1')
      const split = raw.indexOf('\r\n\r\n')
      const head = split === -1 ? raw : raw.slice(0, split)
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head)
      resolve({ status: match ? Number(match[1]) : 0, head, body: split === -1 ? '' : raw.slice(split + 4) })
    })
    socket.end(text)
  })
}

/** A request with `Connection: close`, so the answer ends with the connection. */
export function rawGet(port: number, path: string, headers: Record<string, string>): Promise<RawAnswer> {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  return rawRequest(port, `GET ${path} HTTP/1.1\r\n${lines.join('')}Connection: close\r\n\r\n`)
}
