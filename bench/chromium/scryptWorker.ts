/**
 * Worker body for the "noble in a Web Worker" candidate: one derivation per message, synchronous (off the main thread).
 */
import { scrypt } from '@noble/hashes/scrypt.js'

self.onmessage = (event: MessageEvent<{ id: number; password: Uint8Array; salt: Uint8Array }>) => {
  const { id, password, salt } = event.data
  const key = scrypt(password, salt, { N: 16384, r: 8, p: 1, dkLen: 64 })
  ;(self as unknown as Worker).postMessage({ id, key }, [key.buffer])
}
