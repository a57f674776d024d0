'use client'
import { useCallback, useEffect, useMemo } from 'react'
import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'

/**
 * Runs `options` as TanStack mutations (cache, scope, devtools, `isMutating` all see them) without
 * subscribing the component to their state: `useChallengeFlow` keeps its own state, so each
 * pending/success notice from `useMutation` would only be a wasted render of the whole flow.
 * `options` must be stable (memoised).
 */
export function useMutationRunner<TData, TVariables>(
  queryClient: QueryClient,
  options: MutationOptions<TData, Error, TVariables>,
): (variables: TVariables) => Promise<TData> {
  const observer = useMemo(() => new MutationObserver(queryClient, options), [queryClient, options])
  // A listener that does nothing, removed on unmount: only so that the last mutation is let go
  // (garbage-collected from the cache) like `useMutation`'s.
  useEffect(() => observer.subscribe(() => {}), [observer])
  return useCallback((variables: TVariables) => observer.mutate(variables), [observer])
}
