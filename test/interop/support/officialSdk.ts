import SealdSDKModule from '@seald-io/sdk'
import OfficialPluginModule from '@seald-io/sdk-plugin-ssks-2mr'
import type { RunningEmulator } from '../../../src/emulator/types'
import { withSealdCloudStandIn, type WithSealdCloudStandIn } from '../../../src/testing/withSealdCloudStandIn'
import { unwrapDefault } from './unwrapDefault'
import type { SSKS2MR as SSKS2MRApi } from '../../../src/core/types'

/** The SDK members tests touch; `ssks2MR` typed as ours (the official one returns a subset). */
export interface AnySDK {
  [member: string]: any
  ssks2MR: SSKS2MRApi
  renewKey(): Promise<void>
  exportIdentity(): Promise<Buffer>
}
type SDKPlugin = (sdk: any) => void

export const SealdSDK = unwrapDefault<(options: { appId: string; plugins?: SDKPlugin[] }) => AnySDK>(SealdSDKModule)
export const OfficialSSKS2MR = unwrapDefault<(keyStorageURL?: string) => SDKPlugin>(OfficialPluginModule)

/** Real SDK + the OFFICIAL plugin, only the Seald-cloud members replaced by the stand-in. */
export function officialSdk(
  emulator: { url: string; appId: string },
  options: { userId?: string } = {},
): WithSealdCloudStandIn<AnySDK> {
  const sdk = SealdSDK({ appId: emulator.appId, plugins: [OfficialSSKS2MR(emulator.url)] })
  return withSealdCloudStandIn(sdk, options.userId === undefined ? {} : { userId: options.userId })
}

export type { RunningEmulator }
