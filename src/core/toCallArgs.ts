import { SSKS2MRValidationError } from './errors'
import { pickIdentityKey } from './pickIdentityKey'
import type { SSKS2MRSession } from './session'
import type { SSKS2MRCallArgs } from './types'

/**
 * The plugin's call arguments for `session`, the one place a session becomes
 * `saveIdentity` / `retrieveIdentity` arguments: `sessionId` replaces the session's own id (an
 * `authenticatedSessionId` from an earlier call), `signal` cancels the call. Refuses a missing
 * session and a session with both keys or none (`VALIDATION`), before any I/O.
 */
export function toCallArgs(
  session: SSKS2MRSession | null | undefined,
  options: { sessionId?: string; signal?: AbortSignal } = {},
): SSKS2MRCallArgs {
  if (!session) throw new SSKS2MRValidationError('session', 'No SSKS session: call startSession first')
  const args: SSKS2MRCallArgs = {
    userId: session.userId,
    sessionId: options.sessionId ?? session.sessionId,
    authFactor: session.authFactor,
    ...pickIdentityKey(session, 'The session'),
  }
  if (options.signal) args.signal = options.signal
  return args
}
