import type { SSKS2MRErrorCode } from '../../core/errors'
import type { FlowErrorCode } from './FlowErrorCode'

const CODES: ReadonlySet<string> = new Set<SSKS2MRErrorCode>([
  'VALIDATION', 'INVALID_CHALLENGE', 'SESSION_NOT_FOUND', 'IDENTITY_NOT_FOUND', 'WRONG_KEY', 'SMS_QUOTA',
  'RATE_LIMITED', 'UNAUTHORIZED', 'NETWORK', 'TIMEOUT', 'SERVER', 'ABORTED',
])

const FETCH_FAILURE = /fetch|network|load failed/i

/**
 * The code a flow shows a message for. Reads `error.code` rather than `instanceof`: errors may
 * come from another copy of the kit (ESM and CJS builds) or from the app's `startSession`, which
 * can rethrow the `{ code }` its back-end route answered.
 */
export function toFlowErrorCode(error: unknown): FlowErrorCode {
  if (typeof error === 'object' && error !== null) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string' && CODES.has(code)) return code as SSKS2MRErrorCode
    const name = (error as { name?: unknown }).name
    if (name === 'AbortError') return 'ABORTED'
    if (name === 'TimeoutError') return 'TIMEOUT'
    // fetch() rejects with a TypeError when no HTTP answer arrives (offline, DNS, CORS); its
    // message differs per engine (Chrome, Firefox, Safari, Node). Other TypeErrors are bugs.
    if (error instanceof TypeError && FETCH_FAILURE.test(error.message)) return 'NETWORK'
  }
  return 'UNKNOWN'
}
