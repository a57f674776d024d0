import type { Context } from '../context'
import { decryptIdentity, encryptIdentity } from '../crypto/identityBlob'
import type { BlobKey } from '../crypto/identityKey'
import { HEADERS } from '../protocol/constants'
import { pushIdentityBlob, requestFactorToken, searchIdentityBlob, challengeValidate } from '../ssks/ssksCalls'
import type { KeyStore2MR } from '../types'

/**
 * `sdk.ssks2MR.keyStore`: the low-level calls with the official `KeyStore2MR` shapes (plus
 * `getFactorToken`). Arguments are not validated, as in the official plugin: it is the
 * "advanced use" door; `saveIdentity`/`retrieveIdentity` validate first. `appId` defaults to
 * the SDK's, `userId` to ''.
 */
export function createKeyStore(ctx: Context, appId: string, version: string): KeyStore2MR {
  type KeyArgs = { appId?: string; userId?: string; twoManRuleKey?: string; rawTwoManRuleKey?: string }
  const cryptoOf = (args: KeyArgs) => ({ ...ctx, appId: args.appId ?? appId })
  // Password mode when `twoManRuleKey` is set (as the official `if (twoManRuleKey)`), else raw.
  const keyOf = (args: KeyArgs) =>
    ({
      userId: args.userId ?? '',
      ...(args.twoManRuleKey ? { twoManRuleKey: args.twoManRuleKey } : { rawTwoManRuleKey: args.rawTwoManRuleKey }),
    }) as BlobKey
  return {
    extraHeaders: { [HEADERS.appId]: appId, [HEADERS.version]: version },
    challengeValidate: async (args) => ({ newSessionId: await challengeValidate(ctx, args) }),
    push: async (args) =>
      pushIdentityBlob(ctx, { ...args, dataB64: await encryptIdentity(cryptoOf(args), keyOf(args), args.data) }),
    async search(args) {
      const { dataB64, authenticated } = await searchIdentityBlob(ctx, args)
      return { data: await decryptIdentity(cryptoOf(args), keyOf(args), dataB64), authenticated }
    },
    getFactorToken: (args) => requestFactorToken(ctx, args),
  }
}
