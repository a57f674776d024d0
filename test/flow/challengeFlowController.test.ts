/**
 * The flow's rules, framework-free: ChallengeFlowController against the in-process emulator, with
 * REAL Seald SDK devices (only the Seald-cloud members are the stand-in) and TanStack's query-core.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createTestWorld, wrongCode, type TestWorld, type TestWorldOptions } from '../../src/testing/index'
import type { StartSession } from '../../src/react/types'
import { backupThenRestoreFlow, newQueryClient, runFlow, sleep } from './support/runFlow'

let world: TestWorld | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

async function setup(options: TestWorldOptions = {}) {
  world = await createTestWorld(options)
  return world
}

describe('ChallengeFlowController against the emulator (real plugin and SDK, cloud stand-in)', () => {
  it('backup without a code saves at once; restore renews keys; the next restore is authenticated', async () => {
    const w = await setup()
    const backup = runFlow(w, await w.device({ signedUp: true }), 'backup')
    backup.flow.start()
    await backup.until('done')
    expect(w.emulator.outbox()).toHaveLength(0)
    expect(backup.onDone).toHaveBeenCalledWith({
      purpose: 'backup',
      keysRenewed: false,
      resaved: false,
      mustSaveIdentityAgain: false,
    })

    const device = await w.device()
    const restore = runFlow(w, device, 'restore')
    restore.flow.start()
    await restore.until('codeRequired')
    expect(restore.state().destination).toMatch(/^u•••@example\.com$/)
    expect(restore.state().codeRound).toBe(1)
    restore.flow.submitCode(w.lastCode())
    expect(restore.state().status).toBe('verifying')
    await restore.until('done')
    expect(restore.onDone).toHaveBeenCalledTimes(1)
    expect(restore.onDone.mock.calls[0]?.[0]).toEqual({
      purpose: 'restore',
      accountInfo: { userId: w.userId, sealdId: expect.any(String), deviceId: expect.any(String) },
      keysRenewed: true,
      resaved: false,
      mustSaveIdentityAgain: false,
    })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])

    const third = runFlow(w, await w.device(), 'restore')
    third.flow.start()
    await third.until('codeRequired')
    third.flow.submitCode(w.lastCode())
    await third.until('done')
    expect(third.state().result).toMatchObject({ keysRenewed: false, resaved: false })
    expect(third.onError).not.toHaveBeenCalled()
  })

  it('backup with a code (forceAuth), then a restore that needs no key renewal (raw key)', async () => {
    const w = await setup({ forceAuth: true, keyMode: 'raw' })
    const { restore } = await backupThenRestoreFlow(w)
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
    expect(restore.state().result).toMatchObject({ keysRenewed: false, resaved: false })
  })

  it('key renewal whose push fails: the flow re-saves through the authenticated session, and the next restore is authenticated', async () => {
    const w = await setup()
    const { restore, device } = await backupThenRestoreFlow(w, { pluginOptions: { renewalPushRetries: 0 } })
    w.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
    expect(restore.state().result).toMatchObject({ keysRenewed: true, resaved: true, mustSaveIdentityAgain: false })
    expect(device.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey', 'exportBackupKey'])
    expect(device.cloudStandIn.account()?.keyVersion).toBe(2)

    const next = runFlow(w, await w.device(), 'restore')
    next.flow.start()
    await next.until('codeRequired')
    next.flow.submitCode(w.lastCode())
    await next.until('done')
    expect(next.state().result).toMatchObject({ keysRenewed: false })
  })

  it('key renewal whose re-save fails too: done, flagged mustSaveIdentityAgain, and the old backup still restores', async () => {
    const w = await setup()
    const { restore } = await backupThenRestoreFlow(w, { pluginOptions: { renewalPushRetries: 0 } })
    w.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503, times: 2 })
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
    expect(restore.state().result).toMatchObject({ keysRenewed: true, resaved: false, mustSaveIdentityAgain: true })

    const again = runFlow(w, await w.device(), 'restore')
    again.flow.start()
    await again.until('codeRequired')
    again.flow.submitCode(w.lastCode())
    await again.until('done')
    expect(again.state().result).toMatchObject({ keysRenewed: true })
  })

  it('a wrong code keeps the flow waiting with INVALID_CHALLENGE; the right one then restores', async () => {
    const w = await setup()
    const { restore } = await backupThenRestoreFlow(w)
    restore.flow.submitCode(wrongCode(w.lastCode()))
    await restore.until((s) => s.error === 'INVALID_CHALLENGE')
    expect(restore.state()).toMatchObject({ status: 'codeRequired', needsResend: false, canRetry: false })
    expect(restore.onError).toHaveBeenCalledWith(
      'INVALID_CHALLENGE',
      expect.objectContaining({ code: 'INVALID_CHALLENGE' }),
    )
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
  })

  it('an expired code (emulator clock +6 h) asks for a resend; the new code works', async () => {
    const w = await setup()
    const { restore } = await backupThenRestoreFlow(w)
    const firstCode = w.lastCode()
    w.emulator.clock.advance(6 * 60 * 60 * 1000 + 1000)
    restore.flow.submitCode(firstCode)
    await restore.until((s) => s.error === 'SESSION_NOT_FOUND')
    expect(restore.state()).toMatchObject({ status: 'codeRequired', needsResend: true, codeRound: 1 })
    restore.flow.submitCode(firstCode) // refused until a resend
    expect(restore.state().status).toBe('codeRequired')

    const resent = restore.flow.resend()
    expect(restore.state()).toMatchObject({ status: 'starting', resending: true })
    expect(await resent).toBe(true)
    expect(restore.state()).toMatchObject({
      status: 'codeRequired',
      needsResend: false,
      error: null,
      codeRound: 2,
      resending: false,
    })
    expect(w.lastCode()).not.toBe(firstCode)
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
  })

  it('too many wrong codes (RATE_LIMITED) also asks for a resend', async () => {
    const w = await setup({ emulator: { maxWrongChallenges: 1 } })
    const { restore } = await backupThenRestoreFlow(w)
    restore.flow.submitCode(wrongCode(w.lastCode()))
    await restore.until((s) => s.error === 'INVALID_CHALLENGE')
    restore.flow.submitCode(w.lastCode())
    await restore.until((s) => s.error === 'RATE_LIMITED')
    expect(restore.state().needsResend).toBe(true)
  })

  it('restore when nothing is stored: IDENTITY_NOT_FOUND, without asking for a code or searching, reported once', async () => {
    const w = await setup()
    const restore = runFlow(w, await w.device(), 'restore')
    restore.flow.start()
    await restore.until('error')
    expect(restore.state().error).toBe('IDENTITY_NOT_FOUND')
    expect(w.emulator.requests().map((r) => r.path)).toEqual(['/tmr/back/challenge_send/'])
    // Decided by the reducer (no thrown error), yet reported once with a typed error.
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledWith(
      'IDENTITY_NOT_FOUND',
      expect.objectContaining({ name: 'SSKS2MRError', code: 'IDENTITY_NOT_FOUND' }),
    )
    expect(restore.onDone).not.toHaveBeenCalled()
  })

  it('restore with a code but nothing stored (forceAuth): IDENTITY_NOT_FOUND from the search', async () => {
    const w = await setup({ forceAuth: true })
    const restore = runFlow(w, await w.device(), 'restore')
    restore.flow.start()
    await restore.until('codeRequired')
    restore.flow.submitCode(w.lastCode())
    await restore.until('error')
    expect(restore.state().error).toBe('IDENTITY_NOT_FOUND')
    expect(restore.onError).toHaveBeenCalledTimes(1)
    expect(restore.onError).toHaveBeenCalledWith(
      'IDENTITY_NOT_FOUND',
      expect.objectContaining({ code: 'IDENTITY_NOT_FOUND' }),
    )
  })

  it('SMS quota used up: SMS_QUOTA from the back-end route, and start() tries again', async () => {
    const w = await setup({ emulator: { smsQuota: 0 }, factor: 'SMS', forceAuth: true })
    const backup = runFlow(w, await w.device({ signedUp: true }), 'backup')
    backup.flow.start()
    await backup.until('error')
    expect(backup.state().error).toBe('SMS_QUOTA')
    expect(backup.onError).toHaveBeenCalledTimes(1)
    expect(backup.onError).toHaveBeenCalledWith('SMS_QUOTA', expect.objectContaining({ code: 'SMS_QUOTA' }))
    backup.flow.start()
    expect(backup.state().status).toBe('starting')
    await backup.until('error')
    expect(w.sessions).toHaveLength(0)
  })

  it('network failure on push mid-flow: NETWORK, the code is kept for a retry, and the stored backup still restores', async () => {
    const w = await setup()
    const original = await w.device({ signedUp: true })
    const first = runFlow(w, original, 'backup')
    first.flow.start()
    await first.until('done')
    const stored = original.cloudStandIn.account()

    const second = runFlow(w, original, 'backup')
    second.flow.start()
    await second.until('codeRequired') // an identity is stored: SSKS asks for a code
    w.emulator.faults.add({ endpoint: 'push', kind: 'drop' })
    second.flow.submitCode(w.lastCode())
    await second.until((s) => s.error === 'NETWORK')
    expect(second.state()).toMatchObject({ status: 'codeRequired', canRetry: true })

    const restore = runFlow(w, await w.device(), 'restore')
    restore.flow.start()
    await restore.until('codeRequired')
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
    expect(restore.state().result?.accountInfo).toEqual({
      userId: stored?.userId,
      sealdId: stored?.sealdId,
      deviceId: stored?.deviceId,
    })
  })

  it.each([
    ['challenge_validate', 'status', 'SERVER'],
    ['search', 'status', 'SERVER'],
    ['challenge_validate', 'drop', 'NETWORK'],
  ] as const)(
    '%s fault (%s) while verifying: %s, retry() sends the kept code again and restores',
    async (endpoint, kind, code) => {
      const w = await setup({ forceAuth: true })
      // No plugin retries: the fault reaches the flow (search is otherwise retried on 5xx).
      const { restore } = await backupThenRestoreFlow(w, { pluginOptions: { retries: 0 } })
      expect(restore.state().canRetry).toBe(false)
      const status = kind === 'status' ? 503 : undefined
      w.emulator.faults.add({ endpoint, kind, status })
      restore.flow.submitCode(w.lastCode())
      await restore.until((s) => s.error === code)
      expect(restore.state()).toMatchObject({
        status: 'codeRequired',
        needsResend: false,
        codeRound: 1,
        canRetry: true,
        retrying: false,
      })
      expect(restore.onError).toHaveBeenCalledTimes(1)
      expect(restore.onError).toHaveBeenCalledWith(code, expect.objectContaining({ code, status }))

      restore.flow.retry()
      expect(restore.state()).toMatchObject({ status: 'verifying', canRetry: false, retrying: true })
      await restore.until('done')
      expect(restore.state().retrying).toBe(false)
      expect(restore.onDone).toHaveBeenCalledTimes(1)
      expect(restore.onError).toHaveBeenCalledTimes(1)
      expect(w.emulator.outbox()).toHaveLength(2) // the same code: no new one was asked for
    },
  )

  it('retry() does nothing after a wrong code, nor before any code', async () => {
    const w = await setup()
    const { restore } = await backupThenRestoreFlow(w)
    restore.flow.retry()
    expect(restore.state().status).toBe('codeRequired')
    restore.flow.submitCode(wrongCode(w.lastCode()))
    await restore.until((s) => s.error === 'INVALID_CHALLENGE')
    expect(restore.state().canRetry).toBe(false)
    const validations = w.emulator.requests().length
    restore.flow.retry()
    expect(restore.state().status).toBe('codeRequired')
    expect(w.emulator.requests()).toHaveLength(validations)
  })

  it('backup whose push fails (503): retry() saves with the kept code; the new backup then restores', async () => {
    const w = await setup()
    const original = await w.device({ signedUp: true })
    const first = runFlow(w, original, 'backup')
    first.flow.start()
    await first.until('done')

    const second = runFlow(w, original, 'backup')
    second.flow.start()
    await second.until('codeRequired') // an identity is stored: SSKS asks for a code
    w.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    second.flow.submitCode(w.lastCode())
    await second.until((s) => s.canRetry)
    expect(second.state().error).toBe('SERVER')
    second.flow.retry()
    await second.until('done')
    expect(second.onDone).toHaveBeenCalledTimes(1)
    expect(second.onError).toHaveBeenCalledTimes(1)
    expect(
      w.emulator
        .requests()
        .filter((r) => r.path === '/tmr/front/push/')
        .map((r) => r.status),
    ).toEqual([200, 503, 200])

    const restore = runFlow(w, await w.device(), 'restore')
    restore.flow.start()
    await restore.until('codeRequired')
    restore.flow.submitCode(w.lastCode())
    await restore.until('done')
    expect(restore.state().result).toMatchObject({ keysRenewed: false }) // saved through the validated session
  })

  it('reset during a request aborts it and ignores its late answer; double submissions run once', async () => {
    const w = await setup()
    await backupThenRestoreFlow(w)
    const queryClient = newQueryClient()
    const restore = runFlow(w, await w.device(), 'restore', { queryClient })
    restore.flow.start()
    await restore.until('codeRequired')
    w.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'latency', delayMs: 100 })
    restore.flow.submitCode(w.lastCode())
    restore.flow.submitCode(w.lastCode())
    expect(restore.state().status).toBe('verifying')
    expect(queryClient.isMutating()).toBe(1)
    restore.flow.reset()
    expect(restore.state().status).toBe('idle')
    await sleep(0)
    expect(queryClient.isMutating()).toBe(0)
    expect(restore.onDone).not.toHaveBeenCalled()
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1)
    // One mutation for two submissions; its request was aborted during the emulator's delay, so
    // the code was never checked (the emulator logs a request once it handles it).
    await sleep(200)
    expect(w.emulator.requests().filter((r) => r.path === '/tmr/front/challenge_validate/')).toHaveLength(0)
    expect(restore.state()).toMatchObject({ status: 'idle', error: null })
  })

  it('a refused resend (SMS_QUOTA) keeps the code field and the previous session: the earlier code still restores', async () => {
    const w = await setup()
    await backupThenRestoreFlow(w)
    // The app's route refuses the second session (its back-end answered { code: 'SMS_QUOTA' }).
    let calls = 0
    const startSession: StartSession = (request) =>
      ++calls === 2 ? Promise.reject({ code: 'SMS_QUOTA' }) : w.startSession(request)
    const sdk = await w.device()
    const restore = runFlow(w, sdk, 'restore', { startSession })
    restore.flow.start()
    await restore.until('codeRequired')
    const earlierCode = w.lastCode()
    expect(await restore.flow.resend()).toBe(false)
    expect(calls).toBe(2)
    expect(restore.state()).toMatchObject({
      status: 'codeRequired',
      error: 'SMS_QUOTA',
      needsResend: false,
      codeRound: 1,
      resending: false,
    })
    expect(restore.state().canRetry).toBe(false) // nothing to send again: the code was not the problem
    expect(restore.onError).toHaveBeenCalledWith('SMS_QUOTA', { code: 'SMS_QUOTA' })
    restore.flow.submitCode(earlierCode)
    await restore.until('done')
    expect(restore.onDone).toHaveBeenCalledTimes(1)
    expect(sdk.cloudStandIn.calls).toContain('importIdentity')
  })

  /** A restore on a new device whose right code was submitted and whose search answers in 500 ms. */
  async function restorePendingOnSlowSearch() {
    const w = await setup()
    await backupThenRestoreFlow(w)
    const device = await w.device()
    const restore = runFlow(w, device, 'restore')
    restore.flow.start()
    await restore.until('codeRequired')
    w.emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 500 })
    restore.flow.submitCode(w.lastCode())
    // Pending on the slow search (the code itself was accepted).
    await expect
      .poll(() => w.emulator.requests().some((r) => r.path === '/tmr/front/challenge_validate/' && r.status === 200))
      .toBe(true)
    expect(restore.queryClient.isMutating()).toBe(1)
    return { device, restore }
  }

  it.each(['reset', 'destroy'] as const)(
    '%s() while a retrieval is pending aborts it: nothing is imported and no error is shown',
    async (method) => {
      const { device, restore } = await restorePendingOnSlowSearch()
      restore.flow[method]()
      await expect.poll(() => restore.queryClient.isMutating()).toBe(0)
      // The aborted call settles at once, long before the search would have answered.
      expect(restore.queryClient.getMutationCache().getAll().at(-1)?.state.error).toMatchObject({ code: 'ABORTED' })
      await sleep(700) // past the search's delay
      expect(device.cloudStandIn.calls).toEqual([])
      expect(restore.state()).toMatchObject({ status: 'idle', error: null })
      expect(restore.onError).not.toHaveBeenCalled()
      expect(restore.onDone).not.toHaveBeenCalled()
    },
  )

  it('a new start() abandons the previous run: its late answer is ignored', async () => {
    const w = await setup({ forceAuth: true })
    let release!: () => void
    let calls = 0
    // The first session answers only after the second run started.
    const startSession: StartSession = async (request) => {
      const session = await w.startSession(request)
      if (++calls === 1) await new Promise<void>((resolve) => (release = resolve))
      return session
    }
    const backup = runFlow(w, await w.device({ signedUp: true }), 'backup', { startSession })
    backup.flow.start()
    await expect.poll(() => calls).toBe(1)
    backup.flow.reset()
    backup.flow.start()
    await backup.until('codeRequired')
    const round = backup.state().codeRound
    release()
    await sleep(10)
    expect(backup.state()).toMatchObject({ status: 'codeRequired', codeRound: round })
    backup.flow.submitCode(w.lastCode())
    await backup.until('done')
    expect(backup.onDone).toHaveBeenCalledTimes(1)
  })

  it('getState() is the same object until something changes; listeners hear every change', async () => {
    const w = await setup()
    const backup = runFlow(w, await w.device({ signedUp: true }), 'backup')
    const first = backup.state()
    expect(backup.state()).toBe(first)
    const seen: string[] = []
    const unsubscribe = backup.flow.subscribe(() => seen.push(backup.state().status))
    backup.flow.start()
    await backup.until('done')
    unsubscribe()
    expect(seen).toEqual(['starting', 'saving', 'done'])
    expect(backup.state()).not.toBe(first)
  })
})
