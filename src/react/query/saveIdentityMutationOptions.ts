import type { MutationOptions } from '@tanstack/react-query'
import { AuthenticatedSession } from '../AuthenticatedSession'
import { ssks2MRKeys } from '../ssks2MRKeys'
import type { SSKS2MRCapableSDK, SessionSource } from '../types'
import { mutationCallArgs, type IdentityMutationVariables } from './mutationCallArgs'

/** Variables of a save: nothing readable (the key stays in the bound session, code and session are wrapped). */
export type SaveIdentityVariables = IdentityMutationVariables

/** What a save's mutation holds as data: the plugin's result with its session id wrapped. */
export interface SaveIdentityData {
  /** Id of the stored blob on SSKS. */
  ssksId: string
  /** The validated session used for the push, reusable without a new code. */
  authenticatedSession: AuthenticatedSession
}

/**
 * What a save rejects with: an `SSKS2MRError` (discriminate on `code`) for every failure of the
 * plugin, the session or the network; an SDK error when exporting the identity itself failed.
 */
export type SaveIdentityError = Error

/**
 * TanStack mutation options that save the SDK's current identity through the bound session.
 * `signal`, read when the mutation runs, cancels it (passed beside the session, never as a variable).
 */
export function saveIdentityMutationOptions(
  sdk: SSKS2MRCapableSDK,
  session: SessionSource,
  signal?: () => AbortSignal | undefined,
) {
  return {
    mutationKey: ssks2MRKeys.save(),
    // Never re-run: a repeated challenge_validate burns one of the session's code attempts, and a
    // repeated retrieval could renew keys twice. The plugin already retries what is safe to retry.
    retry: false,
    // Run even when the browser says it is offline, so the user sees the NETWORK error instead of
    // a flow paused in "verifying" (TanStack's default networkMode 'online' pauses mutations).
    networkMode: 'always' as const,
    mutationFn: async (variables: SaveIdentityVariables | void): Promise<SaveIdentityData> => {
      const args = mutationCallArgs(session, variables, signal?.())
      const { ssksId, authenticatedSessionId } = await sdk.ssks2MR.saveIdentity(args)
      return { ssksId, authenticatedSession: new AuthenticatedSession(authenticatedSessionId) }
    },
  } satisfies MutationOptions<SaveIdentityData, SaveIdentityError, SaveIdentityVariables | void>
}
