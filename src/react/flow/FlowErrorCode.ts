import type { SSKS2MRErrorCode } from '../../core/errors'

/** A core error code, or `UNKNOWN` for a failure that carried none (e.g. the app's own back-end route). */
export type FlowErrorCode = SSKS2MRErrorCode | 'UNKNOWN'
