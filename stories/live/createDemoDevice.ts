import SealdSDKWeb from '@seald-io/sdk/browser'
import SSKS2MR from '../../src/core'
import { withSealdCloudStandIn } from '../../src/testing/withSealdCloudStandIn'
import type { LiveEnvironment } from './liveEnvironment'

/**
 * One "device": a REAL `@seald-io/sdk` browser build with the kit's plugin installed, talking to
 * the emulator. Seald's cloud API is not reachable from a demo machine, so the few SDK members
 * that need it (account creation, importIdentity, renewKey, exportIdentity) are replaced by the
 * stand-in from `src/testing` — everything the plugin does (scrypt, encryption, SSKS calls) is real.
 *
 * `signedUpAs` gives the device an account, as `sdk.initiateIdentity()` would right after sign-up;
 * without it the device is new and has no identity until a restore.
 */
export function createDemoDevice(
  env: Pick<LiveEnvironment, 'appId' | 'keyStorageURL' | 'ssksFetch'>,
  signedUpAs?: { userId: string },
) {
  const sdk = sealdSDKFactory()({
    appId: env.appId,
    // Never called: the only cloud members are the stand-in's. A closed port fails fast if one slips through.
    apiURL: 'http://127.0.0.1:9/',
    plugins: [SSKS2MR(env.keyStorageURL, { fetch: env.ssksFetch })],
  })
  return withSealdCloudStandIn(sdk, signedUpAs ? { userId: signedUpAs.userId } : {})
}

export type DemoDevice = ReturnType<typeof createDemoDevice>

// The browser build is CommonJS with `exports.default`: bundlers hand out either the function or
// the module object holding it, depending on their interop mode.
function sealdSDKFactory(): typeof SealdSDKWeb {
  const candidate: unknown = SealdSDKWeb
  return (
    typeof candidate === 'function' ? candidate : (candidate as { default: unknown }).default
  ) as typeof SealdSDKWeb
}
