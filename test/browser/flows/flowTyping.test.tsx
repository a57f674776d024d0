import { afterEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { cleanup, render, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityBackup } from '../../../src/react/components/IdentityBackup'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import { messages } from '../../../src/react/messages/index'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import '../../../src/react/styles.css'
import { backupWithCode, createTestWorld, type TestWorld, type TestWorldOptions } from '../../../src/testing/browser'

// The address the flows' texts are checked against (masked: j•••@example.com).
const JANE: TestWorldOptions = { factor: { type: 'EM', value: 'jane.doe@example.com' } }

afterEach(() => cleanup())

// Reaching `done` runs scrypt and the SDK's crypto: well over waitFor's 1 s default on a loaded 2-core machine.
const CRYPTO_WAIT = { timeout: 5_000 }

function renderFlow(h: TestWorld, sdk: SSKS2MRCapableSDK, purpose: 'backup' | 'restore', onDone = vi.fn()) {
  const Flow = purpose === 'backup' ? IdentityBackup : IdentityRestore
  const view = render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { mutations: { retry: false } } })}>
      <SSKS2MRProvider sdk={sdk} startSession={h.startSession}>
        <main>
          <Flow onDone={onDone} resendCooldownSeconds={0} />
        </main>
      </SSKS2MRProvider>
    </QueryClientProvider>,
  )
  const root = () => view.container.querySelector<HTMLElement>('[data-ssks-flow]')!
  const input = () => view.container.querySelector<HTMLInputElement>('input[autocomplete="one-time-code"]')
  return { view, root, input, onDone }
}

const validations = (h: TestWorld) =>
  h.emulator.requests().filter((r) => r.path === '/tmr/front/challenge_validate/').length

describe('flows typed in Chromium', () => {
  it('backup with a code: typed with separators and upper case, auto-submitted exactly once', async () => {
    const h = await createTestWorld({ ...JANE, forceAuth: true })
    const flow = renderFlow(h, await h.device({ signedUp: true }), 'backup')
    await waitFor(() => expect(flow.input()).not.toBeNull())
    // autoFocus: the field has focus without a click.
    await waitFor(() => expect(document.activeElement).toBe(flow.input()))
    const code = h.lastCode().toUpperCase()
    await userEvent.keyboard(`${code.slice(0, 4)}-${code.slice(4)}`)
    await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'done'), CRYPTO_WAIT)
    expect(flow.onDone).toHaveBeenCalledTimes(1)
    expect(validations(h)).toBe(1)
    expect(flow.root()).toHaveTextContent(messages.en.backupDone)
  })

  it('restore: wrong code stays, selected, with the mapped error; typing the right one over it restores', async () => {
    const h = await createTestWorld({ ...JANE, forceAuth: true })
    const original = await h.device({ signedUp: true })
    await backupWithCode(h, original)

    const flow = renderFlow(h, await h.device(), 'restore')
    await waitFor(() => expect(document.activeElement).toBe(flow.input()))
    const right = h.lastCode()
    const wrong = right === 'abcdefgh' ? 'bcdefghj' : 'abcdefgh'
    await userEvent.keyboard(wrong)
    await waitFor(() => expect(flow.root()).toHaveTextContent(messages.en.flowErrors.INVALID_CHALLENGE))
    const input = flow.input()!
    expect(input.value).toBe(wrong)
    await waitFor(() => expect([input.selectionStart, input.selectionEnd]).toEqual([0, 8]))
    expect(flow.root()).toHaveAttribute('data-state', 'codeRequired')

    await userEvent.keyboard(right) // replaces the selected wrong code
    await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'done'), CRYPTO_WAIT)
    expect(validations(h)).toBe(3) // the save's, the wrong one, the right one
    expect(flow.onDone).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'restore', keysRenewed: false }))
  })

  it('too many wrong codes then resend: the field is cleared, "new code sent" is announced, the new code restores', async () => {
    const h = await createTestWorld({ ...JANE, forceAuth: true, emulator: { maxWrongChallenges: 2 } })
    const original = await h.device({ signedUp: true })
    await backupWithCode(h, original)
    const flow = renderFlow(h, await h.device(), 'restore')
    await waitFor(() => expect(document.activeElement).toBe(flow.input()))

    // Two wrong codes burn the session; the third try gets 429 and the flow asks for a resend.
    for (const [i, code] of ['abcdefgh', 'bcdefghj', 'cdefghjk'].entries()) {
      await userEvent.keyboard(code === h.lastCode() ? 'defghjkm' : code)
      await waitFor(() => expect(validations(h)).toBe(2 + i))
      await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'codeRequired'))
      await waitFor(() => expect(flow.input()!.selectionEnd).toBe(8))
    }
    await waitFor(() => expect(flow.root()).toHaveTextContent(messages.en.flowErrors.RATE_LIMITED))
    const resend = flow.view.getByRole('button', { name: messages.en.resend })
    await userEvent.click(resend)
    await waitFor(() => expect(h.emulator.outbox()).toHaveLength(3))
    await waitFor(() => expect(flow.input()!.value).toBe(''))
    await waitFor(() =>
      expect(flow.view.container.querySelector('[data-ssks-live]')).toHaveTextContent(
        /New code sent to \u2068?j•••@example\.com/,
      ),
    )
    await userEvent.click(flow.input()!)
    await userEvent.keyboard(h.lastCode())
    await waitFor(() => expect(flow.root()).toHaveAttribute('data-state', 'done'), CRYPTO_WAIT)
  })
})
