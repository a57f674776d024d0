import type { CryptoContext } from './crypto/cryptoContext'
import type { SSKS2MRLogger } from './logger'
import type { SDKHost } from './sdkHost'
import type { KeyStore2MR } from './types'

/** What one installed plugin shares between its calls: the SDK, settings, crypto and logger. */
export interface Context extends CryptoContext {
  sdk: SDKHost
  /** Validated `keyStorageURL`. */
  url: string
  /** Custom fetch; default: `globalThis.fetch`, read at call time (`fetchWithDeadline`). */
  fetch?: typeof globalThis.fetch
  timeoutMs: number
  /** Extra attempts for requests safe to repeat (search). */
  retries: number
  /** Extra attempts for the push of renewed keys. */
  renewalPushRetries: number
  /** First retry delay; doubles on each attempt. */
  retryDelayMs: number
  logger: SSKS2MRLogger
  /** Bytes → the Buffer class the SDK checks for. */
  toSDKBytes: (bytes: Uint8Array) => Uint8Array
  /** Its `extraHeaders` are read at call time, so callers can change them (as the official plugin). */
  keyStore: KeyStore2MR
}
