import type { ScryptFunction } from '../types'
import { decodeBase64 } from './base64'
import { decryptMessage, MalformedMessageError } from './decryptMessage'
import { deriveKey } from './deriveKey'
import type { IdentityKey, KeyContext } from './identityKey'

/**
 * Decrypts a `data_b64` returned by `search` (inverse of {@link encodeIdentityBlob}).
 * Throws `InvalidMacError` on a wrong key/appId/userId, `MalformedMessageError` on bytes that
 * cannot be a blob. Raw mode decrypts the whole buffer (the official plugin slices off a
 * "salt" but never uses it).
 */
export async function decodeIdentityBlob(args: KeyContext & IdentityKey & { dataB64: string; scrypt: ScryptFunction }): Promise<Uint8Array> {
  const blob = decodeBase64(args.dataB64)
  if (args.rawTwoManRuleKey !== undefined) return decryptMessage(decodeBase64(args.rawTwoManRuleKey), blob)
  if (blob.length < 32) throw new MalformedMessageError(`Stored identity is too short (${blob.length} bytes)`)
  const key = await deriveKey(args.scrypt, {
    appId: args.appId,
    userId: args.userId,
    twoManRuleKey: args.twoManRuleKey,
    salt: blob.subarray(0, 32),
  })
  return decryptMessage(key, blob.subarray(32))
}
