import { SSKS2MRError, type SSKS2MRErrorCode } from '../errors'
import { INVALID_CREDENTIALS_DETAIL, SMS_QUOTA_DETAIL, TMR_KEY_MODEL } from '../protocol/constants'
import type { ErrorBody } from '../protocol/wire'
import { FAILURE_PREFIX, type Endpoint } from './endpoints'

/** Longest server `detail` quoted in a message; anything longer is dropped, never cut mid-secret. */
const MAX_DETAIL = 100

/**
 * Maps a non-2xx SSKS answer to a typed error. Messages hold the status and, when short and
 * printable, the DRF `detail` — never the request body, never the raw response body, never a
 * detail that repeats something we sent (a server may echo what it received). The official wording is kept where users match on it.
 */
export function statusToSSKS2MRError(endpoint: Endpoint, status: number, bodyText: string, sent: readonly string[] = []): SSKS2MRError {
  const body = parseErrorBody(bodyText)
  const detail = quotableDetail(body?.detail, sent)
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

/**
 * The server's `detail` when it is short, printable, and not an echo of a value we sent
 * (`sent`: the session id and the request body's string values — a challenge, `data_b64`, an
 * email or phone number). Values shorter than 4 characters (`EM`) are not worth hiding.
 */
function quotableDetail(detail: unknown, sent: readonly string[]): string {
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL || !/^[\x20-\x7e]+$/.test(detail)) return ''
  const echoed = sent.some((value) => value.length >= 4 && (detail.includes(value) || value.includes(detail)))
  return echoed ? '' : detail
}

function parseErrorBody(text: string): ErrorBody | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return value !== null && typeof value === 'object' ? (value as ErrorBody) : undefined
  } catch {
    return undefined
  }
}
