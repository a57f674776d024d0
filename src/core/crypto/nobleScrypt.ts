import { SCRYPT_PARAMS } from './scryptParams'

/**
 * Longest synchronous slice, in ms, before scrypt yields to the event loop. noble checks the
 * clock after each small block step (~0.1 ms at r=8), so slices stay close to this value and
 * the main thread is never blocked for the 50 ms that makes a page feel stuck (issue 2 §2).
 */
const ASYNC_TICK_MS = 8

/**
 * scrypt(N=16384, r=8, p=1, dkLen=64) in pure JS (@noble/hashes), yielding as it goes: the
 * fallback when neither `options.scrypt` nor the SDK's `utils.scrypt` is there. Loaded with a
 * dynamic import so that app bundlers put noble (~5 KB gzip) in its own chunk, fetched only in
 * that rare case — a real SDK always has `utils.scrypt`.
 */
export async function nobleScrypt(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  const { scryptAsync } = await import('@noble/hashes/scrypt.js')
  return scryptAsync(password, salt, { ...SCRYPT_PARAMS, asyncTick: ASYNC_TICK_MS })
}
