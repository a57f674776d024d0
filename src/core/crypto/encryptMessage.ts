import { concatBytes } from './concatBytes'
import { randomBytes } from './randomBytes'
import { toBufferSource, webCrypto } from './webCrypto'

/**
 * sscrypto's `SymKey.encryptAsync` on WebCrypto (ssks-protocol.md §7.3–§7.4).
 * `key64` = HMAC-SHA-256 key (first 32 bytes) || AES-256 key (last 32);
 * result = iv16 || AES-256-CBC-PKCS#7(plaintext) || HMAC(iv || ct). `iv` is for test vectors only.
 */
export async function encryptMessage(key64: Uint8Array, plaintext: Uint8Array, iv: Uint8Array = randomBytes(16)): Promise<Uint8Array> {
  const { subtle } = webCrypto()
  const { macKey, aesKey } = await importSymKey(key64)
  const ivCopy = toBufferSource(iv)
  // WebCrypto's AES-CBC always applies PKCS#7 padding, exactly as sscrypto/node:crypto do.
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: 'AES-CBC', iv: ivCopy }, aesKey, toBufferSource(plaintext)))
  const body = concatBytes(ivCopy, ciphertext)
  const mac = new Uint8Array(await subtle.sign('HMAC', macKey, toBufferSource(body)))
  return concatBytes(body, mac)
}

/** Splits a 64-byte SymKey into WebCrypto keys (non-extractable). */
export async function importSymKey(key64: Uint8Array): Promise<{ macKey: CryptoKey; aesKey: CryptoKey }> {
  if (key64.length !== 64) throw new Error('A SymKey is 64 bytes')
  const { subtle } = webCrypto()
  const [macKey, aesKey] = await Promise.all([
    subtle.importKey('raw', toBufferSource(key64.subarray(0, 32)), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    subtle.importKey('raw', toBufferSource(key64.subarray(32, 64)), { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']),
  ])
  return { macKey, aesKey }
}
