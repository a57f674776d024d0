import { concatBytes } from './concatBytes'
import { randomBytes } from './randomBytes'
import { subtle } from './subtle'

/**
 * sscrypto's `SymKey` on WebCrypto (ssks-protocol.md §7.3–§7.4): `key64` = HMAC-SHA-256 key
 * (first 32 bytes) || AES-256 key (last 32); a message = iv16 || AES-256-CBC-PKCS#7(plaintext)
 * || HMAC(iv || ct). Every byte array handed to WebCrypto is a fresh copy of this realm:
 * WebCrypto rejects views from another realm (jsdom, iframes) or over a SharedArrayBuffer.
 */
function importSymKey(key64: Uint8Array): Promise<[CryptoKey, CryptoKey]> {
  if (key64.length !== 64) throw new Error(`A SymKey is 64 bytes, not ${key64.length}`)
  const key = new Uint8Array(key64)
  return Promise.all([
    subtle().importKey('raw', key.slice(0, 32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    subtle().importKey('raw', key.slice(32), 'AES-CBC', false, ['encrypt', 'decrypt']),
  ])
}

/** `SymKey.encryptAsync`. `iv` is for test vectors only. WebCrypto's AES-CBC always pads with PKCS#7, as sscrypto. */
export async function encryptMessage(key64: Uint8Array, plaintext: Uint8Array, iv: Uint8Array = randomBytes(16)): Promise<Uint8Array> {
  const [macKey, aesKey] = await importSymKey(key64)
  const ivCopy = new Uint8Array(iv)
  const body = concatBytes(ivCopy, new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv: ivCopy }, aesKey, new Uint8Array(plaintext))))
  return concatBytes(body, new Uint8Array(await subtle().sign('HMAC', macKey, body)))
}

/**
 * `SymKey.decryptAsync` of a message of whole blocks (the caller checks the length): the HMAC
 * first, in constant time (WebCrypto's `verify`; sscrypto's `Buffer.equals` returns early), and
 * only then AES. Resolves `undefined` when the HMAC does not match; throws on bad padding, which
 * only a writer holding the key could produce.
 */
export async function decryptMessage(key64: Uint8Array, message: Uint8Array): Promise<Uint8Array | undefined> {
  const [macKey, aesKey] = await importSymKey(key64)
  const copy = new Uint8Array(message)
  const body = copy.slice(0, -32)
  if (!(await subtle().verify('HMAC', macKey, copy.slice(-32), body))) return undefined
  return new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv: body.slice(0, 16) }, aesKey, body.slice(16)))
}
