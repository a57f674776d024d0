import { afterEach, describe, expect, it } from 'vitest'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { QueryClient } from '@tanstack/react-query'
import { useChallengeFlow } from '../../../src/react/hooks/useChallengeFlow'
import { useRetrieveIdentity } from '../../../src/react/hooks/useRetrieveIdentity'
import { useSaveIdentity } from '../../../src/react/hooks/useSaveIdentity'
import { ChallengeCode } from '../../../src/react/ChallengeCode'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import type { EmulatorSnapshot } from '../../../src/emulator/types'
import { createTestWorld, wrongCode, type TestWorld, type TestWorldOptions } from '../../../src/testing/index'
import { newQueryClient, worldWrapper } from '../support/worldWrapper'

let harness: TestWorld | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** Every value reachable from `root` through own properties (enumerable or not), depth-first. */
function* walk(root: unknown, seen = new Set<unknown>()): Generator<unknown> {
  if (seen.has(root)) return
  seen.add(root)
  yield root
  if ((typeof root !== 'object' && typeof root !== 'function') || root === null) return
  if (typeof root === 'function') return // closures are not data: devtools and persisters never see inside
  for (const key of Reflect.ownKeys(root)) {
    yield* walk(key, seen)
    const descriptor = Object.getOwnPropertyDescriptor(root, key)
    if (descriptor && 'value' in descriptor) yield* walk(descriptor.value, seen)
  }
}

/** Asserts that no mutation in the cache holds `secrets`, in its state (variables, data, error) or options. */
function expectNoSecrets(queryClient: QueryClient, secrets: string[]) {
  const mutations = queryClient.getMutationCache().getAll()
  expect(mutations.length).toBeGreaterThan(0)
  expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
  for (const mutation of mutations) {
    const parts = {
      variables: mutation.state.variables,
      data: mutation.state.data,
      error: mutation.state.error,
      context: mutation.state.context,
      options: mutation.options,
      key: mutation.options.mutationKey,
      meta: mutation.meta,
    }
    const json = JSON.stringify(parts, (_key, value: unknown) =>
      value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
    )
    for (const secret of secrets) expect(json).not.toContain(secret)
    for (const value of walk(parts)) {
      // No identity bytes anywhere (the blob, the exported identity, a raw key decoded).
      expect(value instanceof Uint8Array || value instanceof ArrayBuffer).toBe(false)
      if (typeof value === 'string') for (const secret of secrets) expect(value).not.toContain(secret)
    }
  }
}

// Every session id the emulator ever issued, validated ones included: those work like passwords at SSKS
// (search, push and get_factor_token succeed with them, no code asked). Collected from each snapshot
// the emulator saves, since a new session ends the user's older ones.
const issued = new Map<string, boolean>()
const sessionIds = () => [...issued.keys()]
const setup = (options: TestWorldOptions = {}) => {
  issued.clear()
  const save = (snapshot: EmulatorSnapshot) =>
    snapshot.sessions.forEach((session) => issued.set(session.id, session.validated))
  return createTestWorld({ ...options, emulator: { storage: { load: () => undefined, save } } })
}

function secretsOf(h: TestWorld): string[] {
  return [...Object.values(h.key), ...h.emulator.outbox().map((entry) => entry.challenge), ...sessionIds()]
}
const validatedSessions = () => [...issued.values()].filter(Boolean)

