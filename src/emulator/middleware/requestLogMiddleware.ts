import { HEADERS } from '../../core/protocol/constants'
import type { EmulatorMiddleware } from '../honoEnv'
import type { RequestLog } from '../requestLog'
import { DEV_PREFIX } from '../routes/devRoutes'

/** Logs every request but the dev routes' (by the path the router sees); 0 when dropped by a fault. */
export function requestLogMiddleware(log: RequestLog): EmulatorMiddleware {
  return async (c, next) => {
    const path = c.req.path
    if (path.startsWith(DEV_PREFIX)) return next()
    const session = c.req.header(HEADERS.session) ?? null
    try {
      await next()
    } catch (error) {
      log.add(c.req.method, path, 0, session)
      throw error
    }
    log.add(c.req.method, path, c.res.status, session)
  }
}
