import { isSSKS2MRError } from '../core/errors'
import { maskAuthFactor } from '../core/maskAuthFactor'
import type { IdentityKey } from '../core/crypto/identityKey'
import type { SSKS2MRSession } from '../core/session'
import { jsonResponse } from './jsonResponse'
import { isJsonContentType, isTrustedOrigin } from './isTrustedOrigin'
import { sessionErrorAnswer } from './sessionErrorAnswer'
import { validateAllowedOrigins } from './validateAllowedOrigins'
import { validateSessionUserKey } from './validateSessionUserKey'
import type { ChallengeSendArgs, ChallengeSendResult, FetchHandler, SessionHandlerOptions, SessionUser } from './types'

/**
 * The app's "start 2MR session" route as a Fetch-API handler: POST only, from the app's own
 * origin (or `allowedOrigins`, see {@link isTrustedOrigin}) with a JSON content type; asks
 * `resolveUser` who is signed in (401 when nobody), starts an SSKS session for them and answers
 * the `SSKS2MRSession` JSON (with a masked `destinationHint`) that `SSKS2MRProvider`'s
 * `startSession` resolves. Failures answer `{ code, message }` from a fixed table
 * ({@link sessionErrorAnswer}). Every answer is `Cache-Control: no-store`.
 */
export function createSessionHandler(
  challengeSend: (args: ChallengeSendArgs) => Promise<ChallengeSendResult>,
  { resolveUser, allowedOrigins }: SessionHandlerOptions,
): FetchHandler {
  const trusted = validateAllowedOrigins(allowedOrigins)
  return async (request) => {
    if (request.method !== 'POST') {
      return jsonResponse(
        405,
        { code: 'METHOD_NOT_ALLOWED', message: 'Use POST to start a 2MR session' },
        { Allow: 'POST' },
      )
    }
    // Refused before any work: each accepted call may email or text the user a code (and spend SMS quota).
    if (!isTrustedOrigin(request, trusted)) {
      return jsonResponse(403, { code: 'UNAUTHORIZED', message: 'Only the app’s own pages can start a 2MR session' })
    }
    if (!isJsonContentType(request.headers.get('content-type'))) {
      const message = 'Send the request as Content-Type: application/json'
      return jsonResponse(415, { code: 'UNSUPPORTED_MEDIA_TYPE', message })
    }
    let user: SessionUser | null
    try {
      user = await resolveUser(request)
    } catch {
      // The app's own error may describe its internals: do not forward it to the browser.
      return jsonResponse(500, { code: 'SERVER', message: 'Could not resolve the signed-in user' })
    }
    if (user === null || user === undefined)
      return jsonResponse(401, { code: 'UNAUTHORIZED', message: 'Sign in to start a 2MR session' })

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
      const { status, body } = sessionErrorAnswer(isSSKS2MRError(error) ? error.code : 'SERVER')
      return jsonResponse(status, body)
    }
  }
}

function toSession(user: SessionUser, key: IdentityKey, sessionId: string, mustAuthenticate: boolean): SSKS2MRSession {
  const authFactor = { type: user.authFactor.type, value: user.authFactor.value }
  return {
    sessionId,
    mustAuthenticate,
    userId: user.userId,
    authFactor,
    ...key,
    destinationHint: maskAuthFactor(authFactor),
  }
}
