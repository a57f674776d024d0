'use client'
import { useMemo } from 'react'
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query'
import {
  retrieveIdentityMutationOptions,
  type RetrieveIdentityData,
  type RetrieveIdentityError,
  type RetrieveIdentityVariables,
} from '../query/retrieveIdentityMutationOptions'
import type { SessionSource } from '../types'
import { useSSKS2MR } from '../useSSKS2MR'

/** Every `useMutation` option except the ones the hook owns (key, function, one-at-a-time scope). */
export type UseRetrieveIdentityOptions<TContext = unknown> = Omit<
  UseMutationOptions<RetrieveIdentityData, RetrieveIdentityError, RetrieveIdentityVariables | void, TContext>,
  'mutationFn' | 'mutationKey' | 'retry' | 'networkMode' | 'scope'
>

/**
 * Retrieves the identity stored on SSKS through `session` and imports it into the SDK.
 * `mutate({ challenge: new ChallengeCode(code) })`. Retrievals run one at a time.
 * Data is the plugin's result (account info, `keysRenewed`, `mustSaveIdentityAgain`), never identity bytes.
 * Returns TanStack's `useMutation` result unchanged; the key and code never enter the mutation cache.
 */
export function useRetrieveIdentity<TContext = unknown>(
  session: SessionSource,
  options?: UseRetrieveIdentityOptions<TContext>,
): UseMutationResult<RetrieveIdentityData, RetrieveIdentityError, RetrieveIdentityVariables | void, TContext> {
  const { sdk, queryClient } = useSSKS2MR()
  const base = useMemo(() => retrieveIdentityMutationOptions(sdk, session), [sdk, session])
  return useMutation({ ...options, ...base }, queryClient)
}
