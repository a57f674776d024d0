/**
 * Adds `sdk.ssks2MR` to the Seald SDK's type, as the plugin adds it at run time. Imported by every
 * entry that hands out or takes an SDK (core, react, testing), so `sdk.ssks2MR` type-checks whichever
 * of them an app imports.
 */
import type { SSKS2MR as SSKS2MRApi } from './types'

declare module '@seald-io/sdk/lib/main.js' {
  interface SealdSDK {
    /** Installed by the `SSKS2MR(...)` plugin from `ssks-2mr-kit`. */
    ssks2MR: SSKS2MRApi
  }
}
