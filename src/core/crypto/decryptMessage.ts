import { constantTimeEqual } from './constantTimeEqual'
import { importSymKey } from './encryptMessage'
import { toBufferSource, webCrypto } from './webCrypto'

/** Smallest message: IV, one AES block, HMAC. */
const MIN_MESSAGE_BYTES = 16 + 16 + 32

/** Thrown when the HMAC does not match: wrong key, appId or userId (or a tampered blob). */
export class InvalidMacError extends Error {
  override readonly name = 'InvalidMacError'
  constructor() {
    super('INVALID_HMAC')
  }
}

/** Thrown when the bytes cannot be an sscrypto message at all (too short, not whole blocks). */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError'
}

/**
 * Inverse of {@link encryptMessage}: checks the HMAC over iv || ct first (constant-time), and
 * only then AES-CBC-decrypts and unpads, like sscrypto.
 */
export async function decryptMessage(key64: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  if (message.length < MIN_MESSAGE_BYTES || (message.length - 48) % 16 !== 0) {
    throw new MalformedMessageError(`Encrypted message has an impossible length (${message.length} bytes)`)
  }
  const { subtle } = webCrypto()
  const { macKey, aesKey } = await importSymKey(key64)
  const body = message.subarray(0, message.length - 32)
  const expected = new Uint8Array(await subtle.sign('HMAC', macKey, toBufferSource(body)))
  if (!constantTimeEqual(expected, message.subarray(message.length - 32))) throw new InvalidMacError()
  const iv = toBufferSource(body.subarray(0, 16))
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-CBC', iv }, aesKey, toBufferSource(body.subarray(16))))
  } catch (cause) {
    // Authentic but badly padded: only a writer with the key could produce this.
    throw new MalformedMessageError('Encrypted message has invalid padding', { cause })
  }
}
