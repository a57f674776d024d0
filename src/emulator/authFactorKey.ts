import type { AuthFactor } from '../core/protocol/wire'

/**
 * The key under which SSKS files an auth factor: `type` compared exactly; an email compared after
 * NFKC, removing every space and lower-casing (what Seald's example back-end does before
 * challenge_send, so both spellings of one address meet); a phone number only trimmed.
 * The real server's rule is undocumented (ssks-protocol.md §5) — this is the emulator's choice.
 */
export function authFactorKey(authFactor: AuthFactor): string {
  const value =
    authFactor.type === 'EM'
      ? authFactor.value.normalize('NFKC').replace(/\s+/gu, '').toLowerCase()
      : authFactor.value.trim()
  return `${authFactor.type}\u0000${value}`
}
