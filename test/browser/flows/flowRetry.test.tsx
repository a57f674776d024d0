import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup, render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import axe from 'axe-core'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import { messages } from '../../../src/react/messages/index'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import '../../../src/react/styles.css'
import { backupWithCode, createTestWorld, type TestWorld, type TestWorldOptions } from '../../../src/testing/browser'

// The address the flows' texts are checked against (masked: j•••@example.com).
const JANE: TestWorldOptions = { factor: { type: 'EM', value: 'jane.doe@example.com' } }

afterEach(() => cleanup())

// Scrypt, the SDK's crypto and the plugin's own retries (search: 0.3 s + 0.6 s) outlast waitFor's 1 s default on a
// loaded machine.
const CRYPTO_WAIT = { timeout: 5_000 }

function renderRestore(h: TestWorld, sdk: SSKS2MRCapableSDK, locale: 'en' | 'fr') {
  const onDone = vi.fn()
  const onError = vi.fn()
  const view = render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <SSKS2MRProvider sdk={sdk} startSession={h.startSession} locale={locale}>
        <main lang={locale}>
          <h1>Account</h1>
          <IdentityRestore onDone={onDone} onError={onError} resendCooldownSeconds={0} />
        </main>
      </SSKS2MRProvider>
    </QueryClientProvider>,
  )
  const root = () => view.container.querySelector<HTMLElement>('[data-ssks-flow]')!
  const input = () => view.container.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')
  return { view, root, input, onDone, onError }
}

async function storeBackup(h: TestWorld) {
  const original = await h.device({ signedUp: true })
  await backupWithCode(h, original)
}

const statuses = (h: TestWorld, path: string) =>
  h.emulator
    .requests()
    .filter((r) => r.path === path)
    .map((r) => r.status)

describe('"Try again" after a server failure while verifying (Chromium)', () => {
  it.each([
    ['challenge_validate', 'en'],
    ['search', 'fr'],
  ] as const)(
    '%s answers 503 (%s): error shown, code kept, "Try again" by keyboard restores; the backup stays retrievable',
    async (endpoint, locale) => {
      const h = await createTestWorld({ ...JANE, forceAuth: true })
      await storeBackup(h)
      const flow = renderRestore(h, await h.device(), locale)
      await waitFor(() => expect(document.activeElement).toBe(flow.input()))

      // `search` is retried by the plugin on 5xx (twice by default): fail every attempt of this one call.
      h.emulator.faults.add({ endpoint, kind: 'status', status: 503, times: endpoint === 'search' ? 3 : 1 })
      const code = h.lastCode()
      await userEvent.keyboard(code)
      await waitFor(() => expect(flow.root()).toHaveTextContent(messages[locale].flowErrors.SERVER), CRYPTO_WAIT)
      expect(flow.root()).toHaveAttribute('data-state', 'codeRequired')
      expect(flow.input()!.value).toBe(code)
      expect(flow.onError).toHaveBeenCalledTimes(1)
      expect(flow.onError).toHaveBeenCalledWith('SERVER', expect.objectContaining({ code: 'SERVER', status: 503 }))
      const axeResult = await axe.run(flow.view.container, { resultTypes: ['violations'] })
      expect(axeResult.violations.map((v) => v.id)).toEqual([])

      // Slow the retry down enough to see the button stay (inert) and keep focus while it runs.
      h.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'latency', delayMs: 300 })
      const retry = flow.view.getByRole('button', { name: messages[locale].retry })
      retry.focus()
      await userEvent.keyboard('{Enter}')
      await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'verifying'))
      expect(document.activeElement).toBe(retry)
      expect(retry).toHaveAttribute('aria-disabled', 'true')
      await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'done'), CRYPTO_WAIT)
      expect(flow.onDone).toHaveBeenCalledTimes(1)
      expect(flow.onError).toHaveBeenCalledTimes(1)
      expect(h.emulator.outbox()).toHaveLength(2) // the backup's code and this one: no new code asked for
      expect(statuses(h, '/tmr/front/challenge_validate/').at(-1)).toBe(200)
      cleanup()

      // The stored backup is still there for the next device.
      const next = renderRestore(h, await h.device(), locale)
      await waitFor(() => expect(document.activeElement).toBe(next.input()))
      await userEvent.keyboard(h.lastCode())
      await waitFor(() => expect(next.root()).toHaveAttribute('data-state', 'done'), CRYPTO_WAIT)
      expect(next.onDone).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'restore' }))
    },
  )
})
