'use client'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { ChallengeFlowController } from '../flow/ChallengeFlowController'
import { useSSKS2MR } from '../useSSKS2MR'
import type { ChallengeFlow, UseChallengeFlowOptions } from './ChallengeFlow'

/**
 * The whole backup or restore journey (see `ChallengeFlowController`) for a component: one
 * controller per mounted component, its state read with `useSyncExternalStore`. Unmounting aborts
 * the pending call. The purpose is read once; remount (`key`) to change it.
 */
export function useChallengeFlow(options: UseChallengeFlowOptions): ChallengeFlow {
  const { sdk, startSession, queryClient } = useSSKS2MR()
  const [controller] = useState(() => new ChallengeFlowController({ ...options, sdk, startSession, queryClient }))
  // After commit, not during render: a render may be thrown away in concurrent mode.
  useEffect(() => controller.setOptions({ ...options, sdk, startSession, queryClient }))
  useEffect(() => controller.mount(), [controller])
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState)
  // The actions are the controller's own (stable); only `state` changes the returned object.
  return useMemo(() => {
    const { start, submitCode, retry, resend, reset } = controller
    return { state, start, submitCode, retry, resend, reset }
  }, [controller, state])
}
