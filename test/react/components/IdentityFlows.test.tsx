import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, type ReactElement } from 'react'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import { IdentityBackup } from '../../../src/react/components/IdentityBackup'
import { IdentityRestore } from '../../../src/react/components/IdentityRestore'
import { messages } from '../../../src/react/messages/index'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import {
  backupWithCode,
  createTestWorld,
  wrongCode,
  type TestWorld,
  type TestWorldOptions,
} from '../../../src/testing/index'
import { newQueryClient } from '../support/worldWrapper'

let harness: TestWorld | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

function renderIn(h: TestWorld, sdk: SSKS2MRCapableSDK, ui: ReactElement, locale: 'en' | 'fr' = 'en') {
  return render(
    <StrictMode>
      <QueryClientProvider client={newQueryClient()}>
        <SSKS2MRProvider sdk={sdk} startSession={h.startSession} locale={locale}>
          {ui}
        </SSKS2MRProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}

/** Types a code the way a paste or autofill delivers it: the whole value in one input event. */
function enterCode(code: string) {
  const input = screen.getByRole('textbox')
  fireEvent.input(input, { target: { value: code } })
}

const flowRoot = (container: HTMLElement) => container.querySelector('[data-ssks-flow]') as HTMLElement

async function setup(options?: TestWorldOptions) {
  harness = await createTestWorld(options)
  return harness
}

describe('IdentityBackup / IdentityRestore (jsdom, emulator, real plugin)', () => {
  it('backup without a code saves on mount and reports done once (StrictMode: one session)', async () => {
    const h = await setup()
    const onDone = vi.fn()
    const { container } = renderIn(h, await h.device({ signedUp: true }), <IdentityBackup onDone={onDone} />)
    expect(screen.getByRole('heading', { name: messages.en.backupTitle })).toBeInTheDocument()
    await waitFor(() => expect(flowRoot(container).dataset.state).toBe('done'))
    expect(screen.getByRole('status', { name: '' })).toBeDefined()
    expect(screen.getByText(messages.en.backupDone)).toBeInTheDocument()
    expect(onDone).toHaveBeenCalledTimes(1)
    expect(h.sessions).toHaveLength(1)
    expect(screen.queryByRole('textbox')).toBeNull()
  })

  it('restore: code field with the masked destination, wrong code shows the mapped text and keeps the code, right code restores', async () => {
    const h = await setup({ forceAuth: true })
    await backupWithCode(h, await h.device({ signedUp: true }))
    const onDone = vi.fn()
    const onError = vi.fn()
    const { container } = renderIn(h, await h.device(), <IdentityRestore onDone={onDone} onError={onError} />, 'fr')
    const input = await screen.findByRole('textbox')
    expect(screen.getByText(/u•••@example\.com/)).toBeInTheDocument()
    expect(flowRoot(container).dataset.state).toBe('codeRequired')

    const wrong = wrongCode(h.lastCode())
    enterCode(wrong)
    await waitFor(() => expect(screen.getByText(messages.fr.flowErrors.INVALID_CHALLENGE)).toBeInTheDocument())
    expect(screen.queryByText('Invalid challenge')).toBeNull() // never the raw message
    expect(input).toHaveValue(wrong)
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(onError).toHaveBeenCalledWith('INVALID_CHALLENGE', expect.anything())
    // A wrong code is fixed by typing, not by sending it again.
    expect(screen.queryByRole('button', { name: messages.fr.retry })).toBeNull()

    enterCode(h.lastCode())
    await waitFor(() => expect(flowRoot(container).dataset.state).toBe('done'))
    expect(screen.getByText(messages.fr.restoreDone)).toBeInTheDocument()
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ purpose: 'restore', keysRenewed: false }))
  })

  it('backup with a code: field locked and aria-busy while verifying, then done', async () => {
    const h = await setup({ forceAuth: true })
    const { container } = renderIn(h, await h.device({ signedUp: true }), <IdentityBackup resendCooldownSeconds={0} />)
    const input = await screen.findByRole('textbox')
    h.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'latency', delayMs: 150 })
    enterCode(h.lastCode())
    await waitFor(() => expect(flowRoot(container).dataset.state).toBe('verifying'))
    expect(input).toHaveAttribute('readonly')
    expect(container.querySelector('[data-ssks-challenge]')).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(flowRoot(container).dataset.state).toBe('done'))
    expect(h.emulator.requests().filter((r) => r.path === '/tmr/front/challenge_validate/')).toHaveLength(1)
  })

  it('resend asks the back-end for a new session and clears the field', async () => {
    const h = await setup({ forceAuth: true })
    renderIn(h, await h.device({ signedUp: true }), <IdentityBackup resendCooldownSeconds={0} />)
    const input = await screen.findByRole('textbox')
    fireEvent.input(input, { target: { value: 'abc' } })
    expect(input).toHaveValue('abc')
    const resend = await screen.findByRole('button', { name: messages.en.resend })
    await act(async () => fireEvent.click(resend))
    await waitFor(() => expect(h.sessions).toHaveLength(2))
    // The same field stays (focus, announcement), emptied for the new code.
    expect(screen.getByRole('textbox')).toBe(input)
    expect(input).toHaveValue('')
    expect(h.emulator.outbox()).toHaveLength(2)
  })

  it('SMS quota: an alert with the mapped text and a retry button that starts again', async () => {
    const h = await setup({
      emulator: { smsQuota: 0 },
      factor: { type: 'SMS', value: '+33600000042' },
      forceAuth: true,
    })
    const { container } = renderIn(h, await h.device({ signedUp: true }), <IdentityBackup />)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(messages.en.flowErrors.SMS_QUOTA)
    expect(flowRoot(container).querySelector('[data-ssks-flow-error]')).toHaveAttribute(
      'data-ssks-flow-error',
      'SMS_QUOTA',
    )
    const before = h.emulator.requests().length
    fireEvent.click(screen.getByRole('button', { name: messages.en.retry }))
    await waitFor(() => expect(h.emulator.requests().length).toBe(before + 1))
  })

  it('restore with nothing stored: IDENTITY_NOT_FOUND text, onError called once with a typed error', async () => {
    const h = await setup()
    const onError = vi.fn()
    renderIn(h, await h.device(), <IdentityRestore onError={onError} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(messages.en.flowErrors.IDENTITY_NOT_FOUND)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith('IDENTITY_NOT_FOUND', expect.objectContaining({ code: 'IDENTITY_NOT_FOUND' }))
  })

  it.each(['en', 'fr'] as const)(
    'server error while verifying (%s): the code stays, "Try again" sends it again and restores',
    async (locale) => {
      const h = await setup({ forceAuth: true })
      await backupWithCode(h, await h.device({ signedUp: true }))
      const onDone = vi.fn()
      const onError = vi.fn()
      const { container } = renderIn(h, await h.device(), <IdentityRestore onDone={onDone} onError={onError} />, locale)
      const input = await screen.findByRole('textbox')
      h.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'status', status: 503 })
      const code = h.lastCode()
      enterCode(code)
      await waitFor(() => expect(screen.getByText(messages[locale].flowErrors.SERVER)).toBeInTheDocument())
      expect(flowRoot(container).dataset.state).toBe('codeRequired')
      expect(input).toHaveValue(code)
      expect(onError).toHaveBeenCalledTimes(1)

      fireEvent.click(screen.getByRole('button', { name: messages[locale].retry }))
      await waitFor(() => expect(flowRoot(container).dataset.state).toBe('done'))
      expect(onDone).toHaveBeenCalledTimes(1)
      expect(onError).toHaveBeenCalledTimes(1)
      expect(
        h.emulator
          .requests()
          .filter((r) => r.path === '/tmr/front/challenge_validate/')
          .map((r) => r.status),
      ).toEqual([200, 503, 200]) // backup, fault, retry
      expect(screen.queryByRole('button', { name: messages[locale].retry })).toBeNull()
    },
  )

  it('autoStart={false} waits for the start button', async () => {
    const h = await setup()
    const { container } = renderIn(h, await h.device({ signedUp: true }), <IdentityBackup autoStart={false} />)
    expect(flowRoot(container).dataset.state).toBe('idle')
    expect(h.sessions).toHaveLength(0)
    fireEvent.click(screen.getByRole('button', { name: messages.en.backupStart }))
    await waitFor(() => expect(flowRoot(container).dataset.state).toBe('done'))
  })

  it('classNames and className apply; unstyled drops the built-in ssks-* classes but keeps data attributes', async () => {
    const h = await setup()
    const sdk = await h.device({ signedUp: true })
    const styled = renderIn(
      h,
      sdk,
      <IdentityBackup autoStart={false} className="app" classNames={{ title: 't', button: 'b' }} />,
    )
    const root = flowRoot(styled.container)
    expect(root).toHaveClass('ssks-flow', 'app')
    expect(root.querySelector('h2')).toHaveClass('ssks-flow__title', 't')
    expect(root.querySelector('button')).toHaveClass('ssks-button', 'b')
    styled.unmount()
    const bare = renderIn(h, sdk, <IdentityBackup autoStart={false} unstyled classNames={{ title: 't' }} />)
    const bareRoot = flowRoot(bare.container)
    expect(bareRoot.outerHTML).not.toMatch(/class="[^"]*ssks-/)
    expect(bareRoot.outerHTML).toMatch(/data-ssks-flow-title/)
    expect(bareRoot.querySelector('h2')).toHaveClass('t')
    expect(bareRoot).toHaveAttribute('data-state', 'idle')
  })
})
