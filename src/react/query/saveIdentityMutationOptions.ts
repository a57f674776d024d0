import type { SaveIdentityResult } from '../../core/types'
import { ChallengeCode } from '../ChallengeCode'
import { ssks2MRKeys } from '../ssks2MRKeys'
import type { SSKS2MRCapableSDK, SessionSource } from '../types'
import { resolveSession } from './resolveSession'

/** Variables of a save: nothing secret (the key stays in the bound session, the code is wrapped). */
export interface SaveIdentityVariables {
  /** The code SSKS sent, when the session said `mustAuthenticate`. */
  challenge?: ChallengeCode
  /** Use this (already authenticated) session id instead of the bound session's id. */
  sessionId?: string
}

/**
 * TanStack mutation options that save the SDK's current identity through the bound session.
 * `signal`, read when the mutation runs, cancels it (passed beside the session, never as a variable).
 */
export function saveIdentityMutationOptions(sdk: SSKS2MRCapableSDK, session: SessionSource, signal?: () => AbortSignal | undefined) {
  return {
    mutationKey: ssks2MRKeys.save(),
    // Never re-run: a repeated challenge_validate burns one of the session's code attempts, and a
    // repeated retrieval could renew keys twice. The plugin already retries what is safe to retry.
    retry: false,
    // Run even when the browser says it is offline, so the user sees the NETWORK error instead of
    // a flow paused in "verifying" (TanStack's default networkMode 'online' pauses mutations).
    networkMode: 'always' as const,
    mutationFn: (variables: SaveIdentityVariables | void): Promise<SaveIdentityResult> => {
      const { challenge, sessionId } = variables || {}
      const args = resolveSession(session, sessionId, signal?.())
      return sdk.ssks2MR.saveIdentity(
        challenge ? { ...args, challenge: ChallengeCode.reveal(challenge) } : args,
      )
    },
  }
}
