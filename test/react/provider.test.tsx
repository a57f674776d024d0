import { describe, expect, it, vi } from 'vitest'
import { render, renderHook } from '@testing-library/react'
import { renderToString } from 'react-dom/server'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { SSKS2MRProvider } from '../../src/react/SSKS2MRProvider'
import { useSSKS2MR } from '../../src/react/useSSKS2MR'
import { IdentityRestore } from '../../src/react/components/IdentityRestore'
import { IdentityBackup } from '../../src/react/components/IdentityBackup'
import { messages } from '../../src/react/messages/index'
import type { SSKS2MRCapableSDK, StartSession } from '../../src/react/types'

// The provider never calls the SDK itself; hooks do. A bare object is enough here.
const sdk = { ssks2MR: {} } as unknown as SSKS2MRCapableSDK
const startSession: StartSession = vi.fn(async () => {
  throw new Error('not called in these tests')
})

describe('SSKS2MRProvider and useSSKS2MR', () => {
  it('uses the nearest QueryClientProvider client', () => {
    const host = new QueryClient()
    const { result } = renderHook(() => useSSKS2MR(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <SSKS2MRProvider sdk={sdk} startSession={startSession}>
            {children}
          </SSKS2MRProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current.queryClient).toBe(host)
    expect(result.current.sdk).toBe(sdk)
    expect(result.current.startSession).toBe(startSession)
  })

  it('prefers the queryClient prop over the host one', () => {
    const host = new QueryClient()
    const own = new QueryClient()
    const { result } = renderHook(() => useSSKS2MR(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={host}>
          <SSKS2MRProvider sdk={sdk} startSession={startSession} queryClient={own}>
            {children}
          </SSKS2MRProvider>
        </QueryClientProvider>
      ),
    })
    expect(result.current.queryClient).toBe(own)
  })

  it('without any QueryClient, makes one private client and keeps it across renders', () => {
    const { result, rerender } = renderHook(() => useSSKS2MR(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <SSKS2MRProvider sdk={sdk} startSession={startSession}>
          {children}
        </SSKS2MRProvider>
      ),
    })
    const first = result.current
    expect(first.queryClient).toBeInstanceOf(QueryClient)
    rerender()
    expect(result.current.queryClient).toBe(first.queryClient)
    expect(result.current).toBe(first) // the whole context value is stable
  })

  it('keeps the context value identical across provider re-renders with the same props', () => {
    const seen: unknown[] = []
    function Probe() {
      seen.push(useSSKS2MR())
      return null
    }
    const tree = (n: number) => (
      <SSKS2MRProvider sdk={sdk} startSession={startSession} locale="fr">
        <Probe key="p" />
        <span>{n}</span>
      </SSKS2MRProvider>
    )
    const { rerender } = render(tree(1))
    rerender(tree(2))
    expect(seen.length).toBeGreaterThanOrEqual(2)
    expect(new Set(seen).size).toBe(1)
  })

  it('throws a clear error outside the provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useSSKS2MR())).toThrow(/inside <SSKS2MRProvider/)
    spy.mockRestore()
  })

  it('picks the locale and merges partial overrides, nested error texts included', () => {
    const overrides = { restoreTitle: 'Récupérer', flowErrors: { SMS_QUOTA: 'Quota SMS atteint' } }
    const { result } = renderHook(() => useSSKS2MR(), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <SSKS2MRProvider sdk={sdk} startSession={startSession} locale="fr" messages={overrides}>
          {children}
        </SSKS2MRProvider>
      ),
    })
    expect(result.current.messages.restoreTitle).toBe('Récupérer')
    expect(result.current.messages.backupTitle).toBe(messages.fr.backupTitle)
    expect(result.current.messages.label).toBe(messages.fr.label) // ChallengeEntry's strings too
    expect(result.current.messages.flowErrors.SMS_QUOTA).toBe('Quota SMS atteint')
    expect(result.current.messages.flowErrors.NETWORK).toBe(messages.fr.flowErrors.NETWORK)
    expect(messages.fr.flowErrors.SMS_QUOTA).not.toBe('Quota SMS atteint') // built-ins untouched
  })

  it('English and French have the same keys and no empty string', () => {
    const keys = (m: object): string[] =>
      Object.entries(m).flatMap(([k, v]) => (typeof v === 'object' ? keys(v).map((s) => `${k}.${s}`) : [k]))
    expect(keys(messages.fr).sort()).toEqual(keys(messages.en).sort())
    for (const m of [messages.en, messages.fr]) {
      for (const value of [...Object.values(m), ...Object.values(m.flowErrors)]) {
        if (typeof value === 'string') expect(value.trim()).not.toBe('')
      }
    }
  })

  it('renders on the server without a DOM, without calling startSession', () => {
    const saved = { window: globalThis.window, document: globalThis.document }
    const calls = vi.fn(startSession)
    let html = ''
    try {
      // @ts-expect-error -- simulate a server: no DOM globals at all during render
      delete globalThis.window
      // @ts-expect-error -- idem
      delete globalThis.document
      html = renderToString(
        <SSKS2MRProvider sdk={sdk} startSession={calls}>
          <IdentityBackup />
          <IdentityRestore autoStart={false} />
        </SSKS2MRProvider>,
      )
    } finally {
      Object.assign(globalThis, saved)
    }
    expect(html).toContain(messages.en.backupTitle)
    expect(html).toContain(messages.en.restoreStart)
    expect(calls).not.toHaveBeenCalled()
  })
})
