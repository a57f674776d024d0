/** Standard padded base64 without Node's Buffer, so the server helpers also run on edge runtimes. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}
