import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FetchHandler } from './types'

/**
 * A Node request listener: what `http.createServer`, Express (`app.post(path, …)`), Connect and Fastify's raw handlers
 * take.
 */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>

type GetRequestListener = typeof import('@hono/node-server').getRequestListener
let loadListener: Promise<GetRequestListener> | undefined

/**
 * Serves a Fetch-API handler (e.g. `ssks.createSessionHandler(…)`) from a Node server: Express 5,
 * plain `node:http`, anything that calls `(req, res)`. One adapter, `@hono/node-server`'s, instead of a
 * copy per framework. Mount it before any body parser (`express.json()`), which would consume the body.
 *
 * `@hono/node-server` is loaded on the first request, so `ssks-2mr-kit/server` stays importable in
 * runtimes without `node:http` (edge functions); the process's global `Request`/`Response` are left as they are.
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  let listener: ReturnType<GetRequestListener> | undefined
  return async (request, response) => {
    if (!listener) {
      loadListener ??= import('@hono/node-server').then((module) => module.getRequestListener)
      const getRequestListener = await loadListener
      listener ??= getRequestListener(handler, { overrideGlobalObjects: false })
    }
    await listener(request, response)
  }
}
