import type { ScryptFunction } from '../types'
import { nobleScrypt, preloadNobleScrypt } from './nobleScrypt'
import type { Platform } from './platform'

/** Shape of the SDK's `utils.scrypt`: Node Buffers in, a Buffer out. */
export type SDKScrypt = (password: Uint8Array, salt: Uint8Array) => Promise<Uint8Array>

/**
 * Which scrypt derives keys, fastest first as measured (`npm run bench`, Chromium and Node):
 * the caller's `options.scrypt`; in Node and React Native the SDK's own `utils.scrypt` (native:
 * node:crypto off the main thread, react-native-scrypt); in browsers noble's, yielding to the
 * page between slices — the SDK's browser `utils.scrypt` is scrypt-js, about twice as slow, and
 * a WASM scrypt (hash-wasm) was faster but blocks the page for a whole derivation and weighs
 * twice the rest of the core. Noble too when the SDK has no `utils.scrypt`. The SDK's version is
 * handed Buffers (`toSDKBytes`), as it expects.
 */
export function resolveScrypt(
  custom: ScryptFunction | undefined,
  sdkScrypt: SDKScrypt | undefined,
  toSDKBytes: (bytes: Uint8Array) => Uint8Array,
  platform: Platform,
): ScryptFunction {
  if (custom) return custom
  if (typeof sdkScrypt === 'function' && platform !== 'browser') {
    return async (password, salt) => new Uint8Array(await sdkScrypt(toSDKBytes(password), toSDKBytes(salt)))
  }
  // Fetch noble's chunk now, while the user reads their code, not on the first derivation.
  preloadNobleScrypt()
  return nobleScrypt
}
