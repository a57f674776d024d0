'use client'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { CHALLENGE_VALIDITY_MS } from '../../core/protocol/constants'
import { maskAuthFactor } from '../../core/maskAuthFactor'
import { SSKS2MRError } from '../../core/errors'
import type { SSKS2MRSession } from '../../core/session'
import { ChallengeCode } from '../ChallengeCode'
import { challengeFlowReducer, initialChallengeFlowState } from '../flow/challengeFlowReducer'
import type { ChallengeFlowEvent, ChallengeFlowState } from '../flow/ChallengeFlowState'
import type { FlowErrorCode } from '../flow/FlowErrorCode'
import { toFlowErrorCode } from '../flow/toFlowErrorCode'
import { useSSKS2MR } from '../useSSKS2MR'
import { retrieveIdentityMutationOptions } from '../query/retrieveIdentityMutationOptions'
import { saveIdentityMutationOptions } from '../query/saveIdentityMutationOptions'
import type { ChallengeFlow, UseChallengeFlowOptions } from './ChallengeFlow'
import { useLatest } from './useLatest'
import { useMutationRunner } from './useMutationRunner'

const DEFAULT_COOLDOWN_SECONDS = 30
// Failures that say nothing about the code itself: sending the same one again may work.
const TRANSIENT: ReadonlySet<FlowErrorCode | null> = new Set(['NETWORK', 'TIMEOUT', 'SERVER', 'UNKNOWN'])
const retryable = (state: ChallengeFlowState) => state.status === 'codeRequired' && !state.needsResend && TRANSIENT.has(state.error)

/**
 * The whole backup or restore journey: session → code (if asked) → save / restore → re-save of
 * renewed keys → done, with every failure mapped to a core error code. State is a pure reducer
 * (`challengeFlowReducer`); this hook runs its side effects as the same TanStack mutations as
 * `useSaveIdentity` and `useRetrieveIdentity`. The session (with its key) lives in a ref, never in state or cache.
 * Each run (start, resend) has its own AbortController, aborted by `reset()`, unmount or the next run,
 * so a cancelled retrieval never goes on to import the identity or renew keys.
 */
