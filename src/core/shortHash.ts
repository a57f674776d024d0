/**
 * 8 hex digits of FNV-1a: enough to tell two session ids apart in logs without printing one
 * (session ids are bearer tokens for SSKS), or to key an in-memory queue without keeping an email
 * as the key. Not a cryptographic commitment; a 32-bit digest of a random UUID cannot be turned
 * back into it, and a collision only makes two unrelated retrievals wait for each other.
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
