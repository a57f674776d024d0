import { MutationObserver, type QueryClient } from '@tanstack/query-core'
import { SSKS2MRError } from '../../core/errors'
import { maskAuthFactor } from '../../core/maskAuthFactor'
import { CHALLENGE_VALIDITY_MS } from '../../core/protocol/constants'
import type { SSKS2MRSession } from '../../core/session'
import type { AuthenticatedSession } from '../AuthenticatedSession'
import { ChallengeCode } from '../ChallengeCode'
import {
  retrieveIdentityMutationOptions,
  type RetrieveIdentityData,
  type RetrieveIdentityError,
  type RetrieveIdentityVariables,
} from '../query/retrieveIdentityMutationOptions'
import {
  saveIdentityMutationOptions,
  type SaveIdentityData,
  type SaveIdentityError,
  type SaveIdentityVariables,
} from '../query/saveIdentityMutationOptions'
import type { SSKS2MRCapableSDK, StartSession } from '../types'
import { challengeFlowReducer, initialChallengeFlowState } from './challengeFlowReducer'
import type {
  ChallengeFlowEvent,
  ChallengeFlowPurpose,
  ChallengeFlowResult,
  ChallengeFlowState,
} from './ChallengeFlowState'
import type { FlowErrorCode } from './FlowErrorCode'
import { isRetryable } from './retryableErrors'
import { toFlowErrorCode } from './toFlowErrorCode'

const DEFAULT_COOLDOWN_SECONDS = 30

/** What a flow needs to run, and what it reports. */
export interface ChallengeFlowControllerOptions {
  purpose: ChallengeFlowPurpose
  sdk: SSKS2MRCapableSDK
  /** The app's "start 2MR session" call (its back-end route). */
  startSession: StartSession
  /** Where the save and retrieve mutations run (devtools, `isMutating` and scopes see them). */
  queryClient: QueryClient
  onDone?: (result: ChallengeFlowResult) => void
  /**
   * Called once per failed step (a wrong code too), with the code the UI shows a message for and
   * the error: the thrown one, or an `SSKS2MRError` with that code when the flow itself decided
   * (restore with nothing stored).
   */
  onError?: (code: FlowErrorCode, error: unknown) => void
  /** Seconds before a resend is offered after a code is sent (`resendAvailableAt`). Default 30. */
  resendCooldownSeconds?: number
  /**
   * Clock used to tell an expired code (SSKS: 6 h) from a wrong one; both get the same 403.
   * Default `Date.now`; tests against the emulator pass `emulator.clock.now`.
   */
  now?: () => number
}

/** The flow's state as the UI draws it: the reducer's state and what only the controller knows. */
export interface ChallengeFlowSnapshot extends ChallengeFlowState {
  /** The last code failed on the network or the server (not a wrong code): `retry()` may work. */
  canRetry: boolean
  /** `retry()` is checking the last code again (a "Try again" button stays, inert, meanwhile). */
  retrying: boolean
  /** `resend()` is asking for a new code; the previous one may still be typed. */
  resending: boolean
}

/**
 * The whole backup or restore journey without any UI framework: session → code (if asked) →
 * save / restore → re-save of renewed keys → done, every failure mapped to a core error code.
 * Transitions are the pure `challengeFlowReducer`; the side effects run as the same TanStack
 * mutations as `useSaveIdentity` / `useRetrieveIdentity`, through `MutationObserver`.
 *
 * The secrets stay here, never in the TanStack cache: the session (with its key), the last code
 * (for `retry()`), the validated session (for the re-save). Each run (start, resend) has its own
 * AbortController, aborted by `reset()`, `destroy()` or the next run; answers of an abandoned run
 * are ignored, so a cancelled retrieval never goes on to import the identity or renew keys.
 */
export class ChallengeFlowController {
  #options: ChallengeFlowControllerOptions
  #state: ChallengeFlowState
  #snapshot: ChallengeFlowSnapshot
  readonly #listeners = new Set<() => void>()
  #run = 0
  #abort: AbortController | null = null
  #session: SSKS2MRSession | null = null
  #sessionStartedAt = 0
  #authenticated: AuthenticatedSession | undefined
  // A field fires onComplete once per value, so retry() cannot get the same code from it again.
  #lastCode: ChallengeCode | null = null
  #retrying = false
  #mounts = 0
  #observers: Observers | null = null

