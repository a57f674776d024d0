import type { Context } from '../context'
import { encryptIdentity } from '../crypto/identityBlob'
import { pushIdentityBlob } from '../ssks/ssksCalls'
import type { ValidArgs } from '../validation/validateArgs'
import type { RenewalOutcome } from './renewAndPush'

/**
 * Crash-safe renewal (SDK 0.34+), in the order the SDK documents: `prepareRenew` → push the
 * prepared identity on the validated session (retried, same bytes) → `renewKey({ preparedRenewal })`.
 * Importing a prepared identity tries its new keys, then the current ones, so SSKS holds a
 * backup that restores whatever step fails, and nothing ever has to be saved again:
 * - prepareRenew fails → nothing changed; the backup stays unauthenticated, the next retrieval renews.
 * - every push attempt fails → the keys stay as they are; SSKS holds the old backup (or, if a push
 *   landed unseen, the prepared one, which restores with the current keys).
 * - renewKey fails → the keys stay as they are; the prepared backup restores with them.
 */
export async function renewPrepared(ctx: Context, args: ValidArgs): Promise<RenewalOutcome> {
  const { sdk, logger } = ctx
  const unchanged = { keysRenewed: false, mustSaveIdentityAgain: false }
  let prepared: Uint8Array
  try {
    prepared = await sdk.prepareRenew!()
    const dataB64 = await encryptIdentity(ctx, args, new Uint8Array(prepared))
    await pushIdentityBlob(ctx, { ...args, dataB64 }, ctx.renewalPushRetries)
  } catch (error) {
    logger.warn('Renewal not prepared or not saved; keys unchanged', {
      operation: 'prepareRenew',
      code: (error as { code?: string }).code,
    })
    return unchanged
  }
  try {
    await sdk.renewKey({ preparedRenewal: prepared })
    return { keysRenewed: true, mustSaveIdentityAgain: false }
  } catch {
    logger.warn('renewKey failed; the saved prepared renewal restores with the current keys', { operation: 'renewKey' })
    return unchanged
  }
}
