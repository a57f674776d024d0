/**
 * Typed errors of the plugin. Every failure a caller can act on has a stable `code`;
 * messages are short, never contain a secret, and keep the official plugin's wording
 * where users match on it ("Invalid challenge", "Could not find this identity", ...).
 */

export type SSKS2MRErrorCode =
  | 'VALIDATION' // bad argument; no I/O was done
  | 'INVALID_CHALLENGE' // wrong or expired code (403 on challenge_validate)
  | 'SESSION_NOT_FOUND' // unknown, replaced or expired session (404 on a session)
  | 'IDENTITY_NOT_FOUND' // nothing stored for this user and auth factor (404 TMRKey)
  | 'WRONG_KEY' // HMAC mismatch: wrong twoManRuleKey / rawTwoManRuleKey, appId or userId
  | 'SMS_QUOTA' // 406 SMSQuotaFailed (back-end challenge_send)
  | 'USER_NOT_FOUND' // back-end challenge_send for a user SSKS does not know, without createUser
  | 'RATE_LIMITED' // 429, or too many wrong codes
  | 'UNAUTHORIZED' // 401/403 other than a wrong challenge (e.g. bad API key on the back-end)
  | 'NETWORK' // the request never got an HTTP answer
  | 'TIMEOUT' // no answer within the configured timeout
  | 'SERVER' // any other non-2xx, or a malformed answer
  | 'ABORTED' // the caller's AbortSignal fired

export interface SSKS2MRErrorOptions {
  cause?: unknown
  /** HTTP status when the error came from an SSKS answer. */
  status?: number
}

/** Base class of every error thrown by ssks-2mr-kit. Discriminate on `code`. */
export class SSKS2MRError extends Error {
  override readonly name: string = 'SSKS2MRError'
  readonly code: SSKS2MRErrorCode
  readonly status: number | undefined

  constructor(code: SSKS2MRErrorCode, message: string, options: SSKS2MRErrorOptions = {}) {
    // `cause` is set only when the options have one (Error's own rule).
    super(message, options)
    this.code = code
    this.status = options.status
  }
}

/**
 * Bad argument, thrown before any I/O. `name` is `ValidationError`, as the official
 * plugin's Joi errors, and `message` keeps Joi's wording (`"userId" is required`).
 */
export class SSKS2MRValidationError extends SSKS2MRError {
  override readonly name = 'ValidationError'
  /** Dotted path of the offending argument, e.g. `authFactor.value`. */
  readonly path: string

  constructor(path: string, message: string) {
    super('VALIDATION', message)
    this.path = path
  }
}

/** True when `error` is an {@link SSKS2MRError}, optionally of the given code. */
export function isSSKS2MRError(error: unknown, code?: SSKS2MRErrorCode): error is SSKS2MRError {
  return error instanceof SSKS2MRError && (code === undefined || error.code === code)
}
