import { retrievalLockName, runExclusive } from '../concurrency/runExclusive'
import type { Context } from '../context'
import { decryptIdentity } from '../crypto/identityBlob'
import { authenticatedSession, searchIdentityBlob } from '../ssks/ssksCalls'
import type { RetrieveIdentityResult } from '../types'
import { validateArgs } from '../validation/validateArgs'
import { importIdentity } from './importIdentity'
import { renewAndPush } from './renewAndPush'
import { throwIfAborted } from './throwIfAborted'

const OPERATION = 'Retrieving identity'

/**
 * `sdk.ssks2MR.retrieveIdentity`: validate (no I/O on bad input), then — one retrieval of a given
 * (appId, userId) at a time — validate the challenge (skipped when none is given and
 * `sessionId` is already authenticated), search, decrypt, import into the SDK, and renew the keys
 * when the backup had been stored without a challenge.
 */
export async function retrieveIdentity(ctx: Context, rawArgs: unknown): Promise<RetrieveIdentityResult> {
  const args = validateArgs(rawArgs, 'retrieve')
  const { signal, userId } = args
  const { sdk } = ctx
  throwIfAborted(signal, OPERATION)
  return runExclusive(retrievalLockName(sdk.appId, userId), signal, async () => {
    throwIfAborted(signal, OPERATION)
    const sessionId = await authenticatedSession(ctx, args)
    const { dataB64, authenticated } = await searchIdentityBlob(ctx, { sessionId, signal })
    const identity = await decryptIdentity(ctx, args, dataB64)
    throwIfAborted(signal, OPERATION)
    const imported = await importIdentity(ctx, identity, signal)
    const accountInfo = { userId: imported.userId, sealdId: imported.sealdId, deviceId: imported.deviceId }
    return {
      ...accountInfo,
      accountInfo,
      authenticatedSessionId: sessionId,
      ...(await renewAndPush(ctx, { ...args, sessionId }, authenticated)),
    }
  })
}
