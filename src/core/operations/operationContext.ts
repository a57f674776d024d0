import type { SSKSClient } from '../http/createSSKSClient'
import type { SSKS2MRLogger } from '../logger'
import type { SDKHost } from '../sdkHost'
import type { ScryptFunction } from '../types'

/** What the plugin's operations share: the SDK, the SSKS client, scrypt, logger and tuning. */
export interface OperationContext {
  sdk: SDKHost
  /** Bytes → the Buffer class the SDK checks for. */
  toSDKBytes: (bytes: Uint8Array) => Uint8Array
  client: SSKSClient
  scrypt: ScryptFunction
  logger: SSKS2MRLogger
  renewalPushRetries: number
  retryDelayMs: number
}
