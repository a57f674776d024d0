import { webCrypto } from '../crypto/webCrypto'
import type { AuthFactor } from '../protocol/wire'

/**
 * Web Lock name under which retrievals of one identity queue across tabs: a SHA-256 of
 * (appId, userId, auth factor), so the email or phone number never shows up in a lock name
 * (lock names are visible to every tab of the origin and to devtools).
 */
export async function retrievalLockName(queueKey: string): Promise<string> {
  const digest = new Uint8Array(await webCrypto().subtle.digest('SHA-256', new TextEncoder().encode(queueKey)))
  let hex = ''
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0')
  return `ssks-2mr-kit:retrieve:${hex}`
}

/** What identifies "the same identity" for queueing: app, user and auth factor. */
export function retrievalQueueKey(appId: string, userId: string, authFactor: AuthFactor): string {
  return JSON.stringify([appId, userId, authFactor.type, authFactor.value])
}
