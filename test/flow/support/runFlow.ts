import { vi } from 'vitest'
import { QueryClient } from '@tanstack/query-core'
import {
  ChallengeFlowController,
  type ChallengeFlowControllerOptions,
  type ChallengeFlowSnapshot,
} from '../../../src/react/flow/ChallengeFlowController'
import type { ChallengeFlowPurpose } from '../../../src/react/flow/ChallengeFlowState'
import type { SSKS2MRCapableSDK } from '../../../src/react/types'
import type { SSKS2MROptions } from '../../../src/core/types'
import type { TestWorld } from '../../../src/testing/index'

export const newQueryClient = () => new QueryClient({ defaultOptions: { mutations: { retry: false } } })

/** A controller in `world` on `sdk`, with spies for its callbacks and a way to wait for a state. */
export function runFlow(
  world: TestWorld,
  sdk: SSKS2MRCapableSDK,
  purpose: ChallengeFlowPurpose,
  options: Partial<ChallengeFlowControllerOptions> = {},
) {
  const onDone = vi.fn()
  const onError = vi.fn()
  const queryClient = options.queryClient ?? newQueryClient()
  const flow = new ChallengeFlowController({
    purpose,
    sdk,
    startSession: world.startSession,
    queryClient,
    onDone,
    onError,
    now: () => world.emulator.clock.now(),
    ...options,
  })
  const state = () => flow.getState()
  /** Resolves once the state matches (a status, or a predicate); fails after 10 s with the last state. */
  const until = (expected: string | ((state: ChallengeFlowSnapshot) => boolean)) =>
    new Promise<ChallengeFlowSnapshot>((resolve, reject) => {
      const matches = typeof expected === 'string' ? (s: ChallengeFlowSnapshot) => s.status === expected : expected
      const check = () => {
        if (!matches(flow.getState())) return false
        unsubscribe()
        clearTimeout(timer)
        resolve(flow.getState())
        return true
      }
      const unsubscribe = flow.subscribe(check)
      const timer = setTimeout(() => {
        unsubscribe()
        reject(new Error(`flow never reached ${String(expected)}; last state ${JSON.stringify(flow.getState())}`))
      }, 10_000)
      check()
    })
  return { flow, onDone, onError, state, until, queryClient }
}

export type FlowRun = ReturnType<typeof runFlow>

/**
 * A backup from the signed-up device (with the code when asked), then a restore flow waiting for its code on a new
 * device.
 */
export async function backupThenRestoreFlow(
  world: TestWorld,
  restore: { pluginOptions?: SSKS2MROptions; flow?: Partial<ChallengeFlowControllerOptions> } = {},
) {
  const backup = runFlow(world, await world.device({ signedUp: true }), 'backup')
  backup.flow.start()
  await backup.until((s) => s.status === 'done' || s.status === 'codeRequired')
  if (backup.state().status === 'codeRequired') backup.flow.submitCode(world.lastCode())
  await backup.until('done')
  const device = await world.device({ pluginOptions: restore.pluginOptions })
  const run = runFlow(world, device, 'restore', restore.flow)
  run.flow.start()
  await run.until('codeRequired')
  return { backup, restore: run, device }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
