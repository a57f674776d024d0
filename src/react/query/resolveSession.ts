import { SSKS2MRValidationError } from '../../core/errors'
import type { SSKS2MRCallArgs } from '../../core/types'
import type { SessionSource } from '../types'

/**
 * Turns the bound session into the plugin's call arguments at the moment the mutation runs.
 * `sessionId` overrides the session's own id (e.g. an `authenticatedSessionId` from a retrieval);
 * `signal` cancels the call (kept out of mutation variables, which devtools show).
 */
export function resolveSession(source: SessionSource, sessionId?: string, signal?: AbortSignal): SSKS2MRCallArgs {
  const session = typeof source === 'function' ? source() : source
  // Thrown before any I/O, like the plugin's own argument checks.
  if (!session) throw new SSKS2MRValidationError('session', 'No SSKS session: call startSession first')
  const args: SSKS2MRCallArgs = {
    userId: session.userId,
    sessionId: sessionId ?? session.sessionId,
    authFactor: session.authFactor,
  }
  if (session.rawTwoManRuleKey !== undefined) args.rawTwoManRuleKey = session.rawTwoManRuleKey
  else if (session.twoManRuleKey !== undefined) args.twoManRuleKey = session.twoManRuleKey
  if (signal) args.signal = signal
  return args
}
