'use client'
import { createContext } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import type { SSKS2MRMessages } from './messages/index'
import type { SSKS2MRCapableSDK, StartSession } from './types'

/** What `useSSKS2MR()` returns. Stable between renders unless a provider prop changes. */
export interface SSKS2MRContextValue {
  sdk: SSKS2MRCapableSDK
  startSession: StartSession
  /** The host app's QueryClient (prop, else the nearest QueryClientProvider), else a private one. */
  queryClient: QueryClient
  messages: SSKS2MRMessages
}

/** Set by `SSKS2MRProvider`; read it with `useSSKS2MR()`. */
export const SSKS2MRContext = createContext<SSKS2MRContextValue | null>(null)
