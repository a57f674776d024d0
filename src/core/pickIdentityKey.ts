import type { IdentityKey } from './crypto/identityKey'
import { SSKS2MRValidationError } from './errors'

/**
 * The one key of `source`, alone in a fresh object: exactly one of `twoManRuleKey` and
 * `rawTwoManRuleKey` must be set. Both or neither is refused before any I/O — with both, readers
 * would disagree on which one encrypts. `owner` names where the value came from in the message.
 */
export function pickIdentityKey(
  source: { twoManRuleKey?: unknown; rawTwoManRuleKey?: unknown },
  owner: string,
): IdentityKey {
  const { twoManRuleKey, rawTwoManRuleKey } = source
  if ((twoManRuleKey === undefined) === (rawTwoManRuleKey === undefined)) {
    throw new SSKS2MRValidationError('', `${owner} must carry exactly one of twoManRuleKey and rawTwoManRuleKey`)
  }
  // The type of the value itself is the plugin's to check (with Joi's messages).
  if (twoManRuleKey !== undefined) return { twoManRuleKey: twoManRuleKey as string }
  return { rawTwoManRuleKey: rawTwoManRuleKey as string }
}
