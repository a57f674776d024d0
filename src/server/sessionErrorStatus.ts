import type { SSKS2MRErrorCode } from '../core/errors'
import { USER_NOT_FOUND } from './userNotFound'

/**
 * HTTP status the session route answers for a failed `challengeSend`, seen from the browser:
 * problems of the app's own configuration or of SSKS are gateway errors (5xx), limits are 429.
 */
export function sessionErrorStatus(code: SSKS2MRErrorCode): number {
  switch (code) {
    case USER_NOT_FOUND:
      return 404
    case 'SMS_QUOTA':
    case 'RATE_LIMITED':
      return 429
    case 'VALIDATION':
      return 500 // resolveUser gave something challengeSend refuses: a bug of the app's back-end
    case 'TIMEOUT':
      return 504
    case 'ABORTED':
      return 499 // the browser went away; nobody reads this answer
    default:
      return 502
  }
}
