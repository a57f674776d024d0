import type { SDKSSCrypto } from './crypto/resolveCrypto'
import type { SDKScrypt } from './crypto/resolveScrypt'
import { sdkBufferClass } from './sdkBufferClass'
import type { AccountInfo } from './types'

/**
 * The members of a `SealdSDK` instance the plugin uses. A real SDK has them all; test stand-ins
 * (src/testing) may replace `importIdentity`, `renewKey`, `prepareRenew` and `goatee.account.exportBackupKey`.
 * `goatee` is a getter that throws before `initialize()`, so it is only read when needed.
 */
export interface SDKHost {
  appId: string
  version: string
  utils?: { scrypt?: SDKScrypt }
  sscrypto?: SDKSSCrypto
  readonly goatee: { account: { exportBackupKey(): Promise<Uint8Array> } }
  importIdentity(identity: Uint8Array): Promise<AccountInfo>
  /** 0.34+: the prepared renewal is imported like an identity (new keys tried first, then the old). */
  renewKey(options?: { preparedRenewal?: Uint8Array }): Promise<void>
  /** 0.34+: new keys made (and contacts refreshed) without switching to them yet. */
  prepareRenew?: () => Promise<Uint8Array>
}

/** Converts bytes to the Buffer the SDK expects (see `sdkBufferClass`); plain bytes when there is none. */
export function sdkBytesConverter(sdk: Pick<SDKHost, 'sscrypto'>): (bytes: Uint8Array) => Uint8Array {
  const BufferClass = sdkBufferClass(sdk)
  return (bytes) => (BufferClass ? BufferClass.from(bytes) : bytes)
}
