import { HEADERS } from '../core/protocol/constants'

/** Headers browsers may send: the SSKS ones (apikey too, for in-browser demo back-ends) and Go's extras. */
const ALLOWED_HEADERS = [
  'Content-Type',
  'Accept',
  HEADERS.appId,
  HEADERS.apiKey,
  HEADERS.session,
  HEADERS.version,
  'X-HDR-Method',
]
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/**
 * The answer to a CORS preflight. Requested header names are echoed (when they are valid tokens)
 * on top of the SSKS list, so an app that adds its own header (tracing, ...) still passes.
 */
export function preflightResponse(request: Request, origin: string): Response {
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.length <= 100 && HEADER_NAME.test(name))
  const known = new Set(ALLOWED_HEADERS.map((name) => name.toLowerCase()))
  const allowed = [...ALLOWED_HEADERS, ...new Set(requested.filter((name) => !known.has(name.toLowerCase())))]
  const response = new Response(null, { status: 204 })
  response.headers.set('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
  response.headers.set('Access-Control-Allow-Headers', allowed.join(', '))
  response.headers.set('Access-Control-Max-Age', '600')
  response.headers.set('Vary', 'Access-Control-Request-Headers')
  return withCors(response, origin)
}

/** Adds the origin header; nothing is exposed beyond the CORS-safelisted response headers. */
export function withCors(response: Response, origin: string): Response {
  let target = response
  try {
    target.headers.set('Access-Control-Allow-Origin', origin)
  } catch {
    // Headers of some responses are immutable: copy into a new one.
    target = new Response(response.body, response)
    target.headers.set('Access-Control-Allow-Origin', origin)
  }
  // An echoed origin varies by request: tell caches.
  if (origin !== '*') target.headers.append('Vary', 'Origin')
  return target
}
