import type { Context } from '../context'
import type { AccountInfo } from '../types'
import { throwIfAborted } from './throwIfAborted'

/** SDK 0.34's message when its account lock (`${databasePath}/account`) is held: it imports "fail if locked". */
const LOCKED = /^Resource "(.*)" is locked\.$/

/**
 * Long enough for another tab's import (a local decryption and one API call), short enough to give up on a stuck lock.
 */
const MAX_WAIT_MS = 10_000

/**
 * `sdk.importIdentity`, waiting out SDK 0.34's account lock: another tab (or another SDK in this
 * process with the same database path) importing at the same moment makes the SDK fail at once
 * with `Resource "…" is locked.`, which means nothing to a user. Our own retrieval lock only
 * covers one user's retrievals; this covers whatever else holds the SDK's lock. The wait is on
 * the Web Lock itself where there is one (it is the SDK's lock in browsers), else a doubling delay.
 */
export async function importIdentity(
  ctx: Context,
  identity: Uint8Array,
  signal: AbortSignal | undefined,
): Promise<AccountInfo> {
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.sdk.importIdentity(ctx.toSDKBytes(identity))
    } catch (error) {
      const lock = LOCKED.exec((error as Error | undefined)?.message ?? '')?.[1]
      if (lock === undefined || Date.now() - started > MAX_WAIT_MS) throw error
      ctx.logger.debug('SDK account lock held elsewhere; waiting', {
        operation: 'importIdentity',
        attempt: attempt + 1,
      })
      await waitForLock(lock, Math.min(25 * 2 ** attempt, 1_000), signal)
      throwIfAborted(signal, 'Retrieving identity')
    }
  }
}

async function waitForLock(name: string, delayMs: number, signal: AbortSignal | undefined): Promise<void> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks
  if (typeof locks?.request === 'function') {
    // Granted once the holder releases; released at once so the SDK can take it.
    await locks.request(name, signal ? { signal } : {}, () => undefined).catch(() => undefined)
    return
  }
  await new Promise((resolve) => setTimeout(resolve, delayMs))
}
