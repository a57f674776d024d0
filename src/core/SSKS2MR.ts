import type { SDKPlugin } from '@seald-io/sdk/lib/main.js'
import { resolveScrypt } from './crypto/resolveScrypt'
import { createSSKSClient } from './http/createSSKSClient'
import { createKeyStore } from './keyStore/createKeyStore'
import { silentLogger } from './logger'
import { getFactorToken } from './operations/getFactorToken'
import type { OperationContext } from './operations/operationContext'
import { retrieveIdentity } from './operations/retrieveIdentity'
import { saveIdentity } from './operations/saveIdentity'
import { DEFAULT_KEY_STORAGE_URL } from './protocol/constants'
import { sdkBytesConverter, type SDKHost } from './sdkHost'
import type { KeyStore2MR, SSKS2MR as SSKS2MRApi, SSKS2MROptions } from './types'
import { validateKeyStorageURL } from './validation/validateKeyStorageURL'
import { validateOptions } from './validation/validateOptions'

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_RETRIES = 2
const DEFAULT_RENEWAL_PUSH_RETRIES = 3
const DEFAULT_RETRY_DELAY_MS = 300

/**
 * Drop-in for `@seald-io/sdk-plugin-ssks-2mr`: pass `SSKS2MR(keyStorageURL)` in the SDK's
 * `plugins` and use `sdk.ssks2MR.saveIdentity` / `retrieveIdentity` / `getFactorToken`.
 * The URL (and options) are checked when the SDK applies the plugin (inside `SealdSDK({...})`),
 * as the official plugin checks its URL; bad ones throw an `SSKS2MRValidationError`.
 *
 * @param keyStorageURL - SSKS base URL (http or https). Default `https://ssks.seald.io/`.
 * @param pluginOptions - Timeouts, retries, logger, fetch and scrypt overrides (checked like the URL).
 */
export function SSKS2MR(keyStorageURL: string = DEFAULT_KEY_STORAGE_URL, pluginOptions?: SSKS2MROptions): SDKPlugin {
  return (sdk) => {
    const host = sdk as unknown as SDKHost & { ssks2MR: SSKS2MRApi }
    const url = validateKeyStorageURL(keyStorageURL)
    const options = validateOptions(pluginOptions)
    const logger = options.logger ?? silentLogger
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS
    const toSDKBytes = sdkBytesConverter(host)
    const scrypt = resolveScrypt(options.scrypt, host.utils?.scrypt, toSDKBytes)
    // `keyStore` is read lazily by the client: headers follow later edits of `extraHeaders`.
    const client = createSSKSClient({
      keyStorageURL: url,
      fetch: options.fetch,
      timeoutMs,
      retries: options.retries ?? DEFAULT_RETRIES,
      retryDelayMs,
      logger,
      extraHeaders: () => keyStore.extraHeaders,
    })
    const keyStore: KeyStore2MR = createKeyStore({ client, appId: host.appId, version: host.version, scrypt })
    const ctx: OperationContext = {
      sdk: host,
      toSDKBytes,
      client,
      scrypt,
      logger,
      renewalPushRetries: options.renewalPushRetries ?? DEFAULT_RENEWAL_PUSH_RETRIES,
      retryDelayMs,
    }
    host.ssks2MR = {
      keyStorageURL: url,
      keyStore,
      saveIdentity: (args) => saveIdentity(ctx, args),
      retrieveIdentity: (args) => retrieveIdentity(ctx, args),
      getFactorToken: (args) => getFactorToken(ctx, args),
    }
  }
}
