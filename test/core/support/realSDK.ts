import type { SealdSDK, SDKPlugin } from '@seald-io/sdk/lib/main.js'
import SealdSDKModule from '@seald-io/sdk'

type SealdSDKFactory = (options: { appId: string; plugins?: SDKPlugin[] }) => SealdSDK

// The package is CommonJS with `exports.default`: depending on the loader the factory is the
// default export or its `default` property.
const factory = ((SealdSDKModule as { default?: unknown }).default ?? SealdSDKModule) as SealdSDKFactory

/** A real `@seald-io/sdk` instance (Node build); construction works offline. */
export function realSDK(plugins: SDKPlugin[] = [], appId: string = crypto.randomUUID()): SealdSDK {
  const sdk = factory({ appId, plugins })
  // The SDK logs at info level by default; keep test output readable.
  ;(sdk as unknown as { setLogLevel?: (level: string) => void }).setLogLevel?.('none')
  return sdk
}
