import { SSKS2MRError } from '../errors'
import { decodeBase64, encodeBase64 } from './base64'
import { concatBytes } from './concatBytes'
import type { CryptoContext } from './cryptoContext'
import { deriveKey } from './deriveKey'
import type { BlobKey } from './identityKey'

/**
 * The `data_b64` stored on SSKS (ssks-protocol.md §7.5):
 * password mode `base64(salt32 || iv || ct || hmac)`, the key derived from `twoManRuleKey` and a
 * fresh salt per push; raw mode `base64(iv || ct || hmac)`, the key being the 64 decoded bytes of
 * `rawTwoManRuleKey` (the official plugin slices off a "salt" on read but never uses it).
 */

/** The SymKey of a blob: derived from the password and the blob's salt, or the raw key itself. */
function blobKey(ctx: CryptoContext, key: BlobKey, salt: Uint8Array): Promise<Uint8Array> | Uint8Array {
  return key.twoManRuleKey === undefined
    ? decodeBase64(key.rawTwoManRuleKey)
    : deriveKey(ctx.scrypt, { appId: ctx.appId, userId: key.userId, twoManRuleKey: key.twoManRuleKey, salt })
}

/** Salt and IV, given only by tests reproducing the deterministic vectors. */
export interface FixedRandomness {
  salt?: Uint8Array
  iv?: Uint8Array
}

/** Encrypts an identity for `push`. */
export async function encryptIdentity(
  ctx: CryptoContext,
  key: BlobKey,
  identity: Uint8Array,
  fixed: FixedRandomness = {},
): Promise<string> {
  const salt = key.twoManRuleKey === undefined ? new Uint8Array() : (fixed.salt ?? ctx.randomBytes(32))
  const iv = fixed.iv ?? ctx.randomBytes(16)
  const message = await ctx.cipher.encrypt(await blobKey(ctx, key, salt), identity, iv)
  return encodeBase64(concatBytes(salt, message))
}

/**
 * Decrypts what `search` returned. An HMAC mismatch is `WRONG_KEY` with the official plugin's
 * messages (a wrong appId or userId cannot be told apart from a wrong key: both are in the scrypt
 * salt); bytes that cannot be a blob are a `SERVER` error, found before spending a key derivation.
 */
export async function decryptIdentity(ctx: CryptoContext, key: BlobKey, dataB64: string): Promise<Uint8Array> {
  const blob = decodeBase64(dataB64)
  const salt = blob.subarray(0, key.twoManRuleKey === undefined ? 0 : 32)
  const message = blob.subarray(salt.length)
  const malformed = (options?: { cause: unknown }) =>
    new SSKS2MRError('SERVER', 'Retrieving identity failed: stored identity is malformed', options)
  // At least IV + one AES block + HMAC, in whole 16-byte blocks (a blob shorter than its salt leaves nothing).
  if (message.length < 64 || message.length % 16) throw malformed()
  const symKey = await blobKey(ctx, key, salt)
  const identity = await ctx.cipher
    .decrypt(symKey, message)
    .catch((cause: unknown) => Promise.reject(malformed({ cause })))
  if (identity) return identity
  const which = key.twoManRuleKey === undefined ? 'Invalid rawTwoManRuleKey' : 'Invalid appId, userId, or twoManRuleKey'
  throw new SSKS2MRError('WRONG_KEY', which)
}
