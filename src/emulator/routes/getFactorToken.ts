import type { GetFactorTokenResponse } from '../../core/protocol/wire'
import { authFactorKey } from '../authFactorKey'
import { flatAuthFactor } from '../bodyFields'
import type { EmulatorContext } from '../emulatorContext'
import { DETAILS, HttpError, jsonResponse } from '../httpError'
import { readJsonBody } from '../readJsonBody'
import { checkFrontendAppId, requireSession } from '../requestChecks'
import { signFactorToken } from '../signFactorToken'

/**
 * POST /tmr/front/get_factor_token/ (protocol §4.4, newer clients): on a validated session whose
 * factor matches the flat `{auth_factor_type, auth_factor_value}` body, a signed JWT.
 */
export async function getFactorToken(ctx: EmulatorContext, request: Request): Promise<Response> {
  checkFrontendAppId(ctx, request)
  const body = await readJsonBody(request, ctx.settings.maxBodyBytes)
  const authFactor = flatAuthFactor(body)
  const session = requireSession(ctx, request)
  if (!session.validated) throw new HttpError(403, DETAILS.sessionNotValidated)
  if (authFactorKey(authFactor) !== authFactorKey(session.authFactor))
    throw new HttpError(403, DETAILS.authFactorMismatch)
  const factorToken = await signFactorToken(await ctx.factorTokenKey(), {
    appId: ctx.state.appId,
    userId: session.userId,
    authFactor: session.authFactor,
    nowMs: ctx.now(),
  })
  const answer: GetFactorTokenResponse = { factor_token: factorToken }
  return jsonResponse(200, answer)
}
