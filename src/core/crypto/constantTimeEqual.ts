/**
 * Compares two MACs in time that depends only on their length, so a forged blob cannot learn
 * the expected HMAC byte by byte from response timing (sscrypto uses `Buffer.equals`, which
 * returns early; Go's SDK uses `hmac.Equal`, as here).
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}
