import type { CryptoContext } from './cryptoContext'
import type { Platform } from './platform'
import { randomBytes as webRandomBytes } from './randomBytes'
import { type SSCryptoSymKeyClass, sscryptoCipher } from './sscryptoCipher'
import type { SymCipher } from './symCipher'
import { webCryptoCipher } from './symKey'

/** The SDK's `sscrypto` members the plugin can use instead of the platform's WebCrypto. */
export interface SDKSSCrypto {
  SymKey?: SSCryptoSymKeyClass
  utils?: { randomBytes?: (size: number) => Uint8Array }
}

/**
 * The cipher: in Node the SDK's sscrypto (node:crypto, synchronous: measured faster than
 * WebCrypto's per-call thread-pool hops); in browsers WebCrypto (native; sscrypto's browser
 * build is forge or the same WebCrypto); where there is no `crypto.subtle` (React Native's
 * Hermes, plain-HTTP pages) the SDK's sscrypto, as the official plugin. WebCrypto also when
 * the SDK has no sscrypto (a stand-in), which reports a missing `crypto.subtle` when called.
 */
export function resolveCipher(
  sscrypto: SDKSSCrypto | undefined,
  toSDKBytes: (bytes: Uint8Array) => Uint8Array,
  platform: Platform,
): SymCipher {
  const SymKey = sscrypto?.SymKey
  if (typeof SymKey !== 'function') return webCryptoCipher
  if (platform === 'node' || !globalThis.crypto?.subtle) return sscryptoCipher(SymKey, toSDKBytes)
  return webCryptoCipher
}

/** Salt and IV bytes: `crypto.getRandomValues`, else (React Native without its polyfill) the SDK's own. */
export function resolveRandomBytes(sscrypto: SDKSSCrypto | undefined): CryptoContext['randomBytes'] {
  const sdkRandom = sscrypto?.utils?.randomBytes
  if (typeof globalThis.crypto?.getRandomValues === 'function' || typeof sdkRandom !== 'function') return webRandomBytes
  return (length) => new Uint8Array(sdkRandom(length))
}
