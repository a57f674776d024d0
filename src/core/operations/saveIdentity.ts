import { encodeIdentityBlob } from '../crypto/encodeIdentityBlob'
import { pushIdentityBlob } from '../ssks/pushIdentityBlob'
import { validateChallenge } from '../ssks/validateChallenge'
import type { SaveIdentityResult } from '../types'
import { validateSaveIdentityArgs } from '../validation/validateSaveIdentityArgs'
import type { OperationContext } from './operationContext'
import { throwIfAborted } from './throwIfAborted'

/**
 * `sdk.ssks2MR.saveIdentity`: validate (no I/O on bad input), take the identity (given, or the
 * SDK's current one), encrypt it, validate the challenge when there is one, push. Encrypting
 * before `challenge_validate` means a local failure never spends one of the user's code attempts.
 */
export async function saveIdentity(ctx: OperationContext, rawArgs: unknown): Promise<SaveIdentityResult> {
  const args = validateSaveIdentityArgs(rawArgs)
  throwIfAborted(args.signal, 'Saving identity')
  const { signal, authFactor } = args
  ctx.logger.debug('saveIdentity', { authFactorType: authFactor.type, withChallenge: args.challenge !== undefined, withIdentity: args.identity !== undefined })
  const identity = args.identity ? new Uint8Array(args.identity) : new Uint8Array(await ctx.sdk.goatee.account.exportBackupKey())
  throwIfAborted(signal, 'Saving identity')
  const dataB64 = await encodeIdentityBlob({ appId: ctx.sdk.appId, userId: args.userId, ...args.key, identity, scrypt: ctx.scrypt })
  throwIfAborted(signal, 'Saving identity')
  const sessionId = args.challenge ? await validateChallenge(ctx.client, { sessionId: args.sessionId, challenge: args.challenge, authFactor, signal }) : args.sessionId
  const ssksId = await pushIdentityBlob(ctx.client, { sessionId, dataB64, authFactor, signal })
  ctx.logger.debug('saveIdentity done', { authFactorType: authFactor.type })
  return { ssksId, authenticatedSessionId: sessionId }
}
