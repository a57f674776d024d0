/**
 * `SSKS2MRProvider sdk={() => …}`: the factory form used by server-rendered apps (Next.js App Router).
 * It is never called on the server or during render, once per mount on the client, and the hooks wait for it.
 */
import { describe, expect, it, vi } from 'vitest'
import { act, render, renderHook, waitFor } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { QueryClient } from '@tanstack/react-query'
import { StrictMode, type ReactNode } from 'react'
import { SSKS2MRProvider } from '../../src/react/SSKS2MRProvider'
import { IdentityBackup } from '../../src/react/components/IdentityBackup'
import { IdentityRestore } from '../../src/react/components/IdentityRestore'
import { useSaveIdentity } from '../../src/react/hooks/useSaveIdentity'
import { useSSKS2MR } from '../../src/react/useSSKS2MR'
import { messages } from '../../src/react/messages/index'
import type { SSKS2MRCapableSDK, StartSession } from '../../src/react/types'
import type { SSKS2MRSession } from '../../src/core/session'

const session: SSKS2MRSession = {
  sessionId: 'session-1',
  mustAuthenticate: false,
  userId: 'user-1',
  authFactor: { type: 'EM', value: 'jane@example.com' },
  twoManRuleKey: 'key-of-user-1',
}
const startSession: StartSession = async () => session

function fakeSDK() {
  const saveIdentity = vi.fn(async () => ({ ssksId: 'ssks-1', authenticatedSessionId: 'auth-1' }))
  return {
    ssks2MR: {
      saveIdentity,
      retrieveIdentity: vi.fn(),
      getFactorToken: vi.fn(),
      keyStorageURL: 'https://ssks.test/',
      keyStore: {},
    },
  } as unknown as SSKS2MRCapableSDK & {
    ssks2MR: { saveIdentity: typeof saveIdentity }
  }
}

describe('SSKS2MRProvider with an sdk factory', () => {
  it('renders the idle flows on a server without calling the factory or touching window/document', () => {
    const factory = vi.fn(() => {
      throw new Error('the factory must not run on the server')
    })
    const saved = { window: globalThis.window, document: globalThis.document }
    let html = ''
    try {
      // @ts-expect-error -- a server: no DOM globals at all during render
      delete globalThis.window
      // @ts-expect-error -- idem
      delete globalThis.document
      html = renderToString(
        <SSKS2MRProvider sdk={factory} startSession={startSession}>
          <IdentityBackup />
          <IdentityRestore />
        </SSKS2MRProvider>,
      )
    } finally {
      Object.assign(globalThis, saved)
    }
    expect(html).toContain(messages.en.backupTitle)
    expect(factory).not.toHaveBeenCalled()
  })

  it('calls an inline factory once per mount (StrictMode, re-renders), after mount', async () => {
    const sdk = fakeSDK()
    const factory = vi.fn(async () => sdk)
    const tree = (n: number) => (
      <StrictMode>
        <SSKS2MRProvider sdk={() => factory()} startSession={startSession} queryClient={new QueryClient()}>
          <span>{n}</span>
        </SSKS2MRProvider>
      </StrictMode>
    )
    const { rerender } = render(tree(1))
    rerender(tree(2))
    rerender(tree(3))
    await waitFor(() => expect(factory).toHaveBeenCalledTimes(1))
  })

  it('hooks wait for an async factory and then call its SDK', async () => {
    const sdk = fakeSDK()
    let resolve!: (value: SSKS2MRCapableSDK) => void
    const factory = vi.fn(() => new Promise<SSKS2MRCapableSDK>((r) => (resolve = r)))
    const client = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SSKS2MRProvider sdk={factory} startSession={startSession} queryClient={client}>
        {children}
      </SSKS2MRProvider>
    )
    const { result } = renderHook(() => useSaveIdentity(session), { wrapper })
    act(() => result.current.mutate())
    await waitFor(() => expect(factory).toHaveBeenCalledTimes(1))
    expect(sdk.ssks2MR.saveIdentity).not.toHaveBeenCalled()
    await act(async () => resolve(sdk))
    await waitFor(() => expect(result.current.isSuccess).toBe(true))
    expect(sdk.ssks2MR.saveIdentity).toHaveBeenCalledTimes(1)
    expect(result.current.data?.ssksId).toBe('ssks-1')
    // The validated session is handed over wrapped, never readable in the mutation's data.
    expect(JSON.stringify(result.current.data)).not.toContain('auth-1')
  })

  it('a rejected factory fails the step that needed it, and the next step calls the factory again', async () => {
    const sdk = fakeSDK()
    const factory = vi
      .fn<() => Promise<SSKS2MRCapableSDK>>()
      .mockRejectedValueOnce(new Error('chunk failed to load'))
      .mockResolvedValue(sdk)
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SSKS2MRProvider sdk={factory} startSession={startSession} queryClient={new QueryClient()}>
        {children}
      </SSKS2MRProvider>
    )
    const { result } = renderHook(() => ({ save: useSaveIdentity(session), context: useSSKS2MR() }), { wrapper })
    await waitFor(() => expect(factory).toHaveBeenCalledTimes(1))
    // The mount-time load failed; it is forgotten, so this save makes the SDK again.
    await act(async () => {
      await result.current.save.mutateAsync().catch(() => {})
    })
    await waitFor(() => expect(result.current.save.isSuccess).toBe(true))
    expect(factory).toHaveBeenCalledTimes(2)
    expect(result.current.context.sdk.ssks2MR.keyStorageURL).toBe('https://ssks.test/')
  })

  it('refuses a factory that gives something without ssks2MR, with a clear error', async () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SSKS2MRProvider
        sdk={async () => ({}) as SSKS2MRCapableSDK}
        startSession={startSession}
        queryClient={new QueryClient()}
      >
        {children}
      </SSKS2MRProvider>
    )
    const { result } = renderHook(() => useSaveIdentity(session), { wrapper })
    await act(async () => {
      await result.current.mutateAsync().catch(() => {})
    })
    await waitFor(() => expect(result.current.error?.message).toMatch(/SSKS2MR plugin installed/))
  })
})
