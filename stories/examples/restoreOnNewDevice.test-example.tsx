import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { QueryClient } from '@tanstack/react-query'
import { expect, it, vi } from 'vitest'
import { createEmulator, createTestSealdSDK } from '../../src/testing'
import { createSSKSBackend, generateTwoManRuleKey } from '../../src/server'
import { IdentityRestore, SSKS2MRProvider } from '../../src/react'

it('restores the identity on a new device with the emailed code', async () => {
  // SSKS in-process: no server, no network. Its outbox holds the codes it "sends".
  const emulator = createEmulator()
  const keyStorageURL = 'https://ssks.test/'
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => emulator.fetch(new Request(input, init))
  const backend = createSSKSBackend({ keyStorageURL, appId: emulator.appId, apiKey: emulator.apiKey, fetch })
  const user = {
    userId: 'user-1',
    authFactor: { type: 'EM', value: 'jane@example.com' },
    twoManRuleKey: generateTwoManRuleKey(),
    createUser: true,
  } as const
  const route = backend.createSessionHandler({ resolveUser: () => user })
  // The route only answers the app's own pages: what a browser sends for a same-origin fetch.
  const fromOwnPage = { 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' }
  const startSession = async () =>
    (
      await route(
        new Request('https://app.test/api/ssks-session', { method: 'POST', headers: fromOwnPage, body: '{}' }),
      )
    ).json()

  // First device, right after sign-up: the first backup needs no code.
  const first = await createTestSealdSDK({
    keyStorageURL,
    appId: emulator.appId,
    userId: user.userId,
    pluginOptions: { fetch },
  })
  const { sessionId } = await startSession()
  await first.ssks2MR.saveIdentity({ ...user, sessionId })

  // A new device: a real Seald SDK + the plugin; only Seald-cloud calls are the stand-in's.
  const sdk = await createTestSealdSDK({ keyStorageURL, appId: emulator.appId, pluginOptions: { fetch } })
  const onDone = vi.fn()
  render(
    <SSKS2MRProvider sdk={sdk} startSession={startSession} queryClient={new QueryClient()}>
      <IdentityRestore onDone={onDone} />
    </SSKS2MRProvider>,
  )
  const field = await screen.findByRole('textbox', { name: 'Verification code' })
  await userEvent.type(field, emulator.outbox().at(-1)?.challenge ?? '')
  await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ keysRenewed: true })))
  expect(sdk.cloudStandIn.calls).toEqual(expect.arrayContaining(['importIdentity', 'renewKey']))
})
