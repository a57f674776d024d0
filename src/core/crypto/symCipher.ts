/**
 * sscrypto's `SymKey` message format (ssks-protocol.md §7.3–§7.4) on some set of primitives:
 * `key64` = HMAC-SHA-256 key (first 32 bytes) || AES-256 key (last 32); a message =
 * iv16 || AES-256-CBC-PKCS#7(plaintext) || HMAC(iv || ct).
 */
export interface SymCipher {
  /** `SymKey.encryptAsync`. `iv` is for test vectors only. */
  encrypt(key64: Uint8Array, plaintext: Uint8Array, iv?: Uint8Array): Promise<Uint8Array>
  /**
   * `SymKey.decryptAsync` of a message of whole blocks (the caller checks the length): the HMAC
   * first, in constant time, and only then AES. Resolves `undefined` when the HMAC does not match;
   * throws on bad padding, which only a writer holding the key could produce.
   */
  decrypt(key64: Uint8Array, message: Uint8Array): Promise<Uint8Array | undefined>
}

export function assertKey64(key64: Uint8Array): void {
  if (key64.length !== 64) throw new Error(`A SymKey is 64 bytes, not ${key64.length}`)
}
