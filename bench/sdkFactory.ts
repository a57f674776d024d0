import OfficialPluginModule from '@seald-io/sdk-plugin-ssks-2mr'
import type { SDKPlugin } from '@seald-io/sdk/lib/main.js'
import { createTestSealdSDK } from '../src/testing/createTestSealdSDK'
import type { SSKS2MR as SSKS2MRApi } from '../src/core/types'
import type { SealdCloudStandIn } from '../src/testing/withSealdCloudStandIn'

export type Flavour = 'ours' | 'official'

/** The members the benchmarks use; `ssks2MR` typed as ours (the official one returns a subset). */
export interface BenchSDK {
  ssks2MR: SSKS2MRApi
  cloudStandIn: SealdCloudStandIn
}

// CommonJS with exports.default: Node's ESM import gives the exports object.
const imported = OfficialPluginModule as unknown as { default?: unknown }
const OfficialSSKS2MR = (typeof imported === 'function' ? imported : imported.default) as (url: string) => SDKPlugin

/** A real SealdSDK with our plugin or the official one, cloud members stood in (src/testing). */
export async function benchSdk(
  flavour: Flavour,
  emulator: { url: string; appId: string },
  userId?: string,
): Promise<BenchSDK> {
  const plugin = flavour === 'official' ? OfficialSSKS2MR(emulator.url) : undefined
  const sdk = await createTestSealdSDK({ keyStorageURL: emulator.url, appId: emulator.appId, userId, plugin })
  return sdk as unknown as BenchSDK
}
