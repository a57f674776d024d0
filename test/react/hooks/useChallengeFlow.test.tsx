/**
 * What the React adapter adds to ChallengeFlowController (whose rules are tested in
 * test/flow/challengeFlowController.test.ts): state rendered through useSyncExternalStore, stable
 * actions, StrictMode's double mount, unmount aborting, options read after each commit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, renderHook, waitFor } from '@testing-library/react'
import { useEffect } from 'react'
import { useChallengeFlow } from '../../../src/react/hooks/useChallengeFlow'
import type { UseChallengeFlowOptions } from '../../../src/react/hooks/ChallengeFlow'
import { createTestWorld, type TestWorld } from '../../../src/testing/index'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import { newQueryClient, worldWrapper } from '../support/worldWrapper'

let world: TestWorld | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

function renderFlow(
  w: TestWorld,
  sdk: SSKS2MRCapableSDK,
  options: UseChallengeFlowOptions,
  queryClient = newQueryClient(),
) {
  const wrapper = worldWrapper(w, sdk, queryClient)
  const hook = renderHook((props: UseChallengeFlowOptions) => useChallengeFlow(props), {
    wrapper,
    initialProps: options,
    reactStrictMode: true,
  })
  return { hook, queryClient, flow: () => hook.result.current }
}

describe('useChallengeFlow (the React adapter of ChallengeFlowController)', () => {
  it('renders each state of a restore, with actions that keep their identity across renders', async () => {
    world = await createTestWorld({ forceAuth: true })
    const w = world
    const { hook, flow } = renderFlow(w, await w.device(), { purpose: 'restore' })
    const actions = { ...flow() }
    expect(flow().state.status).toBe('idle')
    act(() => flow().start())
    expect(flow().state.status).toBe('starting')
    await waitFor(() => expect(flow().state.status).toBe('codeRequired'))
    expect(flow().state.destination).toMatch(/•••@example\.com$/)
    act(() => flow().submitCode('abcdefgh'))
    expect(flow().state.status).toBe('verifying')
    await waitFor(() => expect(flow().state.status).not.toBe('verifying'))
    for (const name of ['start', 'submitCode', 'retry', 'resend', 'reset'] as const)
      expect(flow()[name]).toBe(actions[name])
    hook.rerender({ purpose: 'restore' })
    expect(flow().start).toBe(actions.start)
  })

  it('StrictMode mounts twice (reactStrictMode): a start() from a mount effect asks for one session only', async () => {
    world = await createTestWorld()
    const w = world
    const wrapper = worldWrapper(w, await w.device({ signedUp: true }), newQueryClient())
    const hook = renderHook(
      () => {
        const flow = useChallengeFlow({ purpose: 'backup' })
        const { start } = flow
        useEffect(() => start(), [start])
        return flow
      },
      { wrapper, reactStrictMode: true },
    )
    await waitFor(() => expect(hook.result.current.state.status).toBe('done'))
    expect(w.sessions).toHaveLength(1)
  })

  it('unmounting while a retrieval is pending aborts it: nothing is imported, no callback runs', async () => {
    world = await createTestWorld()
    const w = world
    const owner = await w.device({ signedUp: true })
    await owner.ssks2MR.saveIdentity(w.callArgs(await w.startSession({ purpose: 'backup' })))
    const device = await w.device()
    const onError = vi.fn()
    const onDone = vi.fn()
    const { hook, queryClient, flow } = renderFlow(w, device, { purpose: 'restore', onError, onDone })
    act(() => flow().start())
    await waitFor(() => expect(flow().state.status).toBe('codeRequired'))
    w.emulator.faults.add({ endpoint: 'search', kind: 'latency', delayMs: 500 })
    act(() => flow().submitCode(w.lastCode()))
    await waitFor(() => expect(queryClient.isMutating()).toBe(1))
    hook.unmount()
    await waitFor(() => expect(queryClient.isMutating()).toBe(0))
    await new Promise((resolve) => setTimeout(resolve, 700)) // past the search's delay
    expect(device.cloudStandIn.calls).toEqual([])
    expect(onError).not.toHaveBeenCalled()
    expect(onDone).not.toHaveBeenCalled()
  })

  it('calls the onDone of the latest render, not the first', async () => {
    world = await createTestWorld()
    const w = world
    const first = vi.fn()
    const latest = vi.fn()
    const { hook, flow } = renderFlow(w, await w.device({ signedUp: true }), { purpose: 'backup', onDone: first })
    hook.rerender({ purpose: 'backup', onDone: latest })
    act(() => flow().start())
    await waitFor(() => expect(flow().state.status).toBe('done'))
    expect(first).not.toHaveBeenCalled()
    expect(latest).toHaveBeenCalledTimes(1)
  })
})
