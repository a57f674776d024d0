import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import type { SSKS2MRCapableSDK, StartSession } from '../../../src/react/types'
import type { TestWorld } from '../../../src/testing/index'

export const newQueryClient = () => new QueryClient({ defaultOptions: { mutations: { retry: false } } })

/** The provider tree a test renders into: `sdk` and the world's "start 2MR session" route (or `startSession`). */
export function worldWrapper(
  world: TestWorld,
  sdk: SSKS2MRCapableSDK,
  queryClient: QueryClient,
  startSession: StartSession = world.startSession,
) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <SSKS2MRProvider sdk={sdk} startSession={startSession}>
          {children}
        </SSKS2MRProvider>
      </QueryClientProvider>
    )
  }
}
