import type { SSKS2MRErrorCode } from '../core/errors'

/**
 * Code of the error `challengeSend` throws when SSKS does not know the user and `createUser`
 * was not set (404). Not (yet) in core's `SSKS2MRErrorCode` union, which only lists front-end
 * codes; the cast keeps the one error class for both halves.
 */
export const USER_NOT_FOUND = 'USER_NOT_FOUND' as SSKS2MRErrorCode
