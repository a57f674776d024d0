import { readFile } from 'node:fs/promises'
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { storybookUrl } from '../../../scripts/storybookUrl'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
}

export interface StaticServerOptions {
  /**
   * Paths starting with `prefix` are forwarded to `target` with the browser's own headers (Host
   * included), as Storybook's dev-server proxy does under `npm start`: the app's back-end on the
   * page's own origin.
   */
  proxy?: { prefix: string; target: string }
}

export interface StaticServer {
  /** `http://localhost:<port>/`, the form `npm start` prints. */
  url: string
  /** Headers of every proxied request, oldest first: what the back-end's CSRF check saw. */
  proxied: Array<{ method: string; path: string; headers: IncomingHttpHeaders }>
  close(): Promise<void>
}

/** Serves a static Storybook build on 127.0.0.1 (random port), the way any static host would. */
export async function serveStatic(root: string, { proxy }: StaticServerOptions = {}): Promise<StaticServer> {
  const proxied: StaticServer['proxied'] = []
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    if (proxy && path.startsWith(proxy.prefix)) {
      proxied.push({ method: request.method ?? '', path, headers: request.headers })
      forward(request, response, proxy.target)
      return
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path))
    if (!file.startsWith(root + sep) && file !== root) {
      response.writeHead(403).end()
      return
    }
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
    } catch {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: storybookUrl(port),
    proxied,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** Streams one request to `target` unchanged (method, path, headers, body) and its answer back. */
function forward(request: IncomingMessage, response: ServerResponse, target: string): void {
  const upstream = httpRequest(
    new URL(request.url ?? '/', target),
    { method: request.method, headers: request.headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    },
  )
  upstream.on('error', () => response.writeHead(502).end('back-end unreachable'))
  request.pipe(upstream)
}
