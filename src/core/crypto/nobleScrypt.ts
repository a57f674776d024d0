/**
 * scrypt(N=16384, r=8, p=1, dkLen=64) in pure JS (@noble/hashes), the parameters the official
 * plugin uses through the SDK's `utils.scrypt`: the fallback when neither `options.scrypt` nor
 * the SDK's `utils.scrypt` is there. Loaded with a dynamic import so that app bundlers put noble
 * (~5 KB gzip) in its own chunk, fetched only in that rare case — a real SDK always has
 * `utils.scrypt`. It yields to the event loop every 8 ms (noble checks the clock after each
 * small block step, ~0.1 ms at r=8), so the main thread is never blocked for the 50 ms that
 * makes a page feel stuck (issue 2 §2).
 */
export async function nobleScrypt(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  const { scryptAsync } = await import('@noble/hashes/scrypt.js')
  return scryptAsync(password, salt, { N: 16384, r: 8, p: 1, dkLen: 64, asyncTick: 8 })
}
