/**
 * Standard base64 with padding, written out so the core needs neither `Buffer` (absent in
 * browsers) nor `btoa`/`atob` (string-based, and `atob` is stricter than Node).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Standard (RFC 4648 §4) base64 with `=` padding, as `Buffer#toString('base64')`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '=='
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '='
  }
  return out
}

/**
 * Decodes base64 as leniently as Node's `Buffer.from(s, 'base64')`, which the official plugin
 * uses on `search`: characters outside the alphabet are skipped, the URL-safe `-`/`_` are
 * accepted, decoding stops at the first `=`, and leftover bits are dropped. Being as lenient
 * keeps us able to read whatever the official plugin can read.
 */
export function decodeBase64(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let length = 0
  let buffer = 0
  let bits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 61 /* = */) break
    const value = sextet(c)
    if (value < 0) continue
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[length++] = (buffer >> bits) & 0xff
    }
  }
  return out.slice(0, length)
}

function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65 // A-Z
  if (c >= 97 && c <= 122) return c - 71 // a-z
  if (c >= 48 && c <= 57) return c + 4 // 0-9
  if (c === 43 || c === 45) return 62 // + or URL-safe -
  if (c === 47 || c === 95) return 63 // / or URL-safe _
  return -1
}
