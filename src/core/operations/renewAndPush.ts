import type { Context } from '../context'
import { encryptIdentity } from '../crypto/identityBlob'
import { pushIdentityBlob } from '../ssks/ssksCalls'
import type { ValidArgs } from '../validation/validateArgs'
import { renewPrepared } from './renewPrepared'

export interface RenewalOutcome {
  keysRenewed: boolean
  mustSaveIdentityAgain: boolean
}

/**
 * Key renewal after retrieving a backup stored without a challenge (`authenticated` false).
 * The identity is already imported, so nothing here rejects. With an SDK that can prepare a
 * renewal (0.34+), the crash-safe order of `renewPrepared`; else the official order:
 * renewKey → exportBackupKey → push on the same validated session.
 * - renewKey fails → keys unchanged, backup untouched (still unauthenticated, so the next
 *   retrieval renews again). Saving again now would mark it authenticated without renewal, so
 *   `mustSaveIdentityAgain` stays false.
 * - export or every push attempt fails → `mustSaveIdentityAgain`: SSKS still holds the backup
 *   of the keys before renewal.
 * The push is retried (ky: dropped connection, timeout, 408/429/5xx) with the SAME bytes: an
 * idempotent overwrite, unlike a fresh encryption.
 */
export async function renewAndPush(ctx: Context, args: ValidArgs, authenticated: boolean): Promise<RenewalOutcome> {
  const { sdk, logger } = ctx
  if (authenticated) return { keysRenewed: false, mustSaveIdentityAgain: false }
  if (typeof sdk.prepareRenew === 'function') return renewPrepared(ctx, args)
  try {
    await sdk.renewKey()
  } catch {
    logger.warn('renewKey failed; backup unchanged', { operation: 'renewKey' })
    return { keysRenewed: false, mustSaveIdentityAgain: false }
  }
  try {
    const identity = new Uint8Array(await sdk.goatee.account.exportBackupKey())
    await pushIdentityBlob(
      ctx,
      { ...args, dataB64: await encryptIdentity(ctx, args, identity) },
      ctx.renewalPushRetries,
    )
    return { keysRenewed: true, mustSaveIdentityAgain: false }
  } catch (error) {
    logger.warn('Renewed identity not saved: mustSaveIdentityAgain', {
      operation: 'renewal',
      code: (error as { code?: string }).code,
    })
    return { keysRenewed: true, mustSaveIdentityAgain: true }
  }
}
