import { encodeIdentityBlob } from '../crypto/encodeIdentityBlob'
import type { IdentityKey } from '../crypto/identityKey'
import { openIdentityBlob } from '../crypto/openIdentityBlob'
import { HEADERS } from '../protocol/constants'
import type { SSKSClient } from '../http/createSSKSClient'
import { pushIdentityBlob } from '../ssks/pushIdentityBlob'
import { requestFactorToken } from '../ssks/requestFactorToken'
import { searchIdentityBlob } from '../ssks/searchIdentityBlob'
import { validateChallenge } from '../ssks/validateChallenge'
import type { KeyStore2MR, ScryptFunction } from '../types'

/**
 * `sdk.ssks2MR.keyStore`: the low-level calls with the official `KeyStore2MR` shapes (plus
 * `getFactorToken`). Arguments are not validated here, as in the official plugin: it is the
 * "advanced use" door; `saveIdentity`/`retrieveIdentity` validate first.
 */
export function createKeyStore(deps: {
  /** Must read its headers from this key store's `extraHeaders` at call time. */
  client: SSKSClient
  appId: string
  version: string
  scrypt: ScryptFunction
}): KeyStore2MR {
  const { client } = deps
  const keyStore: KeyStore2MR = {
    extraHeaders: { [HEADERS.appId]: deps.appId, [HEADERS.version]: deps.version },
    async challengeValidate({ sessionId, challenge, authFactor, signal }) {
      return { newSessionId: await validateChallenge(client, { sessionId, challenge, authFactor, signal }) }
    },
    async push({ appId = deps.appId, userId = '', authFactor, sessionId, twoManRuleKey, rawTwoManRuleKey, data, signal }) {
      const key = toIdentityKey(twoManRuleKey, rawTwoManRuleKey)
      const dataB64 = await encodeIdentityBlob({ appId, userId, ...key, identity: data, scrypt: deps.scrypt })
      return pushIdentityBlob(client, { sessionId, dataB64, authFactor, signal })
    },
    async search({ appId = deps.appId, userId = '', sessionId, twoManRuleKey, rawTwoManRuleKey, signal }) {
      const key = toIdentityKey(twoManRuleKey, rawTwoManRuleKey)
      const { dataB64, authenticated } = await searchIdentityBlob(client, { sessionId, signal })
      return { data: await openIdentityBlob({ appId, userId, ...key, dataB64, scrypt: deps.scrypt }), authenticated }
    },
    async getFactorToken({ sessionId, authFactor, signal }) {
      return requestFactorToken(client, { sessionId, authFactor, signal })
    },
  }
  return keyStore
}

/** Password mode when `twoManRuleKey` is set (as the official `if (twoManRuleKey)`), else raw. */
function toIdentityKey(twoManRuleKey: string | undefined, rawTwoManRuleKey: string | undefined): IdentityKey {
  if (twoManRuleKey) return { twoManRuleKey }
  if (rawTwoManRuleKey) return { rawTwoManRuleKey }
  throw new TypeError('keyStore: one of twoManRuleKey or rawTwoManRuleKey is required')
}
