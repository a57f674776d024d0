import type { SSKS2MRErrorCode } from '../core/errors'

/** Code of the error `challengeSend` throws when SSKS does not know the user and `createUser` was not set (404). */
export const USER_NOT_FOUND: SSKS2MRErrorCode = 'USER_NOT_FOUND'
