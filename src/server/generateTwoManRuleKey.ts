import { encodeBase64Url } from '../core/crypto/base64'

/** Bytes of entropy in a {@link generateTwoManRuleKey} key: 32 bytes = 256 bits. */
export const TWO_MAN_RULE_KEY_BYTES = 32

/**
 * A new per-user `twoManRuleKey` for password mode: 32 bytes (256 bits) from the platform's
 * CSPRNG (`crypto.getRandomValues`), base64url without padding — 43 characters of
 * `[A-Za-z0-9_-]`. The plugin stretches it with scrypt anyway, but starting from full-entropy
 * bytes means the key is never the weak link. Store it server-side, one per user, and hand it
 * to the front-end only over the app's authenticated route.
 */
export function generateTwoManRuleKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(TWO_MAN_RULE_KEY_BYTES))
  return encodeBase64Url(bytes)
}
