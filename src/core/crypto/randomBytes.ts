import { webCrypto } from './webCrypto'

/** `length` cryptographically random bytes (salt and IV). */
export function randomBytes(length: number): Uint8Array {
  return webCrypto().getRandomValues(new Uint8Array(length))
}
