import type { IdentityKey } from '../crypto/identityKey'
import { CHALLENGE_PATTERN, RAW_KEY_PATTERN } from '../protocol/constants'
import type { AuthFactor } from '../protocol/wire'
import type { IdentityBytes } from '../types'
import {
  checkArgsObject,
  checkAuthFactor,
  checkHeaderValue,
  checkIdentity,
  checkSignal,
  checkString,
  checkXor,
} from './rules'

/** Arguments of saveIdentity/retrieveIdentity after validation, deprecated `email` folded in. */
export interface ValidCallArgs {
  userId: string
  sessionId: string
  authFactor: AuthFactor
  challenge: string | undefined
  key: IdentityKey
  identity: IdentityBytes | undefined
  signal: AbortSignal | undefined
}

/**
 * §6.2 in Joi's order (userId, sessionId, email, authFactor, challenge, twoManRuleKey,
 * rawTwoManRuleKey, identity, then the two xor rules), stopping at the first error.
 * Keys not listed are ignored, as the official plugin ignores them.
 */
export function validateCallArgs(args: unknown, options: { challengeRequired: boolean; acceptsIdentity: boolean }): ValidCallArgs {
  checkArgsObject(args)
  checkString('userId', args.userId, { required: true })
  checkString('sessionId', args.sessionId, { required: true })
  checkHeaderValue('sessionId', args.sessionId)
  checkString('email', args.email, { max: 1024 })
  checkAuthFactor('authFactor', args.authFactor)
  checkString('challenge', args.challenge, { required: options.challengeRequired, pattern: CHALLENGE_PATTERN })
  checkString('twoManRuleKey', args.twoManRuleKey)
  checkString('rawTwoManRuleKey', args.rawTwoManRuleKey, { pattern: RAW_KEY_PATTERN })
  if (options.acceptsIdentity) checkIdentity('identity', args.identity)
  checkXor(args, 'email', 'authFactor')
  checkXor(args, 'twoManRuleKey', 'rawTwoManRuleKey')
  checkSignal('signal', args.signal)

  const authFactor = (args.authFactor as AuthFactor | undefined) ?? { type: 'EM', value: args.email as string }
  const key: IdentityKey =
    args.twoManRuleKey !== undefined ? { twoManRuleKey: args.twoManRuleKey as string } : { rawTwoManRuleKey: args.rawTwoManRuleKey as string }
  return {
    userId: args.userId as string,
    sessionId: args.sessionId as string,
    // A copy: the caller's object must not change under us between validation and use.
    authFactor: { type: authFactor.type, value: authFactor.value },
    challenge: args.challenge as string | undefined,
    key,
    identity: options.acceptsIdentity ? (args.identity as IdentityBytes | undefined) : undefined,
    signal: args.signal as AbortSignal | undefined,
  }
}
