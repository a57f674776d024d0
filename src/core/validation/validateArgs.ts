/**
 * Hand-written checks reproducing the official plugin's Joi schema (ssks-protocol.md §6.2)
 * without shipping Joi: same order, same first error, same messages — except that a value
 * failing a pattern is NOT echoed (Joi writes `with value "<v>"`), because the patterns guard
 * secrets (raw keys, challenges) and error messages end up in logs and error trackers.
 */
import type { IdentityKey } from '../crypto/identityKey'
import { AUTH_FACTOR_VALUE_MAX, CHALLENGE_PATTERN, RAW_KEY_PATTERN } from '../protocol/constants'
import type { AuthFactor } from '../protocol/wire'
import type { IdentityBytes } from '../types'
import { checkAuthFactor, checkString, isByteArray, isObject, SESSION_ID_PATTERN, type Args } from './checks'
import { fail } from './fail'

/** Which call the arguments are for: the rules differ only in a few fields. */
export type Call = 'save' | 'retrieve' | 'getFactorToken'

/**
 * Arguments after validation, deprecated `email` folded into `authFactor`: a fresh object with
 * only these fields, so the caller's object cannot change under us, and its unknown keys never
 * reach the crypto.
 */
export type ValidArgs = IdentityKey & {
  /** '' for getFactorToken without `userId` (it is only informative there). */
  userId: string
  sessionId: string
  authFactor: AuthFactor
  challenge: string | undefined
  /** Only for save. */
  identity: IdentityBytes | undefined
  signal: AbortSignal | undefined
}

/**
 * §6.2 in Joi's order (userId, sessionId, email, authFactor, challenge, twoManRuleKey,
 * rawTwoManRuleKey, identity, then the two xor rules), stopping at the first error; then
 * `signal`. Keys not listed are ignored, as the official plugin ignores them.
 * getFactorToken shares the rules of the fields it has; `authFactor` is required there and
 * `userId` optional.
 */
export function validateArgs(args: unknown, call: Call): ValidArgs {
  // The official plugin would throw a destructuring TypeError on a non-object.
  if (!isObject(args)) fail('', 'must be of type object')
  const forToken = call === 'getFactorToken'
  checkString('userId', args.userId, !forToken)
  checkString('sessionId', args.sessionId, true)
  // Beyond Joi: the session id goes into a header; refuse what `fetch` would reject or trim.
  if (!SESSION_ID_PATTERN.test(args.sessionId as string)) {
    fail('sessionId', 'must only contain printable ASCII characters')
  }
  if (!forToken) checkString('email', args.email, false, AUTH_FACTOR_VALUE_MAX)
  checkAuthFactor(args.authFactor, forToken)
  checkString('challenge', args.challenge, false, 0, CHALLENGE_PATTERN)
  if (!forToken) {
    checkString('twoManRuleKey', args.twoManRuleKey)
    checkString('rawTwoManRuleKey', args.rawTwoManRuleKey, false, 0, RAW_KEY_PATTERN)
    // Any Uint8Array (a Buffer is one): browsers have no Buffer. Empty bytes would be "saved" and restore nothing.
    if (call === 'save' && args.identity !== undefined) {
      if (!isByteArray(args.identity)) fail('identity', 'failed custom validation because must be Buffer or Uint8Array')
      if (args.identity.byteLength === 0) fail('identity', 'is not allowed to be empty')
    }
    checkXor(args, 'email', 'authFactor')
    checkXor(args, 'twoManRuleKey', 'rawTwoManRuleKey')
  }
  const signal = args.signal as AbortSignal | undefined
  if (
    signal !== undefined &&
    (!isObject(signal) || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function')
  ) {
    fail('signal', 'must be an AbortSignal')
  }
  const { type, value } = (args.authFactor ?? { type: 'EM', value: args.email }) as AuthFactor
  return {
    userId: (args.userId as string | undefined) ?? '',
    sessionId: args.sessionId as string,
    authFactor: { type, value },
    challenge: args.challenge as string | undefined,
    // Exactly one is a string for save/retrieve (xor rule); getFactorToken uses neither.
    ...({ twoManRuleKey: args.twoManRuleKey, rawTwoManRuleKey: args.rawTwoManRuleKey } as IdentityKey),
    identity: call === 'save' ? (args.identity as IdentityBytes | undefined) : undefined,
    signal,
  }
}

/** Joi's `.xor(a, b)`: exactly one present (checked after every key, as Joi does). */
function checkXor(args: Args, a: string, b: string): void {
  const count = +(args[a] !== undefined) + +(args[b] !== undefined)
  if (count !== 1)
    fail(
      '',
      count ? `contains a conflict between exclusive peers [${a}, ${b}]` : `must contain at least one of [${a}, ${b}]`,
    )
}
