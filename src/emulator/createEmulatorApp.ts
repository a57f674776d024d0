import { Hono } from 'hono'
import type { CommitQueue } from './commitQueue'
import { preflightResponse } from './cors'
import type { DevRouteRules } from './devRouteAccess'
import { isDroppedConnection } from './droppedConnection'
import type { Endpoint } from './endpoints'
import type { FaultInjector } from './faultInjector'
import type { EmulatorHonoEnv, EmulatorMiddleware } from './honoEnv'
import { DETAILS, HttpError, jsonResponse } from './httpError'
import { corsMiddleware } from './middleware/corsMiddleware'
import { devGuard } from './middleware/devGuard'
import { durabilityMiddleware } from './middleware/durabilityMiddleware'
import { faultMiddleware } from './middleware/faultMiddleware'
import { requestLogMiddleware } from './middleware/requestLogMiddleware'
import type { RequestLog } from './requestLog'

export interface AppParts {
  endpoints: Endpoint[]
  rules: DevRouteRules
  faults: FaultInjector
  log: RequestLog
  commits: () => CommitQueue | undefined
  /** Runs before each SSKS call (collects expired sessions), inside its durability window. */
  beforeCall: () => void
}

/**
 * The Hono app: one route per row of the endpoint table, with the row's middleware in front of
 * its handler (dev guard for dev routes; faults, durability and housekeeping for SSKS calls),
 * a preflight and a 405 per path, and the request log and CORS around everything. Every
 * failure answers DRF-style JSON.
 */
export function createEmulatorApp({
  endpoints,
  rules,
  faults,
  log,
  commits,
  beforeCall,
}: AppParts): Hono<EmulatorHonoEnv> {
  const app = new Hono<EmulatorHonoEnv>()
  app.use(requestLogMiddleware(log))
  app.use(corsMiddleware(rules.corsOrigin))
  const durable = durabilityMiddleware(commits)
  const housekeeping: EmulatorMiddleware = async (_c, next) => {
    beforeCall()
    await next()
  }

  // Hono's typed overloads do not take a spread of middleware; the chain is typed per element.
  const on = app.on.bind(app) as unknown as (method: string, path: string, ...handlers: EmulatorMiddleware[]) => void
  const paths = new Map<string, Endpoint[]>()
  for (const endpoint of endpoints) paths.set(endpoint.path, [...(paths.get(endpoint.path) ?? []), endpoint])
  for (const [path, rows] of paths) {
    const dev = rows.some((row) => row.dev !== undefined)
    // A preflight has no body and always an Origin: the read rule (host, origin) decides it.
    const guard = (mutating: boolean): EmulatorMiddleware[] => (dev ? [devGuard(mutating, rules)] : [])
    for (const row of rows) {
      const chain = row.fault
        ? [faultMiddleware(row.fault, faults), durable, housekeeping]
        : [...guard(row.dev === 'write'), durable]
      on(row.method, path, ...chain, async (c) => row.handle(c))
    }
    on('OPTIONS', path, ...guard(false), async (c) => preflightResponse(c.req.raw, rules.corsOrigin))
    const notAllowed: EmulatorMiddleware = async (c) =>
      jsonResponse(405, { detail: `Method "${c.req.method.slice(0, 20)}" not allowed.` })
    on('ALL', path, ...guard(false), notAllowed)
  }
  // Any other path answers a preflight (browsers ask before learning it is a 404).
  app.options('*', (c) => preflightResponse(c.req.raw, rules.corsOrigin))
  app.notFound(() => jsonResponse(404, { detail: DETAILS.notFound }))
  app.onError((error, c) => {
    if (error instanceof HttpError) return error.toResponse()
    // A `drop` fault, or a caller that gave up during an injected delay: the in-process caller
    // gets the rejection fetch would give, the server cuts or drops the connection.
    if (isDroppedConnection(error) || c.req.raw.signal.aborted) throw error
    // Not reachable from any input we know of (the fuzz tests check); say so instead of hiding it.
    console.error('[ssks-emulator] unexpected error', error)
    return jsonResponse(500, { detail: 'Internal emulator error.' })
  })
  return app
}
