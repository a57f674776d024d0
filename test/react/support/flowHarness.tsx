/**
 * One isolated world per test: an SSKS emulator (in-process fetch handler, or the real Node
 * server on 127.0.0.1), the kit's server helper starting sessions against it, and REAL Seald
 * SDK instances with our plugin (only Seald-cloud members replaced by src/testing's stand-in).
 */
import type { ReactNode } from 'react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createEmulator, startEmulator } from '../../../src/emulator/index'
import type { Emulator, EmulatorOptions } from '../../../src/emulator/types'
import { createSSKSBackend, generateRawTwoManRuleKey, generateTwoManRuleKey } from '../../../src/server/index'
import { createTestSealdSDK } from '../../../src/testing/index'
import type { AuthFactor, SSKS2MROptions } from '../../../src/core/types'
import type { SSKS2MRSession } from '../../../src/core/session'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import type { SSKS2MRCapableSDK, StartSession, StartSessionRequest } from '../../../src/react/types'

export interface HarnessOptions {
  /** `http`: the Node server on 127.0.0.1:0; default: the in-process handler. */
  transport?: 'in-process' | 'http'
  emulator?: EmulatorOptions
  authFactor?: AuthFactor
  /** Back-end asks SSKS for a code even on a first backup. */
  forceAuth?: boolean
  /** Which 2MR key the back-end hands out. Default `password` (`twoManRuleKey`). */
  keyMode?: 'password' | 'raw'
}

export type Harness = Awaited<ReturnType<typeof createHarness>>

export async function createHarness(options: HarnessOptions = {}) {
  const running = options.transport === 'http' ? await startEmulator(options.emulator) : undefined
  const emulator: Emulator = running ?? createEmulator(options.emulator)
  // In-process: any URL works, the emulator's fetch answers it. HTTP: the server's own URL.
  const keyStorageURL = running?.url ?? 'http://ssks.emulator.invalid/'
  const fetch = running ? globalThis.fetch : (emulator.fetch as typeof globalThis.fetch)
  const backend = createSSKSBackend({ keyStorageURL, appId: emulator.appId, apiKey: emulator.apiKey, fetch })

  const userId = `user-${crypto.randomUUID()}`
  const authFactor: AuthFactor = options.authFactor ?? { type: 'EM', value: `${userId.slice(0, 13)}@example.com` }
  const raw = options.keyMode === 'raw'
  const twoManRuleKey = raw ? generateRawTwoManRuleKey() : generateTwoManRuleKey()
  const sessions: Array<StartSessionRequest & { mustAuthenticate: boolean }> = []
  let forceAuth = options.forceAuth ?? false

  /** The app's "start 2MR session" route, called in-process. */
  const startSession: StartSession = async (request) => {
    const { sessionId, mustAuthenticate } = await backend.challengeSend({ userId, authFactor, createUser: true, forceAuth })
    sessions.push({ ...request, mustAuthenticate })
    const session: SSKS2MRSession = raw
      ? { sessionId, mustAuthenticate, userId, authFactor, rawTwoManRuleKey: twoManRuleKey }
      : { sessionId, mustAuthenticate, userId, authFactor, twoManRuleKey }
    return session
  }

  /** A device: `registered` has the user's account (after sign-up), otherwise a fresh one (new device). */
  const device = (registered: boolean, pluginOptions: SSKS2MROptions = {}) =>
    createTestSealdSDK({
      keyStorageURL,
      appId: emulator.appId,
      ...(registered ? { userId } : {}),
      pluginOptions: running ? pluginOptions : { ...pluginOptions, fetch },
    })

  /** The last code SSKS "sent". */
  const lastCode = (): string => {
    const entry = emulator.outbox().at(-1)
    if (!entry) throw new Error('no code was sent')
    return entry.challenge
  }

  const newQueryClient = () => new QueryClient({ defaultOptions: { mutations: { retry: false } } })

  const wrapper = (sdk: SSKS2MRCapableSDK, queryClient: QueryClient) =>
    function Wrapper({ children }: { children: ReactNode }) {
      return (
        <QueryClientProvider client={queryClient}>
          <SSKS2MRProvider sdk={sdk} startSession={startSession}>
            {children}
          </SSKS2MRProvider>
        </QueryClientProvider>
      )
    }

  return {
    emulator,
    keyStorageURL,
    backend,
    userId,
    authFactor,
    twoManRuleKey,
    sessions,
    startSession,
    device,
    lastCode,
    newQueryClient,
    wrapper,
    setForceAuth: (value: boolean) => void (forceAuth = value),
    close: async () => running?.close(),
  }
}

/** A code that is not `code` but has the right shape (the alphabet's first letters). */
export const wrongCode = (code: string): string => (code === 'abcdefgh' ? 'bcdefghj' : 'abcdefgh')
