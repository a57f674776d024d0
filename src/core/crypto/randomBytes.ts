/** `length` cryptographically random bytes (salt and IV). */
export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length))
}
