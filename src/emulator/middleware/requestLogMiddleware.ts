import { HEADERS } from '../../core/protocol/constants'
import { isDroppedConnection } from '../droppedConnection'
import type { EmulatorMiddleware } from '../honoEnv'
import type { RequestLog } from '../requestLog'
import { DEV_PREFIX } from '../routes/devRoutes'

/** Logs every handled request but the dev routes' (by the path the router sees); 0 when dropped by a fault. */
export function requestLogMiddleware(log: RequestLog): EmulatorMiddleware {
  return async (c, next) => {
    const path = c.req.path
    if (path.startsWith(DEV_PREFIX)) return next()
    const session = c.req.header(HEADERS.session) ?? null
    try {
      await next()
    } catch (error) {
      // A drop fault is an answer of sorts (logged as 0); a caller that gave up during an
      // injected delay was never handled, so it is not logged.
      if (isDroppedConnection(error)) log.add(c.req.method, path, 0, session)
      throw error
    }
    log.add(c.req.method, path, c.res.status, session)
  }
}
