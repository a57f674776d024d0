import { isSSKS2MRError } from '../core/errors'
import { maskAuthFactor } from '../core/maskAuthFactor'
import type { IdentityKey } from '../core/crypto/identityKey'
import type { SSKS2MRSession } from '../core/session'
import { jsonResponse } from './jsonResponse'
import { sessionErrorStatus } from './sessionErrorStatus'
import { validateSessionUserKey } from './validateSessionUserKey'
import type { ChallengeSendArgs, ChallengeSendResult, FetchHandler, SessionHandlerOptions, SessionUser } from './types'

/**
 * The app's "start 2MR session" route as a Fetch-API handler: POST only; asks `resolveUser`
 * who is signed in (401 when nobody), starts an SSKS session for them and answers the
 * `SSKS2MRSession` JSON (with a masked `destinationHint`) that `SSKS2MRProvider`'s
 * `startSession` resolves. Failures answer `{ code, message }` with a status from
 * {@link sessionErrorStatus}. Every answer is `Cache-Control: no-store`.
 */
export function createSessionHandler(
  challengeSend: (args: ChallengeSendArgs) => Promise<ChallengeSendResult>,
  { resolveUser }: SessionHandlerOptions,
): FetchHandler {
  return async (request) => {
    if (request.method !== 'POST') {
      return jsonResponse(405, { code: 'METHOD_NOT_ALLOWED', message: 'Use POST to start a 2MR session' }, { Allow: 'POST' })
    }
    // A cookie-authenticated route can be POSTed from any site; each call may email or text the user
    // a code (and spend SMS quota). Browsers label such requests: refuse them before any work.
    if (request.headers.get('sec-fetch-site') === 'cross-site') {
      return jsonResponse(403, { code: 'UNAUTHORIZED', message: 'Cross-site requests cannot start a 2MR session' })
    }
    let user: SessionUser | null
    try {
      user = await resolveUser(request)
    } catch {
      // The app's own error may describe its internals: do not forward it to the browser.
      return jsonResponse(500, { code: 'SERVER', message: 'Could not resolve the signed-in user' })
    }
    if (user === null || user === undefined) return jsonResponse(401, { code: 'UNAUTHORIZED', message: 'Sign in to start a 2MR session' })

    try {
      const key = validateSessionUserKey(user)
      const { sessionId, mustAuthenticate } = await challengeSend({
        userId: user.userId,
        authFactor: user.authFactor,
        createUser: user.createUser,
        forceAuth: user.forceAuth,
        template: user.template,
        templateId: user.templateId,
        fakeOtp: user.fakeOtp,
        signal: request.signal,
      })
      return jsonResponse(200, toSession(user, key, sessionId, mustAuthenticate))
    } catch (error) {
      if (isSSKS2MRError(error)) return jsonResponse(sessionErrorStatus(error.code), { code: error.code, message: error.message })
      return jsonResponse(500, { code: 'SERVER', message: 'Could not start a 2MR session' })
    }
  }
}

function toSession(user: SessionUser, key: IdentityKey, sessionId: string, mustAuthenticate: boolean): SSKS2MRSession {
  const authFactor = { type: user.authFactor.type, value: user.authFactor.value }
  return { sessionId, mustAuthenticate, userId: user.userId, authFactor, ...key, destinationHint: maskAuthFactor(authFactor) }
}
