import { SSKS2MRError } from '../errors'
import type { ScryptFunction } from '../types'
import { decodeIdentityBlob } from './decodeIdentityBlob'
import { InvalidMacError } from './decryptMessage'
import type { IdentityKey, KeyContext } from './identityKey'

/**
 * {@link decodeIdentityBlob} with the official plugin's messages on an HMAC mismatch
 * (`WRONG_KEY`): a wrong appId or userId cannot be told apart from a wrong key, since both are
 * in the scrypt salt. Bytes that cannot be a blob at all are a `SERVER` error.
 */
export async function openIdentityBlob(args: KeyContext & IdentityKey & { dataB64: string; scrypt: ScryptFunction }): Promise<Uint8Array> {
  try {
    return await decodeIdentityBlob(args)
  } catch (error) {
    if (error instanceof InvalidMacError) {
      const message = args.rawTwoManRuleKey !== undefined ? 'Invalid rawTwoManRuleKey' : 'Invalid appId, userId, or twoManRuleKey'
      throw new SSKS2MRError('WRONG_KEY', message)
    }
    if (error instanceof Error && error.name === 'MalformedMessageError') {
      throw new SSKS2MRError('SERVER', `Retrieving identity failed: ${error.message}`, { cause: error })
    }
    throw error
  }
}
