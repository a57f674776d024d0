import type { Context } from '../context'
import { encryptIdentity } from '../crypto/identityBlob'
import { authenticatedSession, pushIdentityBlob } from '../ssks/ssksCalls'
import type { SaveIdentityResult } from '../types'
import { validateArgs } from '../validation/validateArgs'
import { throwIfAborted } from './throwIfAborted'

/**
 * `sdk.ssks2MR.saveIdentity`: validate (no I/O on bad input), take the identity (given, or the
 * SDK's current one), encrypt it, validate the challenge when there is one, push. Encrypting
 * before `challenge_validate` means a local failure never spends one of the user's code attempts.
 */
export async function saveIdentity(ctx: Context, rawArgs: unknown): Promise<SaveIdentityResult> {
  const args = validateArgs(rawArgs, 'save')
  const { signal } = args
  const operation = 'Saving identity'
  throwIfAborted(signal, operation)
  const identity = new Uint8Array(args.identity ?? (await ctx.sdk.goatee.account.exportBackupKey()))
  throwIfAborted(signal, operation)
  const dataB64 = await encryptIdentity(ctx, args, identity)
  throwIfAborted(signal, operation)
  const sessionId = await authenticatedSession(ctx, args)
  const id = await pushIdentityBlob(ctx, { ...args, sessionId, dataB64 })
  return { ssksId: id, id, authenticatedSessionId: sessionId }
}
