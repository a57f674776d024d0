import { retrievalQueueKey } from '../concurrency/retrievalLockName'
import { runExclusive } from '../concurrency/runExclusive'
import { openIdentityBlob } from '../crypto/openIdentityBlob'
import { searchIdentityBlob } from '../ssks/searchIdentityBlob'
import { validateChallenge } from '../ssks/validateChallenge'
import type { RetrieveIdentityResult } from '../types'
import type { ValidCallArgs } from '../validation/validateCallArgs'
import { validateRetrieveIdentityArgs } from '../validation/validateRetrieveIdentityArgs'
import type { OperationContext } from './operationContext'
import { renewAndPush } from './renewAndPush'
import { throwIfAborted } from './throwIfAborted'

/**
 * `sdk.ssks2MR.retrieveIdentity`: validate (no I/O on bad input), then — one retrieval of a given
 * (appId, userId, auth factor) at a time — validate the challenge (skipped when none is given and
 * `sessionId` is already authenticated), search, decrypt, import into the SDK, and renew the keys
 * when the backup had been stored without a challenge.
 */
export async function retrieveIdentity(ctx: OperationContext, rawArgs: unknown): Promise<RetrieveIdentityResult> {
  const args = validateRetrieveIdentityArgs(rawArgs)
  throwIfAborted(args.signal, 'Retrieving identity')
  const queueKey = retrievalQueueKey(ctx.sdk.appId, args.userId, args.authFactor)
  return runExclusive(queueKey, args.signal, () => retrieveNow(ctx, args))
}

async function retrieveNow(ctx: OperationContext, args: ValidCallArgs): Promise<RetrieveIdentityResult> {
  const { signal, authFactor } = args
  throwIfAborted(signal, 'Retrieving identity')
  ctx.logger.debug('retrieveIdentity', { authFactorType: authFactor.type, withChallenge: args.challenge !== undefined })
  const sessionId = args.challenge ? await validateChallenge(ctx.client, { sessionId: args.sessionId, challenge: args.challenge, authFactor, signal }) : args.sessionId
  const { dataB64, authenticated } = await searchIdentityBlob(ctx.client, { sessionId, signal })
  const identity = await openIdentityBlob({ appId: ctx.sdk.appId, userId: args.userId, ...args.key, dataB64, scrypt: ctx.scrypt })
  throwIfAborted(signal, 'Retrieving identity')
  const imported = await ctx.sdk.importIdentity(ctx.toSDKBytes(identity))
  const accountInfo = { userId: imported.userId, sealdId: imported.sealdId, deviceId: imported.deviceId }
  ctx.logger.debug('Identity imported', { authenticated })
  const renewal = authenticated
    ? { keysRenewed: false, mustSaveIdentityAgain: false }
    : await renewAndPush(ctx, { userId: args.userId, key: args.key, authFactor, sessionId, signal })
  return { ...accountInfo, accountInfo, authenticatedSessionId: sessionId, ...renewal }
}
