import type { PushResponse } from '../../core/protocol/wire'
import { authFactorKey } from '../authFactorKey'
import { optionalAuthFactor, requiredString } from '../bodyFields'
import type { EmulatorContext } from '../emulatorContext'
import { DETAILS, HttpError, jsonResponse } from '../httpError'
import { readJsonBody } from '../readJsonBody'
import { checkFrontendAppId, requireSession } from '../requestChecks'

/** Largest `data_b64` kept; the body limit caps it anyway. */
const DATA_B64_MAX = 16 * 1024 * 1024

/**
 * POST /tmr/front/push/ (protocol §4.2): stores the backup for the session's (user, factor),
 * keeping an earlier backup's id. `data_b64` is opaque (SSKS does not check it is base64) and
 * `auth_factor` is optional (Go clients leave it out). An un-validated session may only push
 * when challenge_send said no challenge was needed.
 */
export async function push(ctx: EmulatorContext, request: Request): Promise<Response> {
  checkFrontendAppId(ctx, request)
  const body = await readJsonBody(request, ctx.settings.maxBodyBytes)
  const data_b64 = requiredString(body, 'data_b64', DATA_B64_MAX)
  const authFactor = optionalAuthFactor(body, 'auth_factor')

  const session = requireSession(ctx, request)
  if (!session.validated && session.mustAuthenticate) throw new HttpError(403, DETAILS.sessionNotValidated)
  if (authFactor && authFactorKey(authFactor) !== authFactorKey(session.authFactor)) {
    throw new HttpError(403, DETAILS.authFactorMismatch)
  }
  const stored = ctx.state.upsertTmrKey(session.userId, session.authFactor, data_b64, session.validated)
  const answer: PushResponse = { id: stored.id }
  return jsonResponse(200, answer)
}
