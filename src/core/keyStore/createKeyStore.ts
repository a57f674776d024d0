import type { Context } from '../context'
import { keyStoreCalls } from './keyStoreCalls'
import { HEADERS } from '../protocol/constants'
import type { KeyStore2MR } from '../types'

type Method = Exclude<keyof KeyStore2MR, 'extraHeaders'>

/**
 * `sdk.ssks2MR.keyStore`: the low-level calls with the official `KeyStore2MR` shapes (plus
 * `getFactorToken`). Their code is a separate chunk for app bundlers (dynamic import), fetched
 * on the first call: `saveIdentity`/`retrieveIdentity` do not need it.
 */
export function createKeyStore(ctx: Context, appId: string, version: string): KeyStore2MR {
  const method = <K extends Method>(name: K) =>
    (async (args: unknown) => {
      return (keyStoreCalls[name] as (ctx: Context, args: unknown) => unknown)(ctx, args)
    }) as KeyStore2MR[K]
  return {
    extraHeaders: { [HEADERS.appId]: appId, [HEADERS.version]: version },
    challengeValidate: method('challengeValidate'),
    push: method('push'),
    search: method('search'),
    getFactorToken: method('getFactorToken'),
  }
}
