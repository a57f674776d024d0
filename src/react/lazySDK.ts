import type { SSKS2MR } from '../core/types'
import type { SSKS2MRCapableSDK, SSKS2MRSDKFactory } from './types'

/** The provider's view of its `sdk` prop: the SDK to hand to hooks, and a way to start loading it. */
export interface LazySDK {
  sdk: SSKS2MRCapableSDK
  /** Calls the factory (once) and resolves the SDK; a rejected load is forgotten so that the next call tries again. */
  load(): Promise<SSKS2MRCapableSDK>
}

/**
 * Wraps a factory so that it is called on first use only — in an effect or a flow step, never
 * during render — which keeps `new SealdSDK(...)` (and its `window` access) off the server.
 * The calls the hooks make (`saveIdentity`, `retrieveIdentity`, `getFactorToken`) wait for it;
 * `keyStorageURL` and `keyStore` are synchronous, so they throw until the SDK is loaded.
 */
export function createLazySDK(factory: SSKS2MRSDKFactory): LazySDK {
  let pending: Promise<SSKS2MRCapableSDK> | null = null
  let loaded: SSKS2MRCapableSDK | null = null

  const load = (): Promise<SSKS2MRCapableSDK> => {
    pending ??= Promise.resolve()
      .then(factory)
      .then(
        (sdk) => {
          if (!sdk || typeof sdk !== 'object' || !sdk.ssks2MR) {
            throw new TypeError(
              'SSKS2MRProvider: the sdk factory must return a Seald SDK with the SSKS2MR plugin installed',
            )
          }
          loaded = sdk
          return sdk
        },
        (error: unknown) => {
          pending = null
          throw error
        },
      )
    return pending
  }
  const loadedOrThrow = (member: string): SSKS2MR => {
    if (!loaded) throw new Error(`SSKS2MRProvider: sdk.ssks2MR.${member} is read before the sdk factory has resolved`)
    return loaded.ssks2MR
  }

  const ssks2MR: SSKS2MR = {
    get keyStorageURL() {
      return loadedOrThrow('keyStorageURL').keyStorageURL
    },
    get keyStore() {
      return loadedOrThrow('keyStore').keyStore
    },
    saveIdentity: async (args) => (await load()).ssks2MR.saveIdentity(args),
    retrieveIdentity: async (args) => (await load()).ssks2MR.retrieveIdentity(args),
    getFactorToken: async (args) => (await load()).ssks2MR.getFactorToken(args),
  }
  return { sdk: { ssks2MR }, load }
}
