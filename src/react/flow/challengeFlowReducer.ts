import type { ChallengeFlowEvent, ChallengeFlowPurpose, ChallengeFlowState } from './ChallengeFlowState'
import type { FlowErrorCode } from './FlowErrorCode'
import { TRANSIENT_ERRORS } from './retryableErrors'

/** The state before `start()`. */
export function initialChallengeFlowState(purpose: ChallengeFlowPurpose): ChallengeFlowState {
  return {
    status: 'idle',
    purpose,
    error: null,
    needsResend: false,
    codeRound: 0,
    resendAvailableAt: null,
    destination: null,
    destinationType: null,
    result: null,
  }
}

// The session can no longer check a code: only a new one (resend) helps.
const SESSION_GONE: ReadonlySet<FlowErrorCode> = new Set(['SESSION_NOT_FOUND', 'RATE_LIMITED'])
// Failures of a submitted code after which the same session may still be tried again: a wrong
// code (type another), a cancelled call, and every transient failure.
const CODE_RETRYABLE = (error: FlowErrorCode) =>
  error === 'INVALID_CHALLENGE' || error === 'ABORTED' || TRANSIENT_ERRORS.has(error)

/**
 * The whole backup/restore flow as a pure function. An event that does not apply to the
 * current state returns the same object, which callers use to ignore double clicks and
 * late answers.
 */
export function challengeFlowReducer(state: ChallengeFlowState, event: ChallengeFlowEvent): ChallengeFlowState {
  switch (event.type) {
    case 'start':
      if (state.status !== 'idle' && state.status !== 'error' && state.status !== 'done') return state
      return { ...initialChallengeFlowState(state.purpose), status: 'starting', codeRound: state.codeRound }
    case 'resend':
      if (state.status !== 'codeRequired') return state
      return { ...state, status: 'starting', error: null }
    case 'sessionStarted': {
      if (state.status !== 'starting') return state
      const destination = { destination: event.destination, destinationType: event.destinationType }
      if (event.mustAuthenticate) {
        const { resendAvailableAt } = event
        return {
          ...state,
          ...destination,
          status: 'codeRequired',
          error: null,
          needsResend: false,
          codeRound: state.codeRound + 1,
          resendAvailableAt,
        }
      }
      // SSKS asks no code only when nothing is stored for this user and factor: nothing to restore.
      if (state.purpose === 'restore') return { ...state, ...destination, status: 'error', error: 'IDENTITY_NOT_FOUND' }
      return { ...state, ...destination, status: 'saving' }
    }
    case 'codeSubmitted':
      if (state.status !== 'codeRequired' || state.needsResend) return state
      return { ...state, status: 'verifying', error: null }
    case 'saved':
      if (state.status !== 'saving' && !(state.status === 'verifying' && state.purpose === 'backup')) return state
      return { ...state, status: 'done', error: null, result: backupResult() }
    case 'restored': {
      if (state.status !== 'verifying' || state.purpose !== 'restore') return state
      const { accountInfo, keysRenewed, mustSaveIdentityAgain } = event
      const result = { purpose: 'restore' as const, accountInfo, keysRenewed, resaved: false, mustSaveIdentityAgain }
      return { ...state, status: mustSaveIdentityAgain ? 'renewing' : 'done', error: null, result }
    }
    case 'resaved':
      if (state.status !== 'renewing' || !state.result) return state
      return { ...state, status: 'done', result: { ...state.result, resaved: true, mustSaveIdentityAgain: false } }
    case 'failed':
      return failed(state, event.error)
    case 'reset':
      return state.status === 'idle' ? state : initialChallengeFlowState(state.purpose)
  }
}

function failed(state: ChallengeFlowState, error: FlowErrorCode): ChallengeFlowState {
  switch (state.status) {
    case 'verifying':
      // Wrong code, lost answer...: back to the code, which the field keeps for another try.
      if (CODE_RETRYABLE(error)) return { ...state, status: 'codeRequired', error }
      if (SESSION_GONE.has(error)) return { ...state, status: 'codeRequired', error, needsResend: true }
      return { ...state, status: 'error', error }
    case 'renewing':
      // The identity is imported and usable, and the previous backup is intact: finish, flagged.
      return { ...state, status: 'done', error: null }
    case 'starting':
      // A refused resend (quota, rate limit, network) keeps the previous session and its field:
      // the code already sent may still be valid, and a resend can be tried again later.
      // `resend` keeps the destination while `start` clears it, so a known one means a resend.
      if (state.destination !== null) return { ...state, status: 'codeRequired', error }
      return { ...state, status: 'error', error }
    case 'saving':
      return { ...state, status: 'error', error }
    default:
      return state
  }
}

function backupResult() {
  return { purpose: 'backup' as const, keysRenewed: false, resaved: false, mustSaveIdentityAgain: false }
}
