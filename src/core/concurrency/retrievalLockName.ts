import { sha256 } from '@noble/hashes/sha2.js'
import type { AuthFactor } from '../protocol/wire'

/**
 * Name under which retrievals of one identity queue: a SHA-256 of (appId, userId, auth factor),
 * so the email or phone number never shows up in a lock name (Web Lock names are visible to every
 * tab of the origin and to devtools). Synchronous (noble's SHA-256, already bundled for scrypt)
 * so that calls queue in the order they were made.
 */
export function retrievalLockName(appId: string, userId: string, authFactor: AuthFactor): string {
  const digest = sha256(new TextEncoder().encode(JSON.stringify([appId, userId, authFactor.type, authFactor.value])))
  let hex = ''
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0')
  return `ssks-2mr-kit:retrieve:${hex}`
}
