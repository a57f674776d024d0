'use client'
import { useContext } from 'react'
import { SSKS2MRContext, type SSKS2MRContextValue } from './SSKS2MRContext'

/** The provider's SDK, `startSession`, resolved QueryClient and strings. Throws outside `SSKS2MRProvider`. */
export function useSSKS2MR(): SSKS2MRContextValue {
  const value = useContext(SSKS2MRContext)
  if (!value) {
    throw new Error('useSSKS2MR must be used inside <SSKS2MRProvider sdk={…} startSession={…}>')
  }
  return value
}
