import type { RetrieveIdentityResult } from '../../core/types'
import { ChallengeCode } from '../ChallengeCode'
import { RETRIEVE_SCOPE_ID, ssks2MRKeys } from '../ssks2MRKeys'
import type { SSKS2MRCapableSDK, SessionSource } from '../types'
import { resolveSession } from './resolveSession'

/** Variables of a retrieval: nothing secret (the key stays in the bound session, the code is wrapped). */
export interface RetrieveIdentityVariables {
  /** The code SSKS sent. Omit with an already authenticated `sessionId`. */
  challenge?: ChallengeCode
  /** Use this (already authenticated) session id instead of the bound session's id. */
  sessionId?: string
}

/**
 * TanStack mutation options that retrieve and import the identity through the bound session.
 * The result is the plugin's: account info and flags, never identity bytes. `signal`, read when
 * the mutation runs, cancels it (passed beside the session, never as a variable: devtools show those).
 */
export function retrieveIdentityMutationOptions(sdk: SSKS2MRCapableSDK, session: SessionSource, signal?: () => AbortSignal | undefined) {
  return {
    mutationKey: ssks2MRKeys.retrieve(),
    // Never re-run: a repeated challenge_validate burns one of the session's code attempts, and a
    // repeated retrieval could renew keys twice. The plugin already retries what is safe to retry.
    retry: false,
    // Run even when the browser says it is offline, so the user sees the NETWORK error instead of
    // a flow paused in "verifying" (TanStack's default networkMode 'online' pauses mutations).
    networkMode: 'always' as const,
    // One at a time: two concurrent retrievals of a non-authenticated backup would both renew keys.
    scope: { id: RETRIEVE_SCOPE_ID },
    mutationFn: (variables: RetrieveIdentityVariables | void): Promise<RetrieveIdentityResult> => {
      const { challenge, sessionId } = variables || {}
      const args = resolveSession(session, sessionId, signal?.())
      return sdk.ssks2MR.retrieveIdentity(
        challenge ? { ...args, challenge: ChallengeCode.reveal(challenge) } : args,
      )
    },
  }
}
