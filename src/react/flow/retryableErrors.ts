import type { ChallengeFlowState } from './ChallengeFlowState'
import type { FlowErrorCode } from './FlowErrorCode'

/**
 * Failures that say nothing about the code itself (no answer, a server error, an error without a
 * code): sending the same code again may work.
 */
export const TRANSIENT_ERRORS: ReadonlySet<FlowErrorCode | null> = new Set(['NETWORK', 'TIMEOUT', 'SERVER', 'UNKNOWN'])

/**
 * The flow waits for a code after a transient failure of the last one. Not after a wrong code:
 * sending it again would only use up one of the session's tries.
 */
export function isRetryable(state: ChallengeFlowState): boolean {
  return state.status === 'codeRequired' && !state.needsResend && TRANSIENT_ERRORS.has(state.error)
}