  constructor(options: ChallengeFlowControllerOptions) {
    // Nothing runs here: a controller made for a render that is thrown away costs nothing.
    this.#options = options
    this.#state = initialChallengeFlowState(options.purpose)
    this.#snapshot = this.#derive()
  }

  /** The current state; the same object until something changes. */
  readonly getState = (): ChallengeFlowSnapshot => this.#snapshot

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /**
   * For UI adapters: the component using the flow is mounted; call the returned function on
   * unmount. A flow no longer mounted a microtask later is destroyed (its call aborted):
   * StrictMode unmounts and mounts again at once, and that must not throw away the session asked
   * for on mount.
   */
  readonly mount = (): (() => void) => {
    this.#mounts += 1
    return () => {
      this.#mounts -= 1
      queueMicrotask(() => this.#mounts === 0 && this.destroy())
    }
  }

  /** New callbacks, clock, SDK or client; the running step keeps the SDK it started with. */
  setOptions(options: ChallengeFlowControllerOptions): void {
    this.#options = options
  }

  /** Asks the back-end for a session; saves at once when no code is needed (first backup). */
  readonly start = (): void => void this.#begin('start')

  /** Checks `code` and saves or restores; ignored unless a code is awaited. */
  readonly submitCode = (code: string): void => this.#submit(new ChallengeCode(code), false)

  /** Submits the last code again, only when `canRetry`. */
  readonly retry = (): void => {
    if (this.#snapshot.canRetry) this.#submit(this.#lastCode, true)
  }

  /**
   * A new session, hence a new code (`codeRound` changes). Resolves true once it went out, false
   * when refused or failed (see `error`): the flow then keeps the previous session, whose code may
   * still be valid.
   */
  readonly resend = (): Promise<boolean> => this.#begin('resend')

  /** Back to `idle`; the abandoned run's pending call is aborted and its answers are ignored. */
  readonly reset = (): void => {
    if (this.#send({ type: 'reset' })) this.#cancelRun()
  }

  /** Like `reset()`, and lets the last mutations be garbage-collected like an unmounted `useMutation`'s. */
  readonly destroy = (): void => {
    this.reset()
    this.#cancelRun()
    this.#observers?.save.reset()
    this.#observers?.retrieve.reset()
  }

  #derive(): ChallengeFlowSnapshot {
    const state = this.#state
    return {
      ...state,
      // No code to send again after a refused resend (it dropped the last code, maybe a wrong one).
      canRetry: isRetryable(state) && this.#lastCode !== null,
      retrying: this.#retrying && state.status === 'verifying',
      // A resend keeps the destination while a first start clears it.
      resending: state.status === 'starting' && state.destination !== null,
    }
  }

  #publish(): void {
    const next = this.#derive()
    const previous = this.#snapshot
    if ((Object.keys(next) as Array<keyof ChallengeFlowSnapshot>).every((key) => next[key] === previous[key])) return
    this.#snapshot = next
    for (const listener of [...this.#listeners]) listener()
  }

  /** Applies `event` for run `runId` (default: the current one); false when it did not apply. */
  #send(event: ChallengeFlowEvent, runId = this.#run): boolean {
    if (runId !== this.#run) return false
    const next = challengeFlowReducer(this.#state, event)
    if (next === this.#state) return false
    this.#state = next
    if (next.status === 'done' || next.status === 'error') {
      // Nothing left to send: let go of the key, the validated session and the code.
      this.#session = null
      this.#authenticated = undefined
      this.#lastCode = null
    }
    if (next.status !== 'verifying') this.#retrying = false
    this.#publish()
    if (next.status === 'done' && next.result) this.#options.onDone?.(next.result)
    return true
  }

  #fail(runId: number, error: unknown): void {
    let code = toFlowErrorCode(error)
    const now = this.#options.now ?? Date.now
    // SSKS answers an expired code like a wrong one; after 6 h it can only be the former.
    const expired = now() - this.#sessionStartedAt > CHALLENGE_VALIDITY_MS
    if (code === 'INVALID_CHALLENGE' && expired) code = 'SESSION_NOT_FOUND'
    if (this.#send({ type: 'failed', error: code }, runId)) this.#options.onError?.(code, error)
  }

  /** Abandons the current run: its pending plugin call is aborted, its late answers are ignored. */
  #cancelRun(): void {
    this.#abort?.abort()
    this.#abort = null
    this.#run += 1
    this.#session = null
    this.#authenticated = undefined
    this.#lastCode = null
    this.#publish()
  }

  /** The save and retrieve observers, made on first use and again when the SDK or client changed. */
  #mutations() {
    const { sdk, queryClient } = this.#options
    if (this.#observers?.sdk !== sdk || this.#observers.queryClient !== queryClient) {
      const session = () => this.#session
      // Read when the plugin is called, beside the session: a signal in variables would show in devtools.
      const signal = () => this.#abort?.signal
      this.#observers = {
        sdk,
        queryClient,
        save: new MutationObserver(queryClient, saveIdentityMutationOptions(sdk, session, signal)),
        retrieve: new MutationObserver(queryClient, retrieveIdentityMutationOptions(sdk, session, signal)),
      }
    }
    return this.#observers
  }

  async #begin(event: 'start' | 'resend'): Promise<boolean> {
    if (!this.#send({ type: event })) return false
    this.#abort?.abort()
    this.#abort = new AbortController()
    const runId = ++this.#run
    // A resend keeps the previous session until a new one arrives: if it is refused, the code
    // already sent may still be valid. The last code is dropped either way (it may be a wrong one).
    if (event === 'start') this.#session = null
    this.#lastCode = null
    this.#publish()
    try {
      const started = await this.#options.startSession({ purpose: this.#state.purpose })
      if (runId !== this.#run) return false
      this.#session = started
      this.#sessionStartedAt = (this.#options.now ?? Date.now)()
      const { mustAuthenticate, authFactor } = started
      const destination = started.destinationHint ?? maskAuthFactor(authFactor)
      // The real clock: the cooldown is shown to the user, unlike the expiry the test clock decides.
      const resendAvailableAt = Date.now() + (this.#options.resendCooldownSeconds ?? DEFAULT_COOLDOWN_SECONDS) * 1000
      const destinationType = authFactor.type
      this.#send({ type: 'sessionStarted', mustAuthenticate, destination, destinationType, resendAvailableAt }, runId)
      // The reducer stops a restore that needs no code (nothing stored); no error was thrown, so
      // make the typed one the plugin would have thrown and report it like the others.
      const { status, error } = this.#state
      if (status === 'error' && error) {
        this.#options.onError?.(error, new SSKS2MRError('IDENTITY_NOT_FOUND', 'Could not find this identity'))
      }
      void this.#advance(runId)
      return true
    } catch (error) {
      this.#fail(runId, error)
      return false
    }
  }

  #submit(code: ChallengeCode | null, retrying: boolean): void {
    if (!code || !this.#send({ type: 'codeSubmitted' })) return
    this.#lastCode = code
    this.#retrying = retrying
    this.#publish()
    void this.#advance(this.#run, code)
  }

  /** Runs whatever the current state asks for, until the flow waits for the user or stops. */
  async #advance(runId: number, challenge?: ChallengeCode): Promise<void> {
    const { save, retrieve } = this.#mutations()
    try {
      while (runId === this.#run) {
        const { status, purpose } = this.#state
        if (status === 'saving' || (status === 'verifying' && purpose === 'backup')) {
          await save.mutate({ challenge })
          this.#send({ type: 'saved' }, runId)
        } else if (status === 'verifying') {
          const restored = await retrieve.mutate({ challenge })
          if (runId !== this.#run) return
          const { authenticatedSession, accountInfo, keysRenewed, mustSaveIdentityAgain } = restored
          this.#authenticated = authenticatedSession
          this.#send({ type: 'restored', accountInfo, keysRenewed, mustSaveIdentityAgain }, runId)
        } else if (status === 'renewing') {
          await save.mutate({ authenticatedSession: this.#authenticated })
          this.#send({ type: 'resaved' }, runId)
        } else return
      }
    } catch (error) {
      this.#fail(runId, error)
    }
  }
}

type SaveObserver = MutationObserver<SaveIdentityData, SaveIdentityError, SaveIdentityVariables | void>
type RetrieveObserver = MutationObserver<RetrieveIdentityData, RetrieveIdentityError, RetrieveIdentityVariables | void>
type Observers = { sdk: SSKS2MRCapableSDK; queryClient: QueryClient; save: SaveObserver; retrieve: RetrieveObserver }
