import { toCallArgs } from '../../core/toCallArgs'
import type { SSKS2MRCallArgs } from '../../core/types'
import { AuthenticatedSession } from '../AuthenticatedSession'
import { ChallengeCode } from '../ChallengeCode'
import type { SessionSource } from '../types'

/** What a save or a retrieval is given as TanStack variables: only opaque wrappers, never a readable secret. */
export interface IdentityMutationVariables {
  /** The code SSKS sent (omit with an `authenticatedSession`, or when the session needs no code). */
  challenge?: ChallengeCode
  /** A session validated by an earlier save or retrieval (its `data.authenticatedSession`): no code needed. */
  authenticatedSession?: AuthenticatedSession
}

/**
 * The plugin's arguments at the moment a mutation runs: the bound session (object or getter),
 * the unwrapped variables, and `signal` (beside the session, never a variable: devtools show those).
 */
export function mutationCallArgs(
  source: SessionSource,
  variables: IdentityMutationVariables | void,
  signal: AbortSignal | undefined,
): SSKS2MRCallArgs & { challenge?: string } {
  const { challenge, authenticatedSession } = variables || {}
  const session = typeof source === 'function' ? source() : source
  const sessionId = authenticatedSession && AuthenticatedSession.reveal(authenticatedSession)
  const args = toCallArgs(session, { sessionId, signal })
  return challenge ? { ...args, challenge: ChallengeCode.reveal(challenge) } : args
}
