import { encodeIdentityBlob } from '../crypto/encodeIdentityBlob'
import type { IdentityKey } from '../crypto/identityKey'
import { isSSKS2MRError } from '../errors'
import type { AuthFactor } from '../protocol/wire'
import { pushIdentityBlob } from '../ssks/pushIdentityBlob'
import type { OperationContext } from './operationContext'
import { sleep } from './sleep'

export interface RenewalOutcome {
  keysRenewed: boolean
  mustSaveIdentityAgain: boolean
}

/**
 * Key renewal after retrieving a backup stored without a challenge (official order: renewKey →
 * exportBackupKey → push on the same validated session). The identity is already imported, so
 * nothing here rejects:
 * - renewKey fails → keys unchanged, backup untouched (still unauthenticated, so the next
 *   retrieval renews again). Saving again now would mark it authenticated without renewal, so
 *   `mustSaveIdentityAgain` stays false.
 * - export or every push attempt fails → `mustSaveIdentityAgain`; SSKS still holds the previous
 *   backup, readable since nothing overwrote it.
 * The push is retried with the SAME bytes: an idempotent overwrite, unlike a fresh encryption.
 */
export async function renewAndPush(
  ctx: OperationContext,
  args: { userId: string; key: IdentityKey; authFactor: AuthFactor; sessionId: string; signal?: AbortSignal },
): Promise<RenewalOutcome> {
  try {
    await ctx.sdk.renewKey()
  } catch {
    ctx.logger.warn('Key renewal failed; keys unchanged, backup left as it was', { operation: 'renewKey' })
    return { keysRenewed: false, mustSaveIdentityAgain: false }
  }
  let dataB64: string
  try {
    const identity = new Uint8Array(await ctx.sdk.goatee.account.exportBackupKey())
    dataB64 = await encodeIdentityBlob({ appId: ctx.sdk.appId, userId: args.userId, ...args.key, identity, scrypt: ctx.scrypt })
  } catch {
    ctx.logger.warn('Renewed identity could not be exported; save it again', { operation: 'exportBackupKey' })
    return { keysRenewed: true, mustSaveIdentityAgain: true }
  }
  const attempts = 1 + ctx.renewalPushRetries
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await pushIdentityBlob(ctx.client, { sessionId: args.sessionId, dataB64, authFactor: args.authFactor, signal: args.signal })
      return { keysRenewed: true, mustSaveIdentityAgain: false }
    } catch (error) {
      const retryable = isSSKS2MRError(error) && ['NETWORK', 'TIMEOUT', 'SERVER', 'RATE_LIMITED'].includes(error.code)
      ctx.logger.warn('Renewal push failed', { operation: 'push', attempt, attempts, code: isSSKS2MRError(error) ? error.code : 'UNKNOWN' })
      if (!retryable || attempt === attempts || args.signal?.aborted) break
      await sleep(ctx.retryDelayMs * 2 ** (attempt - 1), args.signal)
      if (args.signal?.aborted) break
    }
  }
  return { keysRenewed: true, mustSaveIdentityAgain: true }
}
