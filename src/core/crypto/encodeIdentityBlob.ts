import type { ScryptFunction } from '../types'
import { decodeBase64, encodeBase64 } from './base64'
import { concatBytes } from './concatBytes'
import { deriveKey } from './deriveKey'
import { encryptMessage } from './encryptMessage'
import type { IdentityKey, KeyContext } from './identityKey'
import { randomBytes } from './randomBytes'

/**
 * The `data_b64` pushed to SSKS (ssks-protocol.md §7.5):
 * password mode `base64(salt32 || iv || ct || hmac)` with a fresh salt per push;
 * raw mode `base64(iv || ct || hmac)`, the key being the 64 decoded bytes of `rawTwoManRuleKey`.
 * `salt`/`iv` are only given by tests reproducing the deterministic vectors.
 */
export async function encodeIdentityBlob(
  args: KeyContext & IdentityKey & { identity: Uint8Array; scrypt: ScryptFunction; salt?: Uint8Array; iv?: Uint8Array },
): Promise<string> {
  if (args.rawTwoManRuleKey !== undefined) {
    return encodeBase64(await encryptMessage(decodeBase64(args.rawTwoManRuleKey), args.identity, args.iv))
  }
  const salt = args.salt ?? randomBytes(32)
  const key = await deriveKey(args.scrypt, { appId: args.appId, userId: args.userId, twoManRuleKey: args.twoManRuleKey, salt })
  return encodeBase64(concatBytes(salt, await encryptMessage(key, args.identity, args.iv)))
}
