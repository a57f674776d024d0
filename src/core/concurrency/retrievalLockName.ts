import type { AuthFactor } from '../protocol/wire'
import { webCrypto } from '../crypto/webCrypto'

/**
 * Name under which retrievals of one identity queue: a SHA-256 of (appId, userId, auth factor),
 * so the email or phone number never shows up in a lock name (Web Lock names are visible to every
 * tab of the origin and to devtools).
 */
export async function retrievalLockName(appId: string, userId: string, authFactor: AuthFactor): Promise<string> {
  const input = new TextEncoder().encode(JSON.stringify([appId, userId, authFactor.type, authFactor.value]))
  const digest = new Uint8Array(await webCrypto().subtle.digest('SHA-256', input))
  let hex = ''
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0')
  return `ssks-2mr-kit:retrieve:${hex}`
}
