import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook, waitFor } from '@testing-library/react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { SSKS2MRProvider } from '../../../src/react/SSKS2MRProvider'
import type { StartSession } from '../../../src/react/types'
import { useChallengeFlow } from '../../../src/react/hooks/useChallengeFlow'
import type { UseChallengeFlowOptions } from '../../../src/react/hooks/ChallengeFlow'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import type { SSKS2MROptions } from '../../../src/core/types'
import { createHarness, wrongCode, type Harness, type HarnessOptions } from '../support/flowHarness'

let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function setup(options: HarnessOptions = {}) {
  harness = await createHarness(options)
  return harness
}

function renderFlow(h: Harness, sdk: SSKS2MRCapableSDK, options: Partial<UseChallengeFlowOptions> & Pick<UseChallengeFlowOptions, 'purpose'>, queryClient: QueryClient = h.newQueryClient()) {
  const onDone = vi.fn()
  const onError = vi.fn()
  const hook = renderHook(() => useChallengeFlow({ onDone, onError, now: () => h.emulator.clock.now(), ...options }), {
    wrapper: h.wrapper(sdk, queryClient),
  })
  const status = () => hook.result.current.state.status
  const until = (expected: string) => waitFor(() => expect(status()).toBe(expected))
  return { hook, onDone, onError, status, until, flow: () => hook.result.current }
}

/** Backup from the registered device (no code unless forceAuth), then a restore flow on a new device. */
async function backupThenRestore(h: Harness, restorePlugin: SSKS2MROptions = {}) {
  const backup = renderFlow(h, await h.device(true), { purpose: 'backup' })
  act(() => backup.flow().start())
  await waitFor(() => expect(['done', 'codeRequired']).toContain(backup.status()))
  if (backup.status() === 'codeRequired') act(() => backup.flow().submitCode(h.lastCode()))
  await backup.until('done')
  const device = await h.device(false, restorePlugin)
  const restore = renderFlow(h, device, { purpose: 'restore' })
  act(() => restore.flow().start())
  await restore.until('codeRequired')
  return { backup, restore, device }
}

