import { saltSuffix } from '../protocol/constants'
import type { ScryptFunction } from '../types'
import { concatBytes } from './concatBytes'
import { encodeText } from './encodeText'

/**
 * The 64-byte SymKey of password mode (ssks-protocol.md §7.2):
 * `scrypt(encodeText(twoManRuleKey), salt32 || encodeText("seald-ssks-2mr-encryption|appId|userId"))`.
 * appId and userId are part of the salt, so a wrong one looks exactly like a wrong key.
 */
export function deriveKey(
  scrypt: ScryptFunction,
  args: { appId: string; userId: string; twoManRuleKey: string; salt: Uint8Array },
): Promise<Uint8Array> {
  return scrypt(encodeText(args.twoManRuleKey), concatBytes(args.salt, encodeText(saltSuffix(args.appId, args.userId))))
}
