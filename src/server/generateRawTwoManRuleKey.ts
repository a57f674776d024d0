import { RAW_KEY_BYTES } from '../core/protocol'
import { encodeBase64 } from '../core/crypto/base64'

/**
 * A new per-user `rawTwoManRuleKey`: 64 bytes (512 bits) from the platform's CSPRNG, standard
 * base64 with padding (88 characters, matching `/^[A-Za-z0-9+/]{86}==$/`). The bytes are used
 * directly as the HMAC (first 32) and AES-256 (last 32) keys, with no key derivation, which is
 * why Seald requires them to be cryptographically random. Raw keys also work with the Go and
 * mobile SDKs.
 */
export function generateRawTwoManRuleKey(): string {
  return encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(RAW_KEY_BYTES)))
}
