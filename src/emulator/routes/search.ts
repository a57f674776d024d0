import { TMR_KEY_MODEL } from '../../core/protocol/constants'
import type { SearchResponse } from '../../core/protocol/wire'
import type { EmulatorContext } from '../emulatorContext'
import { DETAILS, HttpError, jsonResponse } from '../httpError'
import { checkFrontendAppId, requireSession } from '../requestChecks'

/**
 * POST /tmr/front/search/ (protocol §4.3): the stored backup of a validated session's (user,
 * factor). The request has no body (clients still send Content-Type: application/json), so any
 * body is ignored. `authenticated` is always a boolean: v0.25.0 renews keys when it is falsy.
 */
export async function search(ctx: EmulatorContext, request: Request): Promise<Response> {
  checkFrontendAppId(ctx, request)
  const session = requireSession(ctx, request)
  if (!session.validated) throw new HttpError(403, DETAILS.sessionNotValidated)
  const stored = ctx.state.findTmrKey(session.userId, session.authFactor)
  if (!stored) throw new HttpError(404, DETAILS.notFound, { model: TMR_KEY_MODEL })
  const answer: SearchResponse = { data_b64: stored.data_b64, authenticated: stored.authenticated === true }
  return jsonResponse(200, answer)
}
