import type { ChallengeFlowPurpose, ChallengeFlowResult, ChallengeFlowState } from '../flow/ChallengeFlowState'
import type { FlowErrorCode } from '../flow/FlowErrorCode'

/** Options of `useChallengeFlow`. */
export interface UseChallengeFlowOptions {
  purpose: ChallengeFlowPurpose
  onDone?: (result: ChallengeFlowResult) => void
  /**
   * Called once per failed step (a wrong code too), with the code the UI shows a message for and
   * the error: the thrown one, or an `SSKS2MRError` with that code when the flow itself decided
   * (restore with nothing stored).
   */
  onError?: (code: FlowErrorCode, error: unknown) => void
  /** Seconds before "resend" is offered after a code is sent (`cooldown.availableAt`). Default 30. */
  resendCooldownSeconds?: number
  /**
   * Clock used to tell an expired code (SSKS: 6 h) from a wrong one; both get the same 403.
   * Default `Date.now`; tests against the emulator pass `emulator.clock.now`.
   */
  now?: () => number
}

/** What `useChallengeFlow` returns: its state and the actions the UI calls. */
export interface ChallengeFlow {
  state: ChallengeFlowState
  /** Asks the back-end for a session; saves at once when no code is needed (first backup). */
  start(): void
  /** Checks `code` and saves or restores; ignored unless a code is awaited. */
  submitCode(code: string): void
  /** Submits the last code again, after a failure that was not the code's fault (`canRetry`). */
  retry(): void
  /** The last code failed on the network or the server (not a wrong code): `retry()` may work. */
  canRetry: boolean
  /**
   * A new session, hence a new code (clears the field: `state.codeRound` changes). Resolves
   * true once the new code went out, false when the resend was refused or failed (see `error`):
   * the flow then stays on the previous code, which may still be typed.
   */
  resend(): Promise<boolean>
  /** Back to `idle`; the abandoned run's pending call is aborted and its answers are ignored. */
  reset(): void
  destination: string | null
  error: FlowErrorCode | null
  /**
   * When a resend is offered: a deadline, not a ticking counter, so the flow does not re-render
   * every second (`ChallengeEntry`'s `resendAvailableAt`, or `useResendCooldown` keyed on `state.codeRound`).
   */
  cooldown: { availableAt: number | null; seconds: number }
}
