import { Hono } from 'hono'
import { PATHS } from '../core/protocol/constants'
import type { EmulatorContext } from './emulatorContext'
import { DETAILS, HttpError, jsonResponse } from './httpError'
import { challengeSend } from './routes/challengeSend'
import { challengeValidate } from './routes/challengeValidate'
import { registerDevRoutes } from './routes/devRoutes'
import { getFactorToken } from './routes/getFactorToken'
import { push } from './routes/push'
import { search } from './routes/search'
import type { Emulator } from './types'

type Route = (ctx: EmulatorContext, request: Request) => Promise<Response>

const SSKS_ROUTES: ReadonlyArray<readonly [string, Route]> = [
  [PATHS.challengeSend, challengeSend],
  [PATHS.challengeValidate, challengeValidate],
  [PATHS.push, push],
  [PATHS.search, search],
  [PATHS.getFactorToken, getFactorToken],
]

/** The Hono app routing SSKS endpoints and dev hooks; every failure answers DRF-style JSON. */
export function createEmulatorApp(ctx: EmulatorContext, emulator: Emulator): Hono {
  const app = new Hono()
  for (const [path, route] of SSKS_ROUTES) {
    app.post(path, (c) => route(ctx, c.req.raw))
    app.all(path, (c) => jsonResponse(405, { detail: `Method "${c.req.method.slice(0, 20)}" not allowed.` }))
  }
  registerDevRoutes(app, emulator, ctx.settings.maxBodyBytes)
  app.notFound(() => jsonResponse(404, { detail: DETAILS.notFound }))
  app.onError((error) => {
    if (error instanceof HttpError) return error.toResponse()
    // Not reachable from any input we know of (the fuzz test checks); say so instead of hiding it.
    console.error('[ssks-emulator] unexpected error', error)
    return jsonResponse(500, { detail: 'Internal emulator error.' })
  })
  return app
}
