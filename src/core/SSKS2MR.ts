import type { SDKPlugin } from '@seald-io/sdk/lib/main.js'
import type { Context } from './context'
import { detectPlatform } from './crypto/platform'
import { resolveCipher, resolveRandomBytes } from './crypto/resolveCrypto'
import { resolveScrypt } from './crypto/resolveScrypt'
import { createKeyStore } from './keyStore/createKeyStore'
import { silentLogger } from './logger'
import { getFactorToken } from './operations/getFactorToken'
import { retrieveIdentity } from './operations/retrieveIdentity'
import { saveIdentity } from './operations/saveIdentity'
import { DEFAULT_KEY_STORAGE_URL } from './protocol/constants'
import { sdkBytesConverter, type SDKHost } from './sdkHost'
import type { SSKS2MR as SSKS2MRApi, SSKS2MROptions } from './types'
import { validateKeyStorageURL } from './validation/validateKeyStorageURL'
import { validateOptions } from './validation/validateOptions'

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
    const toSDKBytes = sdkBytesConverter(host)
    const platform = detectPlatform()
    const ctx = {
      timeoutMs: 30_000,
      retries: 2,
      renewalPushRetries: 3,
      retryDelayMs: 300,
      logger: silentLogger,
      ...options,
      sdk: host,
      appId: host.appId,
      url,
      toSDKBytes,
      scrypt: resolveScrypt(options.scrypt, host.utils?.scrypt, toSDKBytes, platform),
      cipher: resolveCipher(host.sscrypto, toSDKBytes, platform),
      randomBytes: resolveRandomBytes(host.sscrypto),
    } as Omit<Context, 'keyStore'> as Context // keyStore is set just below: its calls need ctx
    const keyStore = (ctx.keyStore = createKeyStore(ctx, host.appId, host.version))
    host.ssks2MR = {
      keyStorageURL: url,
      keyStore,
      saveIdentity: (args) => saveIdentity(ctx, args),
      retrieveIdentity: (args) => retrieveIdentity(ctx, args),
      getFactorToken: (args) => getFactorToken(ctx, args),
    }
  }
}