describe('useChallengeFlow against the emulator (real plugin and SDK, cloud stand-in)', () => {
  it('backup without a code saves at once; restore renews keys; the next restore is authenticated', async () => {
    const h = await setup()
    const backup = renderFlow(h, await h.device(true), { purpose: 'backup' })
    act(() => backup.flow().start())
    await backup.until('done')
    expect(h.emulator.outbox()).toHaveLength(0)
    expect(backup.onDone).toHaveBeenCalledWith({ purpose: 'backup', keysRenewed: false, resaved: false, mustSaveIdentityAgain: false })

    const device = await h.device(false)
    const restore = renderFlow(h, device, { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    expect(restore.flow().destination).toMatch(/^u•••@example\.com$/)
    expect(restore.flow().state.codeRound).toBe(1)
    act(() => restore.flow().submitCode(h.lastCode()))
    expect(restore.status()).toBe('verifying')
    await restore.until('done')
    expect(restore.onDone).toHaveBeenCalledTimes(1)
    expect(restore.onDone.mock.calls[0]?.[0]).toEqual({
      purpose: 'restore', accountInfo: { userId: h.userId, sealdId: expect.any(String), deviceId: expect.any(String) },
      keysRenewed: true, resaved: false, mustSaveIdentityAgain: false,
    })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])

    const third = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => third.flow().start())
    await third.until('codeRequired')
    act(() => third.flow().submitCode(h.lastCode()))
    await third.until('done')
    expect(third.flow().state.result).toMatchObject({ keysRenewed: false, resaved: false })
    expect(third.onError).not.toHaveBeenCalled()
  })

  it('backup with a code (forceAuth), then a restore that needs no key renewal', async () => {
    const h = await setup({ forceAuth: true, keyMode: 'raw' })
    const backup = renderFlow(h, await h.device(true), { purpose: 'backup' })
    act(() => backup.flow().start())
    await backup.until('codeRequired')
    act(() => backup.flow().submitCode(h.lastCode()))
    await backup.until('done')

    const restore = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
    expect(restore.flow().state.result).toMatchObject({ keysRenewed: false, resaved: false })
  })

  it('key renewal whose push fails: the flow re-saves through the authenticated session, and the next restore is authenticated', async () => {
    const h = await setup()
    const { restore, device } = await backupThenRestore(h, { renewalPushRetries: 0 })
    h.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
    expect(restore.flow().state.result).toMatchObject({ keysRenewed: true, resaved: true, mustSaveIdentityAgain: false })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey', 'exportBackupKey'])
    const renewedVersion = device.cloudStandIn.account()?.keyVersion

    const next = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => next.flow().start())
    await next.until('codeRequired')
    act(() => next.flow().submitCode(h.lastCode()))
    await next.until('done')
    expect(next.flow().state.result).toMatchObject({ keysRenewed: false })
    expect(renewedVersion).toBe(2)
  })

  it('key renewal whose re-save fails too: done, flagged mustSaveIdentityAgain, and the old backup still restores', async () => {
    const h = await setup()
    const { restore } = await backupThenRestore(h, { renewalPushRetries: 0 })
    h.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503, times: 2 })
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
    expect(restore.flow().state.result).toMatchObject({ keysRenewed: true, resaved: false, mustSaveIdentityAgain: true })

    const again = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => again.flow().start())
    await again.until('codeRequired')
    act(() => again.flow().submitCode(h.lastCode()))
    await again.until('done')
    expect(again.flow().state.result).toMatchObject({ keysRenewed: true })
  })

  it('a wrong code keeps the flow waiting with INVALID_CHALLENGE; the right one then restores', async () => {
    const h = await setup()
    const { restore } = await backupThenRestore(h)
    act(() => restore.flow().submitCode(wrongCode(h.lastCode())))
    await waitFor(() => expect(restore.flow().error).toBe('INVALID_CHALLENGE'))
    expect(restore.status()).toBe('codeRequired')
    expect(restore.flow().state.needsResend).toBe(false)
    expect(restore.onError).toHaveBeenCalledWith('INVALID_CHALLENGE', expect.objectContaining({ code: 'INVALID_CHALLENGE' }))
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
  })

  it('an expired code (emulator clock +6 h) asks for a resend; the new code works', async () => {
    const h = await setup()
    const { restore } = await backupThenRestore(h)
    const firstCode = h.lastCode()
    h.emulator.clock.advance(6 * 60 * 60 * 1000 + 1000)
    act(() => restore.flow().submitCode(firstCode))
    await waitFor(() => expect(restore.flow().error).toBe('SESSION_NOT_FOUND'))
    expect(restore.flow().state).toMatchObject({ status: 'codeRequired', needsResend: true, codeRound: 1 })
    act(() => restore.flow().submitCode(firstCode)) // refused until a resend
    expect(restore.status()).toBe('codeRequired')

    act(() => void restore.flow().resend())
    await waitFor(() => expect(restore.flow().state.codeRound).toBe(2))
    expect(restore.flow().state).toMatchObject({ status: 'codeRequired', needsResend: false, error: null })
    expect(h.lastCode()).not.toBe(firstCode)
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
  })

  it('too many wrong codes (RATE_LIMITED) also asks for a resend', async () => {
    const h = await setup({ emulator: { maxWrongChallenges: 1 } })
    const { restore } = await backupThenRestore(h)
    act(() => restore.flow().submitCode(wrongCode(h.lastCode())))
    await waitFor(() => expect(restore.flow().error).toBe('INVALID_CHALLENGE'))
    act(() => restore.flow().submitCode(h.lastCode()))
    await waitFor(() => expect(restore.flow().error).toBe('RATE_LIMITED'))
    expect(restore.flow().state.needsResend).toBe(true)
  })

  it('restore when nothing is stored: IDENTITY_NOT_FOUND, without asking for a code or searching', async () => {
    const h = await setup()
    const restore = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('error')
    expect(restore.flow().error).toBe('IDENTITY_NOT_FOUND')
    expect(h.emulator.requests().map((r) => r.path)).toEqual(['/tmr/back/challenge_send/'])
    // Decided by the reducer (no thrown error), yet reported once with a typed error.
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledWith('IDENTITY_NOT_FOUND', expect.objectContaining({ name: 'SSKS2MRError', code: 'IDENTITY_NOT_FOUND' }))
    expect(restore.onDone).not.toHaveBeenCalled()
  })

  it('restore with a code but nothing stored (forceAuth): IDENTITY_NOT_FOUND from the search', async () => {
    const h = await setup({ forceAuth: true })
    const restore = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('error')
    expect(restore.flow().error).toBe('IDENTITY_NOT_FOUND')
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledWith('IDENTITY_NOT_FOUND', expect.objectContaining({ code: 'IDENTITY_NOT_FOUND' }))
  })

  it('SMS quota used up: SMS_QUOTA from the back-end route, and start() tries again', async () => {
    const h = await setup({ emulator: { smsQuota: 0 }, authFactor: { type: 'SMS', value: '+33600000042' }, forceAuth: true })
    const backup = renderFlow(h, await h.device(true), { purpose: 'backup' })
    act(() => backup.flow().start())
    await backup.until('error')
    expect(backup.flow().error).toBe('SMS_QUOTA')
    expect(backup.onError).toHaveBeenCalledTimes(1)
    expect(backup.onError).toHaveBeenCalledWith('SMS_QUOTA', expect.objectContaining({ code: 'SMS_QUOTA' }))
    act(() => backup.flow().start())
    expect(backup.status()).toBe('starting')
    await backup.until('error')
    expect(h.sessions).toHaveLength(0)
  })

  it('network failure on push mid-flow: NETWORK, the code is kept for a retry, and the stored backup still restores', async () => {
    const h = await setup()
    const original = await h.device(true)
    const first = renderFlow(h, original, { purpose: 'backup' })
    act(() => first.flow().start())
    await first.until('done')
    const stored = original.cloudStandIn.account()

    const second = renderFlow(h, original, { purpose: 'backup' })
    act(() => second.flow().start())
    await second.until('codeRequired') // an identity is stored: SSKS asks for a code
    h.emulator.faults.add({ endpoint: 'push', kind: 'drop' })
    act(() => second.flow().submitCode(h.lastCode()))
    await waitFor(() => expect(second.flow().error).toBe('NETWORK'))
    expect(second.status()).toBe('codeRequired')

    const device = await h.device(false)
    const restore = renderFlow(h, device, { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
    expect(restore.flow().state.result?.accountInfo).toEqual({ userId: stored?.userId, sealdId: stored?.sealdId, deviceId: stored?.deviceId })
  })

  it.each([
    ['challenge_validate', 'status', 'SERVER'],
    ['search', 'status', 'SERVER'],
    ['challenge_validate', 'drop', 'NETWORK'],
  ] as const)('%s fault (%s) while verifying: %s, retry() sends the kept code again and restores', async (endpoint, kind, code) => {
    const h = await setup({ forceAuth: true })
    // No plugin retries: the fault reaches the flow (search is otherwise retried on 5xx).
    const { restore } = await backupThenRestore(h, { retries: 0 })
    expect(restore.flow().canRetry).toBe(false)
    const status = kind === 'status' ? 503 : undefined
    h.emulator.faults.add({ endpoint, kind, status })
    act(() => restore.flow().submitCode(h.lastCode()))
    await waitFor(() => expect(restore.flow().error).toBe(code))
    expect(restore.flow().state).toMatchObject({ status: 'codeRequired', needsResend: false, codeRound: 1 })
    expect(restore.flow().canRetry).toBe(true)
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledWith(code, expect.objectContaining({ code, status }))

    act(() => restore.flow().retry())
    expect(restore.status()).toBe('verifying')
    expect(restore.flow().canRetry).toBe(false)
    await restore.until('done')
    expect(restore.onDone).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(h.emulator.outbox()).toHaveLength(2) // the same code: no new one was asked for
  })

  it('retry() does nothing after a wrong code, nor before any code', async () => {
    const h = await setup()
    const { restore } = await backupThenRestore(h)
    act(() => restore.flow().retry())
    expect(restore.status()).toBe('codeRequired')
    act(() => restore.flow().submitCode(wrongCode(h.lastCode())))
    await waitFor(() => expect(restore.flow().error).toBe('INVALID_CHALLENGE'))
    expect(restore.flow().canRetry).toBe(false)
    const validations = h.emulator.requests().length
    act(() => restore.flow().retry())
    expect(restore.status()).toBe('codeRequired')
    expect(h.emulator.requests()).toHaveLength(validations)
  })

  it('backup whose push fails (503): retry() saves with the kept code; the new backup then restores', async () => {
    const h = await setup()
    const original = await h.device(true)
    const first = renderFlow(h, original, { purpose: 'backup' })
    act(() => first.flow().start())
    await first.until('done')

    const second = renderFlow(h, original, { purpose: 'backup' })
    act(() => second.flow().start())
    await second.until('codeRequired') // an identity is stored: SSKS asks for a code
    h.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    act(() => second.flow().submitCode(h.lastCode()))
    await waitFor(() => expect(second.flow().canRetry).toBe(true))
    expect(second.flow().error).toBe('SERVER')
    act(() => second.flow().retry())
    await second.until('done')
    expect(second.onDone).toHaveBeenCalledTimes(1)
    expect(second.onError).toHaveBeenCalledTimes(1)
    expect(h.emulator.requests().filter((r) => r.path === '/tmr/front/push/').map((r) => r.status)).toEqual([200, 503, 200])

    const restore = renderFlow(h, await h.device(false), { purpose: 'restore' })
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    act(() => restore.flow().submitCode(h.lastCode()))
    await restore.until('done')
    expect(restore.flow().state.result).toMatchObject({ keysRenewed: false }) // saved through the validated session
  })

  it('reset during a request aborts it and ignores its late answer; double submissions run once', async () => {
    const h = await setup()
    await backupThenRestore(h)
    const queryClient = h.newQueryClient()
    const restore = renderFlow(h, await h.device(false), { purpose: 'restore' }, queryClient)
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    h.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'latency', delayMs: 100 })
    act(() => {
      restore.flow().submitCode(h.lastCode())
      restore.flow().submitCode(h.lastCode())
    })
    expect(restore.status()).toBe('verifying')
    await waitFor(() => expect(queryClient.isMutating()).toBe(1))
    act(() => restore.flow().reset())
    expect(restore.status()).toBe('idle')
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    expect(restore.status()).toBe('idle')
    expect(restore.onDone).not.toHaveBeenCalled()
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1)
    // One mutation for two submissions; its request was aborted during the emulator's delay, so
    // the code was never checked (the emulator logs a request once it handles it).
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(h.emulator.requests().filter((r) => r.path === '/tmr/front/challenge_validate/')).toHaveLength(0)
  })
  it('a refused resend (SMS_QUOTA) keeps the code field and the previous session: the earlier code still restores', async () => {
    const h = await setup()
    await backupThenRestore(h)
    // The app's route refuses the second session (its back-end answered { code: 'SMS_QUOTA' }).
    let calls = 0
    const startSession: StartSession = (request) => (++calls === 2 ? Promise.reject({ code: 'SMS_QUOTA' }) : h.startSession(request))
    const sdk = await h.device(false)
    const queryClient = h.newQueryClient()
    const onError = vi.fn()
    const onDone = vi.fn()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>
        <SSKS2MRProvider sdk={sdk} startSession={startSession}>{children}</SSKS2MRProvider>
      </QueryClientProvider>
    )
    const hook = renderHook(() => useChallengeFlow({ purpose: 'restore', onError, onDone, now: () => h.emulator.clock.now() }), { wrapper })
    act(() => hook.result.current.start())
    await waitFor(() => expect(hook.result.current.state.status).toBe('codeRequired'))
    const earlierCode = h.lastCode()
    let resent: boolean | undefined
    await act(async () => {
      resent = await hook.result.current.resend()
    })
    expect(resent).toBe(false)
    expect(calls).toBe(2)
    expect(hook.result.current.state).toMatchObject({ status: 'codeRequired', error: 'SMS_QUOTA', needsResend: false, codeRound: 1 })
    expect(hook.result.current.canRetry).toBe(false) // nothing to send again: the code was not the problem
    expect(onError).toHaveBeenCalledWith('SMS_QUOTA', { code: 'SMS_QUOTA' })
    act(() => hook.result.current.submitCode(earlierCode))
    await waitFor(() => expect(hook.result.current.state.status).toBe('done'))
    expect(onDone).toHaveBeenCalledTimes(1)
    expect(sdk.cloudStandIn.calls).toContain('importIdentity')
  })

  /** A restore on a new device whose right code was submitted and whose search answers in 500 ms. */
  async function restorePendingOnSlowSearch() {
    const h = await setup()
    await backupThenRestore(h)
    const device = await h.device(false)
    const queryClient = h.newQueryClient()
    const restore = renderFlow(h, device, { purpose: 'restore' }, queryClient)
    act(() => restore.flow().start())
    await restore.until('codeRequired')
    h.emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 500 })
    act(() => restore.flow().submitCode(h.lastCode()))
    return { h, device, queryClient, restore }
  }

  it('reset() while a retrieval is pending aborts it: nothing is imported and no error is shown', async () => {
    const { h, device, queryClient, restore } = await restorePendingOnSlowSearch()
    // Pending on the slow search (the code itself was accepted).
    await waitFor(() => expect(h.emulator.requests().some((r) => r.path === '/tmr/front/challenge_validate/' && r.status === 200)).toBe(true))
    expect(queryClient.isMutating()).toBe(1)
    act(() => restore.flow().reset())
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    // The aborted call settles at once, long before the search would have answered.
    expect(queryClient.getMutationCache().getAll().at(-1)?.state.error).toMatchObject({ code: 'ABORTED' })
    await new Promise((resolve) => setTimeout(resolve, 700)) // past the search's delay
    expect(device.cloudStandIn.calls).not.toContain('importIdentity')
    expect(device.cloudStandIn.calls).toEqual([])
    expect(restore.flow().state).toMatchObject({ status: 'idle', error: null })
    expect(restore.onError).not.toHaveBeenCalled()
    expect(restore.onDone).not.toHaveBeenCalled()
  })

  it('unmounting while a retrieval is pending aborts it too', async () => {
    const { device, queryClient, restore } = await restorePendingOnSlowSearch()
    await waitFor(() => expect(queryClient.isMutating()).toBe(1))
    restore.hook.unmount()
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(device.cloudStandIn.calls).toEqual([])
    expect(restore.onError).not.toHaveBeenCalled()
  })
})
