import type { MutationOptions } from '@tanstack/react-query'
import type { RetrieveIdentityResult } from '../../core/types'
import { AuthenticatedSession } from '../AuthenticatedSession'
import { RETRIEVE_SCOPE_ID, ssks2MRKeys } from '../ssks2MRKeys'
import type { SSKS2MRCapableSDK, SessionSource } from '../types'
import { mutationCallArgs, type IdentityMutationVariables } from './mutationCallArgs'

/** Variables of a retrieval: nothing readable (the key stays in the bound session, code and session are wrapped). */
export type RetrieveIdentityVariables = IdentityMutationVariables

/** A retrieval's mutation data: the plugin's result (never identity bytes), its session id wrapped. */
export type RetrieveIdentityData = Omit<RetrieveIdentityResult, 'authenticatedSessionId'> & {
  /** The validated session, reusable to save again (e.g. after `mustSaveIdentityAgain`) without a new code. */
  authenticatedSession: AuthenticatedSession
}

/**
 * What a retrieval rejects with: an `SSKS2MRError` (discriminate on `code`) for every failure of
 * the plugin, the session or the network; an SDK error when importing the identity itself failed.
 */
export type RetrieveIdentityError = Error

/**
 * TanStack mutation options that retrieve and import the identity through the bound session.
 * `signal`, read when the mutation runs, cancels it (passed beside the session, never as a variable:
 * devtools show those).
 */
export function retrieveIdentityMutationOptions(
  sdk: SSKS2MRCapableSDK,
  session: SessionSource,
  signal?: () => AbortSignal | undefined,
) {
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
    mutationFn: async (variables: RetrieveIdentityVariables | void): Promise<RetrieveIdentityData> => {
      const args = mutationCallArgs(session, variables, signal?.())
      const { authenticatedSessionId, ...result } = await sdk.ssks2MR.retrieveIdentity(args)
      return { ...result, authenticatedSession: new AuthenticatedSession(authenticatedSessionId) }
    },
  } satisfies MutationOptions<RetrieveIdentityData, RetrieveIdentityError, RetrieveIdentityVariables | void>
}
