import { SMS_QUOTA_DETAIL } from '../../core/protocol/constants'
import type { ChallengeSendResponse } from '../../core/protocol/wire'
import { optionalAuthFactor, optionalBoolean, optionalString, requiredString } from '../bodyFields'
import type { EmulatorContext } from '../emulatorContext'
import { generateChallenge } from '../generateChallenge'
import { DETAILS, HttpError, jsonResponse } from '../httpError'
import { readJsonBody } from '../readJsonBody'
import { checkBackendCredentials } from '../requestChecks'
import { addSession } from '../sessionLifetime'

/** The challenge `fake_otp` forces (Seald's staging server does the same). */
export const FAKE_OTP_CHALLENGE = 'aaaaaaaa'

/**
 * POST /tmr/back/challenge_send/ (protocol §3.1): creates a session for (user, auth factor), and
 * sends a challenge when an identity is already stored for that factor or `force_auth` is set.
 */
export async function challengeSend(ctx: EmulatorContext, request: Request): Promise<Response> {
  checkBackendCredentials(ctx, request)
  const body = await readJsonBody(request, ctx.settings.maxBodyBytes)
  const userId = requiredString(body, 'user_id')
  // `email` is the legacy field that `auth_factor` replaced; it still means an EM factor.
  const legacyEmail = optionalString(body, 'email')
  const authFactor =
    optionalAuthFactor(body, 'auth_factor') ?? (legacyEmail ? { type: 'EM' as const, value: legacyEmail } : undefined)
  if (!authFactor) throw new HttpError(400, 'auth_factor: This field is required.')
  const createUser = optionalBoolean(body, 'create_user')
  const forceAuth = optionalBoolean(body, 'force_auth')
  const fakeOtp = optionalBoolean(body, 'fake_otp')
  optionalString(body, 'template')
  optionalString(body, 'template_id')
  if (fakeOtp && ctx.settings.fakeOtp === false) throw new HttpError(400, 'fake_otp: Not allowed on this server.')

  if (!ctx.state.users.has(userId) && !createUser) throw new HttpError(404, DETAILS.notFound)
  const mustAuthenticate = forceAuth || ctx.state.findTmrKey(userId, authFactor) !== undefined
  if (mustAuthenticate && authFactor.type === 'SMS' && ctx.state.smsSent >= ctx.settings.smsQuota) {
    throw new HttpError(406, SMS_QUOTA_DETAIL)
  }

  ctx.state.addUser(userId)
  if (ctx.settings.singleSessionPerUser)
    ctx.state.endSessions(ctx.state.sessionsOf(userId).map((session) => session.id))
  // A challenge exists even when none is sent: Seald's own integration tests validate such sessions against the real
  // SSKS.
  const challenge = fakeOtp || ctx.settings.fakeOtp === 'always' ? FAKE_OTP_CHALLENGE : generateChallenge()
  const sessionId = crypto.randomUUID()
  const now = ctx.now()
  addSession(ctx, {
    id: sessionId,
    userId,
    authFactor,
    challenge,
    challengeIssuedAt: now,
    mustAuthenticate,
    validated: false,
    wrongAttempts: 0,
    burnt: false,
    createdAt: now,
  })
  if (mustAuthenticate) {
    if (authFactor.type === 'SMS') ctx.state.countSms()
    ctx.sent({ sessionId, userId, authFactor: { ...authFactor }, challenge, sentAt: now })
  }
  const answer: ChallengeSendResponse = { session_id: sessionId, must_authenticate: mustAuthenticate }
  return jsonResponse(200, answer)
}
