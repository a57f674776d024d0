import { SSKS2MRError } from '../errors'
import type { ScryptFunction } from '../types'
import { decodeBase64, encodeBase64 } from './base64'
import { concatBytes } from './concatBytes'
import { deriveKey } from './deriveKey'
import type { IdentityKey, KeyContext } from './identityKey'
import { randomBytes } from './randomBytes'
import { decryptMessage, encryptMessage } from './symKey'

/**
 * The `data_b64` stored on SSKS (ssks-protocol.md §7.5):
 * password mode `base64(salt32 || iv || ct || hmac)`, the key derived from `twoManRuleKey` and a
 * fresh salt per push; raw mode `base64(iv || ct || hmac)`, the key being the 64 decoded bytes of
 * `rawTwoManRuleKey` (the official plugin slices off a "salt" on read but never uses it).
 */
type BlobArgs = KeyContext & IdentityKey & { scrypt: ScryptFunction }

/** The SymKey of a blob: derived from the password and the blob's salt, or the raw key itself. */
function blobKey(args: BlobArgs, salt: Uint8Array): Promise<Uint8Array> | Uint8Array {
  return args.twoManRuleKey === undefined
    ? decodeBase64(args.rawTwoManRuleKey)
    : deriveKey(args.scrypt, { appId: args.appId, userId: args.userId, twoManRuleKey: args.twoManRuleKey, salt })
}

/** Encrypts an identity for `push`. `salt`/`iv` are only given by tests reproducing the deterministic vectors. */
export async function encodeIdentityBlob(args: BlobArgs & { identity: Uint8Array; salt?: Uint8Array; iv?: Uint8Array }): Promise<string> {
  const salt = args.twoManRuleKey === undefined ? new Uint8Array() : (args.salt ?? randomBytes(32))
  return encodeBase64(concatBytes(salt, await encryptMessage(await blobKey(args, salt), args.identity, args.iv)))
}

/**
 * Decrypts what `search` returned. An HMAC mismatch is `WRONG_KEY` with the official plugin's
 * messages (a wrong appId or userId cannot be told apart from a wrong key: both are in the scrypt
 * salt); bytes that cannot be a blob are a `SERVER` error, found before spending a key derivation.
 */
export async function decodeIdentityBlob(args: BlobArgs & { dataB64: string }): Promise<Uint8Array> {
  const blob = decodeBase64(args.dataB64)
  const salt = blob.subarray(0, args.twoManRuleKey === undefined ? 0 : 32)
  const message = blob.subarray(salt.length)
  const malformed = (options?: { cause: unknown }) => new SSKS2MRError('SERVER', 'Retrieving identity failed: stored identity is malformed', options)
  // At least IV + one AES block + HMAC, in whole 16-byte blocks (a blob shorter than its salt leaves nothing).
  if (message.length < 64 || message.length % 16) throw malformed()
  const identity = await decryptMessage(await blobKey(args, salt), message).catch((cause: unknown) => Promise.reject(malformed({ cause })))
  if (identity) return identity
  throw new SSKS2MRError('WRONG_KEY', args.twoManRuleKey === undefined ? 'Invalid rawTwoManRuleKey' : 'Invalid appId, userId, or twoManRuleKey')
}
