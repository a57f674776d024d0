'use client'
import { useEffect, useMemo, useRef, useContext, type ReactNode } from 'react'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { SSKS2MRContext, type SSKS2MRContextValue } from './SSKS2MRContext'
import { messages as builtInMessages, type SSKS2MRMessagesOverride } from './messages/index'
import { mergeMessages } from './messages/mergeMessages'
import type { SSKS2MRCapableSDK, StartSession } from './types'

export interface SSKS2MRProviderProps {
  /** The app's Seald SDK instance, with the `SSKS2MR` plugin installed. */
  sdk: SSKS2MRCapableSDK
  /** Asks the app's back-end for an SSKS session (see `ssks-2mr-kit/server`). Resend calls it again. */
  startSession: StartSession
  /** Defaults to the nearest `QueryClientProvider`'s client; a private one is made only if there is none. */
  queryClient?: QueryClient
  /** Built-in language. Default `'en'`. */
  locale?: 'en' | 'fr'
  /** Overrides for some strings. Pass a stable (memoised or module-level) object. */
  messages?: SSKS2MRMessagesOverride
  children?: ReactNode
}

/**
 * Gives the kit's hooks and components the SDK, the session starter, a QueryClient and strings.
 * Renders no DOM of its own and does nothing at import or render time (SSR-safe).
 */
export function SSKS2MRProvider({ sdk, startSession, queryClient, locale = 'en', messages, children }: SSKS2MRProviderProps) {
  // Read the context directly: `useQueryClient()` throws when there is no QueryClientProvider.
  const hostClient = useContext(QueryClientContext)
  const privateClient = useRef<QueryClient | null>(null)
  if (!queryClient && !hostClient && !privateClient.current) privateClient.current = new QueryClient()
  const client = queryClient ?? hostClient ?? (privateClient.current as QueryClient)
  const ownsClient = client === privateClient.current

  useEffect(() => {
    // A host client is mounted by its own QueryClientProvider; only ours needs it (online/focus resume).
    if (!ownsClient) return
    client.mount()
    return () => client.unmount()
  }, [client, ownsClient])

  const resolvedMessages = useMemo(() => mergeMessages(builtInMessages[locale], messages), [locale, messages])
  // Memoised so that consumers re-render only when a prop really changes, never on a flow's state change.
  const value = useMemo<SSKS2MRContextValue>(
    () => ({ sdk, startSession, queryClient: client, messages: resolvedMessages }),
    [sdk, startSession, client, resolvedMessages],
  )
  return <SSKS2MRContext.Provider value={value}>{children}</SSKS2MRContext.Provider>
}
