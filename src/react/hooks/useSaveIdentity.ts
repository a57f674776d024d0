'use client'
import { useMemo } from 'react'
import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query'
import {
  saveIdentityMutationOptions,
  type SaveIdentityData,
  type SaveIdentityError,
  type SaveIdentityVariables,
} from '../query/saveIdentityMutationOptions'
import type { SessionSource } from '../types'
import { useSSKS2MR } from '../useSSKS2MR'

/** Every `useMutation` option except the ones the hook owns (retries are the plugin's: see the options factory). */
export type UseSaveIdentityOptions<TContext = unknown> = Omit<
  UseMutationOptions<SaveIdentityData, SaveIdentityError, SaveIdentityVariables | void, TContext>,
  'mutationFn' | 'mutationKey' | 'retry' | 'networkMode'
>

/**
 * Saves the SDK's current identity on SSKS through `session` (from the provider's `startSession`).
 * `mutate({ challenge: new ChallengeCode(code) })` when the session said `mustAuthenticate`, else `mutate()`.
 * Returns TanStack's `useMutation` result unchanged; the key and code never enter the mutation cache.
 */
export function useSaveIdentity<TContext = unknown>(
  session: SessionSource,
  options?: UseSaveIdentityOptions<TContext>,
): UseMutationResult<SaveIdentityData, SaveIdentityError, SaveIdentityVariables | void, TContext> {
  const { sdk, queryClient } = useSSKS2MR()
  const base = useMemo(() => saveIdentityMutationOptions(sdk, session), [sdk, session])
  return useMutation({ ...options, ...base }, queryClient)
}
