'use client'
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { SSKS2MRContext, type SSKS2MRContextValue } from './SSKS2MRContext'
import { messages as builtInMessages, type SSKS2MRMessagesOverride } from './messages/index'
import { mergeMessages } from './messages/mergeMessages'
import { createLazySDK } from './lazySDK'
import type { SSKS2MRCapableSDK, SSKS2MRSDKSource, StartSession } from './types'

export interface SSKS2MRProviderProps {
  /**
   * The app's Seald SDK instance with the `SSKS2MR` plugin installed, or a factory that makes it
   * (sync or async). A factory is called once per mounted provider, on the client after mount,
   * never during render: use it when the page is also rendered on a server (Next.js).
   */
  sdk: SSKS2MRSDKSource
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
export function SSKS2MRProvider({
  sdk,
  startSession,
  queryClient,
  locale = 'en',
  messages,
  children,
}: SSKS2MRProviderProps) {
  // Read the context directly: `useQueryClient()` throws when there is no QueryClientProvider.
  const hostClient = useContext(QueryClientContext)
  // Made once per mount, used only without a host client: a QueryClient does nothing until mount().
  const [privateClient] = useState(() => new QueryClient())
  const client = queryClient ?? hostClient ?? privateClient
  const ownsClient = client === privateClient

  useEffect(() => {
    // A host client is mounted by its own QueryClientProvider; only ours needs it (online/focus resume).
    if (!ownsClient) return
    client.mount()
    return () => client.unmount()
  }, [client, ownsClient])

  // A factory is called once per mount: an inline arrow is a new function on every render, and the
  // SDK it makes holds the user's identity, so the first factory wins. An instance prop is used as is.
  const [lazy] = useState(() => (typeof sdk === 'function' ? createLazySDK(sdk) : null))
  let resolvedSDK = sdk as SSKS2MRCapableSDK
  if (typeof sdk === 'function') {
    if (!lazy) throw new Error('SSKS2MRProvider: `sdk` became a factory after mount; give the provider a new `key`')
    resolvedSDK = lazy.sdk
  }
  const load = typeof sdk === 'function' ? lazy?.load : undefined
  useEffect(() => {
    // Start making the SDK once the screen is on the client; a failure shows in the flow step that needs it.
    load?.().catch(() => {})
  }, [load])

  const resolvedMessages = useMemo(() => mergeMessages(builtInMessages[locale], messages), [locale, messages])
  // Memoised so that consumers re-render only when a prop really changes, never on a flow's state change.
  const value = useMemo<SSKS2MRContextValue>(
    () => ({ sdk: resolvedSDK, startSession, queryClient: client, messages: resolvedMessages }),
    [resolvedSDK, startSession, client, resolvedMessages],
  )
  return <SSKS2MRContext.Provider value={value}>{children}</SSKS2MRContext.Provider>
}
