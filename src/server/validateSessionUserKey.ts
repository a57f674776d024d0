import { SSKS2MRValidationError } from '../core/errors'
import type { IdentityKey } from '../core/crypto/identityKey'
import { pickIdentityKey } from '../core/pickIdentityKey'
import { RAW_KEY_PATTERN } from '../core/protocol'
import type { SessionUser } from './types'

/**
 * The session must carry exactly one usable key, or the front-end's save/retrieve would fail later and less clearly.
 */
export function validateSessionUserKey(user: SessionUser): IdentityKey {
  const key = pickIdentityKey(user, "resolveUser's result")
  const hasPassword = key.twoManRuleKey !== undefined
  if (hasPassword && (typeof user.twoManRuleKey !== 'string' || user.twoManRuleKey === '')) {
    throw new SSKS2MRValidationError('twoManRuleKey', '"twoManRuleKey" must be a non-empty string')
  }
  if (!hasPassword && (typeof user.rawTwoManRuleKey !== 'string' || !RAW_KEY_PATTERN.test(user.rawTwoManRuleKey))) {
    // The value is a secret: name the rule, never echo it (unlike Joi's message).
    throw new SSKS2MRValidationError(
      'rawTwoManRuleKey',
      '"rawTwoManRuleKey" must be standard base64 of 64 bytes (88 characters ending in ==)',
    )
  }
  return key
}