describe('no secret ever sits in the TanStack cache', () => {
  it.each(['password', 'raw'] as const)(
    'backup and restore flows, each with a wrong then the right code (%s key)',
    async (keyMode) => {
      harness = await setup({ keyMode, forceAuth: true })
      const h = harness
      const queryClient = newQueryClient()
      const renderFlow = async (sdk: SSKS2MRCapableSDK, purpose: 'backup' | 'restore') => {
        const hook = renderHook(() => useChallengeFlow({ purpose }), { wrapper: worldWrapper(h, sdk, queryClient) })
        act(() => hook.result.current.start())
        await waitFor(() => expect(hook.result.current.state.status).toBe('codeRequired'))
        act(() => hook.result.current.submitCode(wrongCode(h.lastCode())))
        await waitFor(() => expect(hook.result.current.state.error).toBe('INVALID_CHALLENGE'))
        act(() => hook.result.current.submitCode(h.lastCode()))
        await waitFor(() => expect(hook.result.current.state.status).toBe('done'))
      }
      await renderFlow(await h.device({ signedUp: true }), 'backup')
      await renderFlow(await h.device(), 'restore')

      expectNoSecrets(queryClient, secretsOf(h))
      // The secrets were really used: the check above is not vacuous.
      expect(h.emulator.outbox()).toHaveLength(2) // two codes sent
      expect(validatedSessions()).toHaveLength(2) // one per right code
      expect(queryClient.getMutationCache().getAll()).toHaveLength(4)
      expect(
        queryClient
          .getMutationCache()
          .getAll()
          .map((m) => m.state.status),
      ).toContain('error')
    },
  )

  it('the key renewal re-save path, and the hooks used directly', async () => {
    harness = await setup()
    const h = harness
    const queryClient = newQueryClient()
    const backupSession = await h.startSession({ purpose: 'backup' })
    const save = renderHook(() => useSaveIdentity(backupSession), {
      wrapper: worldWrapper(h, await h.device({ signedUp: true }), queryClient),
    })
    act(() => save.result.current.mutate())
    await waitFor(() => expect(save.result.current.isSuccess).toBe(true))

    const flow = renderHook(() => useChallengeFlow({ purpose: 'restore' }), {
      wrapper: worldWrapper(h, await h.device({ pluginOptions: { renewalPushRetries: 0 } }), queryClient),
    })
    act(() => flow.result.current.start())
    await waitFor(() => expect(flow.result.current.state.status).toBe('codeRequired'))
    h.emulator.faults.add({ endpoint: 'push', kind: 'status', status: 503 })
    act(() => flow.result.current.submitCode(h.lastCode()))
    await waitFor(() => expect(flow.result.current.state.status).toBe('done'), { timeout: 5000 })
    expect(flow.result.current.state.result).toMatchObject({ keysRenewed: true, resaved: true })

    const session = await h.startSession({ purpose: 'restore' })
    const retrieve = renderHook(() => useRetrieveIdentity(session), {
      wrapper: worldWrapper(h, await h.device(), queryClient),
    })
    act(() => retrieve.result.current.mutate({ challenge: new ChallengeCode(h.lastCode()) }))
    await waitFor(() => expect(retrieve.result.current.isSuccess).toBe(true))

    expectNoSecrets(queryClient, secretsOf(h))
    expect(validatedSessions().length).toBeGreaterThanOrEqual(2)
    expect(queryClient.getMutationCache().getAll()).toHaveLength(4) // save, retrieve, re-save, retrieve
  })

  it('a failed verification and its retry with the kept code', async () => {
    harness = await setup({ forceAuth: true })
    const h = harness
    const queryClient = newQueryClient()
    const flow = renderHook(() => useChallengeFlow({ purpose: 'backup' }), {
      wrapper: worldWrapper(h, await h.device({ signedUp: true }), queryClient),
    })
    act(() => flow.result.current.start())
    await waitFor(() => expect(flow.result.current.state.status).toBe('codeRequired'))
    h.emulator.faults.add({ endpoint: 'challenge_validate', kind: 'status', status: 503 })
    act(() => flow.result.current.submitCode(h.lastCode()))
    await waitFor(() => expect(flow.result.current.state.canRetry).toBe(true))
    act(() => flow.result.current.retry())
    await waitFor(() => expect(flow.result.current.state.status).toBe('done'))

    expectNoSecrets(queryClient, secretsOf(h))
    expect(h.emulator.outbox()).toHaveLength(1) // the one code, sent twice
    expect(validatedSessions()).toHaveLength(1)
    expect(
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state.status),
    ).toEqual(['error', 'success'])
  })

  it('ChallengeCode hides the code from JSON, string conversion and property walks', () => {
    const code = new ChallengeCode('abcd2345')
    expect(JSON.stringify({ challenge: code })).toBe('{"challenge":"[redacted]"}')
    expect(String(code)).toBe('[redacted]')
    expect(Reflect.ownKeys(code)).toEqual([])
    expect(structuredClone({ code })).toEqual({ code: {} })
    expect(ChallengeCode.reveal(code)).toBe('abcd2345')
  })
})
