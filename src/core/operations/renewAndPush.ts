import type { Context } from '../context'
import { encodeIdentityBlob } from '../crypto/identityBlob'
import { pushIdentityBlob } from '../ssks/ssksCalls'
import type { ValidArgs } from '../validation/validateArgs'

/**
 * Key renewal after retrieving a backup stored without a challenge (`authenticated` false),
 * in the official order: renewKey → exportBackupKey → push on the same validated session. The
 * identity is already imported, so nothing here rejects:
 * - renewKey fails → keys unchanged, backup untouched (still unauthenticated, so the next
 *   retrieval renews again). Saving again now would mark it authenticated without renewal, so
 *   `mustSaveIdentityAgain` stays false.
 * - export or every push attempt fails → `mustSaveIdentityAgain`; SSKS still holds the previous
 *   backup, readable since nothing overwrote it.
 * The push is retried (ky: dropped connection, timeout, 408/429/5xx) with the SAME bytes: an
 * idempotent overwrite, unlike a fresh encryption.
 */
export async function renewAndPush(ctx: Context, args: ValidArgs, authenticated: boolean): Promise<{ keysRenewed: boolean; mustSaveIdentityAgain: boolean }> {
  const { sdk, logger } = ctx
  if (authenticated) return { keysRenewed: false, mustSaveIdentityAgain: false }
  try {
    await sdk.renewKey()
  } catch {
    logger.warn('renewKey failed; backup unchanged', { operation: 'renewKey' })
    return { keysRenewed: false, mustSaveIdentityAgain: false }
  }
  try {
    const identity = new Uint8Array(await sdk.goatee.account.exportBackupKey())
    const dataB64 = await encodeIdentityBlob({ ...args, appId: sdk.appId, identity, scrypt: ctx.scrypt })
    await pushIdentityBlob(ctx, { ...args, dataB64 }, ctx.renewalPushRetries)
    return { keysRenewed: true, mustSaveIdentityAgain: false }
  } catch (error) {
    logger.warn('Renewed identity not saved: mustSaveIdentityAgain', { operation: 'renewal', code: (error as { code?: string }).code })
    return { keysRenewed: true, mustSaveIdentityAgain: true }
  }
}
