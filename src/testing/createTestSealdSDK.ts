import type { SealdSDK, SDKPlugin } from '@seald-io/sdk/lib/main.js'
import SSKS2MR from '../core/index'
import type { SSKS2MROptions } from '../core/types'
import { withSealdCloudStandIn, type WithSealdCloudStandIn } from './withSealdCloudStandIn'

export interface CreateTestSealdSDKOptions {
  /** SSKS base URL, e.g. a running emulator's `url`. */
  keyStorageURL: string
  /** Must be a v4-style UUID (the SDK checks). Default: a random one. */
  appId?: string
  /** Start with a registered (stand-in) account for this user; default: a fresh device with no account. */
  userId?: string
  /** The 2MR plugin to install; default: ssks-2mr-kit's own `SSKS2MR(keyStorageURL, pluginOptions)`. */
  plugin?: SDKPlugin
  /** Options of ssks-2mr-kit's plugin when `plugin` is not given (logger, timeoutMs, ...). */
  pluginOptions?: SSKS2MROptions
}

/**
 * **Uses the Seald-cloud STAND-IN. For tests only.** A REAL `@seald-io/sdk` instance with a 2MR
 * plugin installed (ours by default, or e.g. the official one via `plugin`) and only its
 * Seald-cloud members replaced by {@link withSealdCloudStandIn}. `@seald-io/sdk` is a peer
 * dependency, loaded here on first call so the `testing` entry imports without it.
 */
export async function createTestSealdSDK(options: CreateTestSealdSDKOptions): Promise<WithSealdCloudStandIn<SealdSDK>> {
  const { keyStorageURL, appId = globalThis.crypto.randomUUID(), userId, plugin, pluginOptions } = options
  const SealdSDKConstructor = await loadSealdSDK()
  const sdk = SealdSDKConstructor({
    appId,
    plugins: [plugin ?? (SSKS2MR(keyStorageURL, pluginOptions) as unknown as SDKPlugin)],
  })
  return withSealdCloudStandIn(sdk, userId === undefined ? {} : { userId })
}

type SealdSDKFactory = (options: { appId: string; plugins: SDKPlugin[] }) => SealdSDK

// `@seald-io/sdk` is CommonJS with `exports.default`: Node's ESM import gives `{ default: { default: fn } }`,
// bundlers give `{ default: fn }`. Accept both.
async function loadSealdSDK(): Promise<SealdSDKFactory> {
  const mod = (await import('@seald-io/sdk')) as unknown as { default?: unknown }
  const first = mod.default as { default?: unknown } | undefined
  const candidate = typeof first === 'function' ? first : first?.default
  if (typeof candidate !== 'function')
    throw new Error('createTestSealdSDK: could not load the SealdSDK constructor from @seald-io/sdk')
  return candidate as SealdSDKFactory
}
