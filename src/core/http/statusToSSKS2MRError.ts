import { SSKS2MRError, type SSKS2MRErrorCode } from '../errors'
import { INVALID_CREDENTIALS_DETAIL, SMS_QUOTA_DETAIL, TMR_KEY_MODEL } from '../protocol/constants'
import type { ErrorBody } from '../protocol/wire'
import { FAILURE_PREFIX, type Endpoint } from './endpoints'

/** Longest server `detail` quoted in a message; anything longer is dropped, never cut mid-secret. */
const MAX_DETAIL = 100

/**
 * Maps a non-2xx SSKS answer to a typed error. Messages hold the status and, when short and
 * printable, the DRF `detail` — never the request body, never the raw response body (a server
 * may echo what it received). The official wording is kept where users match on it.
 */
export function statusToSSKS2MRError(endpoint: Endpoint, status: number, bodyText: string): SSKS2MRError {
  const body = parseErrorBody(bodyText)
  const detail = typeof body?.detail === 'string' && body.detail.length <= MAX_DETAIL && /^[\x20-\x7e]+$/.test(body.detail) ? body.detail : ''
  const error = (code: SSKS2MRErrorCode, message: string) => new SSKS2MRError(code, message, { status })
  if (endpoint === 'challengeValidate' && status === 403 && body?.detail === INVALID_CREDENTIALS_DETAIL) {
    return error('INVALID_CHALLENGE', 'Invalid challenge')
  }
  if (endpoint === 'search' && status === 404 && body?.model === TMR_KEY_MODEL) {
    return error('IDENTITY_NOT_FOUND', 'Could not find this identity')
  }
  const message = `${FAILURE_PREFIX[endpoint]}: ${status}${detail ? ` ${detail}` : ''}`
  if (status === 404) return error('SESSION_NOT_FOUND', message)
  if (status === 429) return error('RATE_LIMITED', message)
  if (status === 406 && body?.detail === SMS_QUOTA_DETAIL) return error('SMS_QUOTA', message)
  if (status === 401 || status === 403) return error('UNAUTHORIZED', message)
  return error('SERVER', message)
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' ? (value as ErrorBody) : undefined
  } catch {
    return undefined
  }
}
