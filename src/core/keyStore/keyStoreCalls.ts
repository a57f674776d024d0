import type { Context } from '../context'
import { decodeIdentityBlob } from '../crypto/identityBlob'
import { encodeIdentityBlob } from '../crypto/identityBlob'
import type { IdentityKey } from '../crypto/identityKey'
import { pushIdentityBlob, requestFactorToken, searchIdentityBlob, validateChallenge } from '../ssks/ssksCalls'
import type { KeyStore2MR } from '../types'

type Args<K extends keyof KeyStore2MR> = KeyStore2MR[K] extends (args: infer A) => unknown ? A : never

/**
 * The bodies of `sdk.ssks2MR.keyStore`'s methods (loaded on first use: apps rarely call them).
 * Arguments are not validated, as in the official plugin: it is the "advanced use" door;
 * `saveIdentity`/`retrieveIdentity` validate first.
 */
export const keyStoreCalls = {
  async challengeValidate(ctx: Context, args: Args<'challengeValidate'>) {
    return { newSessionId: await validateChallenge(ctx, args) }
  },
  async push(ctx: Context, { appId = ctx.sdk.appId, userId = '', data, ...args }: Args<'push'>) {
    const dataB64 = await encodeIdentityBlob({ appId, userId, ...identityKey(args), identity: data, scrypt: ctx.scrypt })
    return pushIdentityBlob(ctx, { ...args, dataB64 })
  },
  async search(ctx: Context, { appId = ctx.sdk.appId, userId = '', ...args }: Args<'search'>) {
    const { dataB64, authenticated } = await searchIdentityBlob(ctx, args)
    return { data: await decodeIdentityBlob({ appId, userId, ...identityKey(args), dataB64, scrypt: ctx.scrypt }), authenticated }
  },
  getFactorToken: requestFactorToken,
}

/** Password mode when `twoManRuleKey` is set (as the official `if (twoManRuleKey)`), else raw. */
function identityKey({ twoManRuleKey, rawTwoManRuleKey }: { twoManRuleKey?: string; rawTwoManRuleKey?: string }): IdentityKey {
  if (twoManRuleKey) return { twoManRuleKey }
  if (rawTwoManRuleKey) return { rawTwoManRuleKey }
  throw new TypeError('keyStore: one of twoManRuleKey or rawTwoManRuleKey is required')
}
