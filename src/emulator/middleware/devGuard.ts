import { devRouteVerdict, type DevRouteRules } from '../devRouteAccess'
import type { EmulatorMiddleware } from '../honoEnv'
import { jsonResponse } from '../httpError'

/** Runs before every dev route (and its preflight): refuses with 403 and no CORS header, or lets it through. */
export function devGuard(mutating: boolean, rules: DevRouteRules): EmulatorMiddleware {
  return async (c, next) => {
    const verdict = devRouteVerdict(c.req.raw, mutating, rules)
    if (!verdict.allowed) {
      c.set('corsOrigin', null)
      return jsonResponse(403, { detail: verdict.reason })
    }
    c.set('corsOrigin', verdict.corsOrigin)
    await next()
  }
}
