import { concatBytes } from './concatBytes'
import { randomBytes } from './randomBytes'
import { assertKey64, type SymCipher } from './symCipher'

/** The members of the SDK's `sscrypto.SymKey` used here (sscrypto ≥ 1.4: node, forge and webcrypto builds). */
export interface SSCryptoSymKey {
  calculateHMACAsync_(text: Uint8Array): Promise<Uint8Array>
  rawEncryptAsync_(clearText: Uint8Array, iv: Uint8Array): Promise<Uint8Array>
  rawDecryptAsync_(cipherText: Uint8Array, iv: Uint8Array): Promise<Uint8Array>
}
export type SSCryptoSymKeyClass = new (key: Uint8Array) => SSCryptoSymKey

/**
 * The SymKey format on the SDK's own sscrypto primitives, as the official plugin does: in Node
 * they are node:crypto calls run synchronously (no thread-pool hop per call, which is most of
 * a raw-key call's time there), in React Native forge's (where there is no WebCrypto). Only
 * the raw AES and HMAC steps are sscrypto's; the HMAC is compared here in constant time
 * (sscrypto's `decrypt` uses `Buffer.equals`, which returns at the first differing byte).
 */
export function sscryptoCipher(SymKey: SSCryptoSymKeyClass, toSDKBytes: (bytes: Uint8Array) => Uint8Array): SymCipher {
  const open = (key64: Uint8Array) => {
    assertKey64(key64)
    return new SymKey(toSDKBytes(key64))
  }
  return {
    async encrypt(key64, plaintext, iv = randomBytes(16)) {
      const key = open(key64)
      const body = concatBytes(iv, await key.rawEncryptAsync_(toSDKBytes(plaintext), toSDKBytes(iv)))
      return concatBytes(body, await key.calculateHMACAsync_(toSDKBytes(body)))
    },
    async decrypt(key64, message) {
      const key = open(key64)
      const body = message.subarray(0, -32)
      if (!equalInConstantTime(await key.calculateHMACAsync_(toSDKBytes(body)), message.subarray(-32))) return undefined
      return new Uint8Array(await key.rawDecryptAsync_(toSDKBytes(body.subarray(16)), toSDKBytes(body.subarray(0, 16))))
    },
  }
}

function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.min(a.length, b.length); i++) difference |= a[i]! ^ b[i]!
  return difference === 0
}
