/**
 * The platform's WebCrypto (`globalThis.crypto`: every evergreen browser and Node ≥ 20).
 * Looked up at call time so nothing runs at import.
 */
export function webCrypto(): Crypto {
  const crypto = globalThis.crypto
  if (!crypto?.subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available')
  return crypto
}

/**
 * A copy on a plain `ArrayBuffer` of this realm: WebCrypto rejects views from another realm
 * (jsdom, iframes) and typed-array views over a `SharedArrayBuffer`.
 */
export function toBufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const copy = new Uint8Array(bytes.length)
  copy.set(bytes)
  return copy
}
