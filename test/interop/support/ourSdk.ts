import type { SSKS2MROptions } from '../../../src/core/types'
import { createTestSealdSDK } from '../../../src/testing/createTestSealdSDK'
import type { WithSealdCloudStandIn } from '../../../src/testing/withSealdCloudStandIn'
import { officialSdk, type AnySDK } from './officialSdk'

export interface SdkOptions {
  /** Start with a (stand-in) registered account, as after initiateIdentity. */
  userId?: string
  pluginOptions?: SSKS2MROptions
}

/** Real SDK + OUR plugin, only the Seald-cloud members replaced by the stand-in. */
export async function ourSdk(
  emulator: { url: string; appId: string },
  options: SdkOptions = {},
): Promise<WithSealdCloudStandIn<AnySDK>> {
  return (await createTestSealdSDK({
    keyStorageURL: emulator.url,
    appId: emulator.appId,
    userId: options.userId,
    pluginOptions: options.pluginOptions,
  })) as unknown as WithSealdCloudStandIn<AnySDK>
}

export type Flavour = 'official' | 'ours'

export const makeSdk = (flavour: Flavour, emulator: { url: string; appId: string }, options: SdkOptions = {}) =>
  flavour === 'official' ? Promise.resolve(officialSdk(emulator, options)) : ourSdk(emulator, options)