export function useChallengeFlow(options: UseChallengeFlowOptions): ChallengeFlow {
  const { purpose, resendCooldownSeconds = DEFAULT_COOLDOWN_SECONDS } = options
  const { sdk, startSession, queryClient } = useSSKS2MR()
  const latest = useLatest(options)
  const session = useRef<SSKS2MRSession | null>(null)
  const sessionStartedAt = useRef(0)
  const authenticatedSessionId = useRef<string | undefined>(undefined)
  // The last submitted code, for retry(): a field fires onComplete once per value, so the same
  // code cannot come from it again. Dropped when the flow ends or a new code is asked for.
  const lastCode = useRef<ChallengeCode | null>(null)
  const controller = useRef<AbortController | null>(null)
  const getSession = useCallback(() => session.current, [])
  // Read when the plugin is called, beside the session: a signal in mutation variables would show in devtools.
  const getSignal = useCallback(() => controller.current?.signal, [])
  // The same mutation options as useSaveIdentity / useRetrieveIdentity, run without their re-renders.
  const save = useMutationRunner(queryClient, useMemo(() => saveIdentityMutationOptions(sdk, getSession, getSignal), [sdk, getSession, getSignal]))
  const retrieve = useMutationRunner(queryClient, useMemo(() => retrieveIdentityMutationOptions(sdk, getSession, getSignal), [sdk, getSession, getSignal]))

  // State in a ref too, so that transitions are decided synchronously (double clicks, late answers).
  const current = useRef<ChallengeFlowState>(initialChallengeFlowState(purpose))
  const [state, setState] = useState(current.current)
  const run = useRef(0)

  // Abandons the current run: its pending plugin call is aborted, its late answers are ignored.
  const cancelRun = useCallback(() => {
    controller.current?.abort()
    controller.current = null
    run.current += 1
    session.current = null
    lastCode.current = null
  }, [])
  const mounted = useRef(false)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
      // StrictMode unmounts and mounts again at once; only a real unmount (still unmounted a
      // microtask later) cancels, or the session asked for on mount would be thrown away.
      queueMicrotask(() => {
        if (!mounted.current) cancelRun()
      })
    }
  }, [cancelRun])

  const send = useCallback((event: ChallengeFlowEvent, runId = run.current): boolean => {
    if (runId !== run.current) return false
    const next = challengeFlowReducer(current.current, event)
    if (next === current.current) return false
    current.current = next
    setState(next)
    if (next.status === 'done' || next.status === 'error') {
      // Nothing left to send: let go of the key and the code (start() asks for a new session).
      session.current = null
      authenticatedSessionId.current = undefined
      lastCode.current = null
    }
    if (next.status === 'done' && next.result) latest.current.onDone?.(next.result)
    return true
  }, [latest])

  const fail = useCallback((runId: number, error: unknown) => {
    let code = toFlowErrorCode(error)
    const clock = latest.current.now ?? Date.now
    // SSKS answers an expired code like a wrong one; after 6 h it can only be the former.
    if (code === 'INVALID_CHALLENGE' && clock() - sessionStartedAt.current > CHALLENGE_VALIDITY_MS) code = 'SESSION_NOT_FOUND'
    if (send({ type: 'failed', error: code }, runId)) latest.current.onError?.(code, error)
  }, [send, latest])

  // Runs whatever the current state asks for, until the flow waits for the user or stops.
  const advance = useCallback(async (runId: number, challenge?: ChallengeCode) => {
    try {
      while (runId === run.current) {
        const { status, purpose: p } = current.current
        if (status === 'saving') {
          await save()
          send({ type: 'saved' }, runId)
        } else if (status === 'verifying' && p === 'backup') {
          await save({ challenge })
          send({ type: 'saved' }, runId)
        } else if (status === 'verifying') {
          const result = await retrieve({ challenge })
          authenticatedSessionId.current = result.authenticatedSessionId
          const { accountInfo, keysRenewed, mustSaveIdentityAgain } = result
          send({ type: 'restored', accountInfo, keysRenewed, mustSaveIdentityAgain }, runId)
        } else if (status === 'renewing') {
          await save({ sessionId: authenticatedSessionId.current })
          send({ type: 'resaved' }, runId)
        } else return
      }
    } catch (error) {
      fail(runId, error)
    }
  }, [save, retrieve, send, fail])

  const begin = useCallback(async (event: 'start' | 'resend'): Promise<boolean> => {
    if (!send({ type: event })) return false
    controller.current?.abort()
    controller.current = new AbortController()
    const runId = ++run.current
    // A resend keeps the previous session until a new one arrives: if it is refused, the code
    // already sent may still be valid. The last code is dropped either way (it may be a wrong one).
    if (event === 'start') session.current = null
    lastCode.current = null
    try {
      const started = await startSession({ purpose: current.current.purpose })
      if (runId !== run.current) return false
      session.current = started
      sessionStartedAt.current = (latest.current.now ?? Date.now)()
      const destination = started.destinationHint ?? maskAuthFactor(started.authFactor)
      const resendAvailableAt = Date.now() + (latest.current.resendCooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS) * 1000
      const { mustAuthenticate, authFactor } = started
      send({ type: 'sessionStarted', mustAuthenticate, destination, destinationType: authFactor.type, resendAvailableAt }, runId)
      // The reducer stops a restore that needs no code (nothing stored); no error was thrown, so
      // make the typed one the plugin would have thrown and report it like the others.
      const { status, error } = current.current
      if (status === 'error' && error) latest.current.onError?.(error, new SSKS2MRError('IDENTITY_NOT_FOUND', 'Could not find this identity'))
      void advance(runId)
      return true
    } catch (error) {
      fail(runId, error)
      return false
    }
  }, [send, startSession, latest, advance, fail])

  const start = useCallback(() => void begin('start'), [begin])
  const resend = useCallback(() => begin('resend'), [begin])
  const submit = useCallback((code: ChallengeCode | null) => {
    if (!code || !send({ type: 'codeSubmitted' })) return
    lastCode.current = code
    void advance(run.current, code)
  }, [send, advance])
  const submitCode = useCallback((code: string) => submit(new ChallengeCode(code)), [submit])
  // Not after a wrong code: sending it again would only use up one of the session's tries.
  const retry = useCallback(() => {
    if (retryable(current.current)) submit(lastCode.current)
  }, [submit])
  const reset = useCallback(() => {
    if (send({ type: 'reset' })) cancelRun()
  }, [send, cancelRun])
  // No code to send again after a refused resend (it dropped the last code, maybe a wrong one).
  const canRetry = retryable(state) && lastCode.current !== null

  return useMemo(
    () => ({
      state, start, submitCode, retry, canRetry, resend, reset,
      destination: state.destination,
      error: state.error,
      cooldown: { availableAt: state.resendAvailableAt, seconds: resendCooldownSeconds },
    }),
    [state, start, submitCode, retry, canRetry, resend, reset, resendCooldownSeconds],
  )
}
