import { concatBytes } from './concatBytes'
import { randomBytes } from './randomBytes'
import { subtle } from './subtle'
import { assertKey64, type SymCipher } from './symCipher'

/**
 * The SymKey format on WebCrypto, for browsers (native, off the main thread). Every byte array
 * handed to WebCrypto is a fresh copy of this realm: WebCrypto rejects views from another realm
 * (jsdom, iframes) or over a SharedArrayBuffer.
 */
function importSymKey(key64: Uint8Array): Promise<[CryptoKey, CryptoKey]> {
  assertKey64(key64)
  const key = new Uint8Array(key64)
  return Promise.all([
    subtle().importKey('raw', key.slice(0, 32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    subtle().importKey('raw', key.slice(32), 'AES-CBC', false, ['encrypt', 'decrypt']),
  ])
}

/** WebCrypto's AES-CBC always pads with PKCS#7, as sscrypto; its HMAC `verify` runs in constant time. */
export const webCryptoCipher: SymCipher = {
  async encrypt(key64, plaintext, iv = randomBytes(16)) {
    const [macKey, aesKey] = await importSymKey(key64)
    const ivCopy = new Uint8Array(iv)
    const body = concatBytes(
      ivCopy,
      new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: ivCopy }, aesKey, new Uint8Array(plaintext))),
    )
    return concatBytes(body, new Uint8Array(await subtle().sign('HMAC', macKey, body)))
  },
  async decrypt(key64, message) {
    const [macKey, aesKey] = await importSymKey(key64)
    const copy = new Uint8Array(message)
    const body = copy.slice(0, -32)
    if (!(await subtle().verify('HMAC', macKey, copy.slice(-32), body))) return undefined
    return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: body.slice(0, 16) }, aesKey, body.slice(16)))
  },
}
