import { CHALLENGE_VALIDITY_MS } from '../../core/protocol/constants'
import type { ChallengeValidateResponse } from '../../core/protocol/wire'
import { authFactorKey } from '../authFactorKey'
import { optionalAuthFactor } from '../bodyFields'
import type { EmulatorContext } from '../emulatorContext'
import { DETAILS, HttpError, jsonResponse } from '../httpError'
import { readJsonBody } from '../readJsonBody'
import { checkFrontendAppId, requireSession } from '../requestChecks'
import { addSession } from '../sessionLifetime'
import { countWrongCode, userIsLimited } from '../wrongCodeLimit'

/**
 * POST /tmr/front/challenge_validate/ (protocol §4.1): checks the code and answers a new,
 * validated session id. The body is checked before the session (SSKS answers 400 to an empty
 * challenge even with a bad session). The old session stays usable, so a client whose answer
 * was lost can validate again.
 */
export async function challengeValidate(ctx: EmulatorContext, request: Request): Promise<Response> {
  checkFrontendAppId(ctx, request)
  const body = await readJsonBody(request, ctx.settings.maxBodyBytes)
  const challenge = body['challenge']
  if (challenge === undefined || challenge === null) throw new HttpError(400, 'challenge: This field is required.')
  if (typeof challenge !== 'string') throw new HttpError(400, 'challenge: Not a valid string.')
  if (challenge.length === 0) throw new HttpError(400, 'challenge: This field may not be blank.')
  const authFactor = optionalAuthFactor(body, 'auth_factor')

  const session = requireSession(ctx, request)
  // Across sessions too: a new challenge_send must not bring a fresh set of guesses.
  if (userIsLimited(ctx, session.userId)) throw new HttpError(429, DETAILS.tooManyAttemptsForUser)
  const expired = ctx.now() - session.challengeIssuedAt > CHALLENGE_VALIDITY_MS
  const factorMatches = !authFactor || authFactorKey(authFactor) === authFactorKey(session.authFactor)
  if (expired || !factorMatches || challenge !== session.challenge) {
    const wrongAttempts = session.wrongAttempts + 1
    ctx.state.putSession({ ...session, wrongAttempts, burnt: wrongAttempts >= ctx.settings.maxWrongChallenges })
    countWrongCode(ctx, session.userId)
    throw new HttpError(403, DETAILS.incorrectCredentials)
  }

  const newId = crypto.randomUUID()
  addSession(ctx, { ...session, id: newId, validated: true, wrongAttempts: 0, createdAt: ctx.now() })
  const answer: ChallengeValidateResponse = { new_id: newId }
  return jsonResponse(200, answer)
}
