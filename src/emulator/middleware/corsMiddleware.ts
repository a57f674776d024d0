import { withCors } from '../cors'
import type { EmulatorMiddleware } from '../honoEnv'

/**
 * Adds `Access-Control-Allow-Origin` to answers for browsers (they always send Origin on these
 * requests): the dev-route guard's choice when it made one, else the configured corsOrigin.
 */
export function corsMiddleware(corsOrigin: string): EmulatorMiddleware {
  return async (c, next) => {
    await next()
    if (c.req.header('origin') === undefined) return
    const chosen = c.get('corsOrigin')
    const origin = chosen === undefined ? corsOrigin : chosen
    if (origin !== null) c.res = withCors(c.res, origin)
  }
}
