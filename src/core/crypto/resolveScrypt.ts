import type { ScryptFunction } from '../types'
import { nobleScrypt } from './nobleScrypt'

/** Shape of the SDK's `utils.scrypt`: Node Buffers in, a Buffer out. */
export type SDKScrypt = (password: Uint8Array, salt: Uint8Array) => Promise<Uint8Array>

/**
 * Which scrypt derives keys: the caller's `options.scrypt`, else the SDK's own `utils.scrypt`
 * (node:crypto off the main thread in Node, scrypt-js in the browser build), else noble's.
 * The SDK's version is handed Buffers (`toSDKBytes`), as it expects.
 */
export function resolveScrypt(
  custom: ScryptFunction | undefined,
  sdkScrypt: SDKScrypt | undefined,
  toSDKBytes: (bytes: Uint8Array) => Uint8Array,
): ScryptFunction {
  if (custom) return custom
  if (typeof sdkScrypt === 'function') {
    return async (password, salt) => new Uint8Array(await sdkScrypt(toSDKBytes(password), toSDKBytes(salt)))
  }
  return nobleScrypt
}
