/**
 * `ssks-2mr-kit/server`: helpers for the app's own back-end — start SSKS 2MR sessions
 * (`challenge_send`) and mint per-user 2MR keys. Server-only: it handles the SSKS API key.
 */
export { createSSKSBackend } from './createSSKSBackend'
export { generateTwoManRuleKey, TWO_MAN_RULE_KEY_BYTES } from './generateTwoManRuleKey'
export { generateRawTwoManRuleKey } from './generateRawTwoManRuleKey'
export { toNodeHandler } from './toNodeHandler'
export type { NodeHandler } from './toNodeHandler'
export { SSKS2MRError, SSKS2MRValidationError, isSSKS2MRError } from '../core/errors'
export type { SSKS2MRErrorCode } from '../core/errors'
export type { SSKS2MRSession } from '../core/session'
export type {
  ChallengeSendArgs,
  ChallengeSendResult,
  FetchHandler,
  SessionHandlerOptions,
  SessionUser,
  SSKSBackend,
  SSKSBackendOptions,
} from './types'
