import { PATHS } from '../core/protocol/constants'
import type { CommitQueue, CommitTicket } from './commitQueue'
import type { EmulatorContext } from './emulatorContext'
import type { EmulatorHandler } from './honoEnv'
import { devRouteHandlers } from './routes/devRoutes'
import { challengeSend } from './routes/challengeSend'
import { challengeValidate } from './routes/challengeValidate'
import { getFactorToken } from './routes/getFactorToken'
import { push } from './routes/push'
import { search } from './routes/search'
import type { Emulator, EmulatorEndpoint } from './types'

/**
 * One row per endpoint. The cross-cutting behaviour hangs off these fields (see
 * createEmulatorApp), on the same route as the handler, so a guard and the route it guards
 * always match the same (decoded) path.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE'
  path: string
  /** SSKS endpoints: the name faults target. */
  fault?: EmulatorEndpoint
  /** Dev routes: `read` or `write` (a write also needs an allowed Origin or a JSON body). */
  dev?: 'read' | 'write'
  handle: EmulatorHandler
}

export function emulatorEndpoints(
  ctx: EmulatorContext,
  emulator: Emulator,
  commits: () => CommitQueue | undefined,
): Endpoint[] {
  const ssks = (
    path: string,
    fault: EmulatorEndpoint,
    route: (ctx: EmulatorContext, request: Request) => Promise<Response>,
  ): Endpoint => ({
    method: 'POST',
    path,
    fault,
    handle: (c) => route(requestContext(ctx, commits(), c.get('ticket')), c.req.raw),
  })
  return [
    ssks(PATHS.challengeSend, 'challenge_send', challengeSend),
    ssks(PATHS.challengeValidate, 'challenge_validate', challengeValidate),
    ssks(PATHS.push, 'push', push),
    ssks(PATHS.search, 'search', search),
    ssks(PATHS.getFactorToken, 'get_factor_token', getFactorToken),
    ...devRouteHandlers(emulator, ctx.settings.maxBodyBytes),
  ]
}

/**
 * The context as one request sees it: each read of `state` marks the changes that follow (in
 * the same task) as this request's, so a failed save fails exactly the requests it undid.
 */
function requestContext(
  ctx: EmulatorContext,
  commits: CommitQueue | undefined,
  ticket: CommitTicket | undefined,
): EmulatorContext {
  if (!commits || !ticket) return ctx
  return Object.create(ctx, {
    state: {
      get: () => {
        commits.touch(ticket)
        return ctx.state
      },
    },
  }) as EmulatorContext
}
