import { afterEach, describe, expect, it } from 'vitest'
import { renderHook, waitFor, act } from '@testing-library/react'
import { QueryClient, onlineManager } from '@tanstack/react-query'
import { ChallengeCode } from '../../../src/react/ChallengeCode'
import { useSaveIdentity } from '../../../src/react/hooks/useSaveIdentity'
import { useRetrieveIdentity } from '../../../src/react/hooks/useRetrieveIdentity'
import { ssks2MRKeys } from '../../../src/react/ssks2MRKeys'
import { createTestWorld, wrongCode, type TestWorld } from '../../../src/testing/index'
import { newQueryClient, worldWrapper } from '../support/worldWrapper'

let harness: TestWorld | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('useSaveIdentity / useRetrieveIdentity (real plugin, emulator over 127.0.0.1)', () => {
  it('saves without a code, then restores on a new device with a code and renewed keys', async () => {
    harness = await createTestWorld({ transport: 'http' })
    const h = harness
    const sdk = await h.device({ signedUp: true })
    const queryClient = newQueryClient()
    const first = await h.startSession({ purpose: 'backup' })
    expect(first.mustAuthenticate).toBe(false)

    const save = renderHook(() => useSaveIdentity(first), { wrapper: worldWrapper(h, sdk, queryClient) })
    act(() => save.result.current.mutate())
    await waitFor(() => expect(save.result.current.isSuccess).toBe(true))
    expect(save.result.current.data?.ssksId).toEqual(expect.any(String))
    expect(queryClient.getMutationCache().find({ mutationKey: ssks2MRKeys.save() })?.state.status).toBe('success')

    const newDevice = await h.device()
    const second = await h.startSession({ purpose: 'restore' })
    expect(second.mustAuthenticate).toBe(true)
    const retrieve = renderHook(() => useRetrieveIdentity(second), { wrapper: worldWrapper(h, newDevice, queryClient) })
    act(() => retrieve.result.current.mutate({ challenge: new ChallengeCode(h.lastCode()) }))
    await waitFor(() => expect(retrieve.result.current.isSuccess).toBe(true))
    expect(retrieve.result.current.data).toMatchObject({
      userId: h.userId,
      keysRenewed: true,
      mustSaveIdentityAgain: false,
    })
    expect(newDevice.cloudStandIn.calls).toEqual(['importIdentity', 'renewKey', 'exportBackupKey'])
  })

  it('returns the typed error for a wrong code, and options pass through (onError, retry)', async () => {
    harness = await createTestWorld({ forceAuth: true })
    const h = harness
    const sdk = await h.device({ signedUp: true })
    const session = await h.startSession({ purpose: 'backup' })
    const errors: string[] = []
    const save = renderHook(
      () => useSaveIdentity(session, { onError: (error) => errors.push((error as { code?: string }).code ?? '?') }),
      { wrapper: worldWrapper(h, sdk, newQueryClient()) },
    )
    act(() => save.result.current.mutate({ challenge: new ChallengeCode(wrongCode(h.lastCode())) }))
    await waitFor(() => expect(save.result.current.isError).toBe(true))
    expect(save.result.current.error).toMatchObject({ code: 'INVALID_CHALLENGE', message: 'Invalid challenge' })
    expect(errors).toEqual(['INVALID_CHALLENGE'])

    act(() => save.result.current.mutate({ challenge: new ChallengeCode(h.lastCode()) }))
    await waitFor(() => expect(save.result.current.isSuccess).toBe(true))
  })

  it("ignores the host's mutation retries and offline pausing: a wrong code is sent once, and runs while 'offline'", async () => {
    harness = await createTestWorld({ forceAuth: true })
    const h = harness
    const sdk = await h.device({ signedUp: true })
    const session = await h.startSession({ purpose: 'backup' })
    // A host app whose defaults would re-run failed mutations (each re-run of challenge_validate
    // burns one of the session's code attempts) and pause them while offline.
    const hostClient = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 0 } } })
    onlineManager.setOnline(false)
    try {
      const save = renderHook(() => useSaveIdentity(session), { wrapper: worldWrapper(h, sdk, hostClient) })
      act(() => save.result.current.mutate({ challenge: new ChallengeCode(wrongCode(h.lastCode())) }))
      await waitFor(() => expect(save.result.current.isError).toBe(true))
      expect(save.result.current.error).toMatchObject({ code: 'INVALID_CHALLENGE' })
      expect(h.emulator.requests().filter((r) => r.path.includes('challenge_validate'))).toHaveLength(1)
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it('without a session, fails with a validation error before any request', async () => {
    harness = await createTestWorld()
    const h = harness
    const sdk = await h.device({ signedUp: true })
    const save = renderHook(() => useSaveIdentity(null), { wrapper: worldWrapper(h, sdk, newQueryClient()) })
    const before = h.emulator.requests().length
    act(() => save.result.current.mutate())
    await waitFor(() => expect(save.result.current.isError).toBe(true))
    expect(save.result.current.error).toMatchObject({ code: 'VALIDATION' })
    expect(h.emulator.requests().length).toBe(before)
  })

  it('retrievals share one mutation scope, so a second waits for the first', async () => {
    harness = await createTestWorld()
    const h = harness
    const sdk = await h.device()
    const queryClient = newQueryClient()
    const session = await h.startSession({ purpose: 'restore' })
    const a = renderHook(() => useRetrieveIdentity(session), { wrapper: worldWrapper(h, sdk, queryClient) })
    const b = renderHook(() => useRetrieveIdentity(session), { wrapper: worldWrapper(h, sdk, queryClient) })
    h.emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 200 })
    act(() => {
      a.result.current.mutate()
      b.result.current.mutate()
    })
    await waitFor(() => expect(a.result.current.isPending).toBe(true))
    // Paused (queued behind the scope), not running.
    expect(b.result.current.isPaused).toBe(true)
    await waitFor(() => expect(a.result.current.isIdle).toBe(false))
    await waitFor(() => expect(b.result.current.isPending).toBe(false))
    const scopes = queryClient
      .getMutationCache()
      .findAll({ mutationKey: ssks2MRKeys.retrieve() })
      .map((m) => m.options.scope?.id)
    expect(scopes).toEqual(['ssks2mr-retrieve', 'ssks2mr-retrieve'])
  })
})
