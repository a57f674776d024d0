/**
 * scrypt(N=16384, r=8, p=1, dkLen=64) in pure JS (@noble/hashes), the parameters the official
 * plugin uses through the SDK's `utils.scrypt`: the browsers' choice. Loaded with a dynamic
 * import so that an app's bundler can put noble (~5 KB gzip) in its own chunk, outside the
 * Node and React Native paths. It yields to the page (`scheduler.yield`, else a zero-delay timer)
 * once a slice has run 10 ms (noble checks the clock after each small block step, ~0.1 ms at
 * r=8), so no task comes near the 50 ms that makes a page feel stuck.
 */
let loading: Promise<typeof import('@noble/hashes/scrypt.js')> | undefined

const load = () => (loading ??= import('@noble/hashes/scrypt.js'))

/** Starts loading noble's chunk; a failure is reported by the next derivation. */
export function preloadNobleScrypt(): void {
  load().catch(() => (loading = undefined))
}

export async function nobleScrypt(password: Uint8Array, salt: Uint8Array): Promise<Uint8Array> {
  const { scryptAsync } = await load()
  return scryptAsync(password, salt, { N: 16384, r: 8, p: 1, dkLen: 64, asyncTick: 10 })
}
